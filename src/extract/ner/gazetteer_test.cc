#include <gtest/gtest.h>
TEST(Gazetteer, Todo) {}
