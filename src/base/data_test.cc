#include "rasd/data.h"

#include <gtest/gtest.h>

namespace rasd::data {
namespace {

TEST(Data, ShippedFilesAreCompiledIn) {
  auto f = Find("text/stem_exceptions.tsv");
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(f->find("لبنان"), std::string_view::npos);
  EXPECT_FALSE(Find("no/such/file.txt").has_value());
  auto names = List();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

TEST(Data, LinesSkipCommentsBlanksAndCarriageReturns) {
  auto lines = Lines("# comment\na\tb\r\n\nc\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "a\tb");
  EXPECT_EQ(lines[1], "c");
  auto f = Fields(lines[0]);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1], "b");
}

}  // namespace
}  // namespace rasd::data
