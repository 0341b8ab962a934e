#include <gtest/gtest.h>
TEST(Ner, Todo) {}
