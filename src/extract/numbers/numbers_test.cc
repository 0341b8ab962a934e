#include <gtest/gtest.h>
TEST(Numbers, Placeholder) {}
