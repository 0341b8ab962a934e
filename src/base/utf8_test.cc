#include "rasd/utf8.h"

#include <gtest/gtest.h>

namespace rasd::utf8 {
namespace {

TEST(Utf8, NextDecodesArabicAndAdvances) {
  std::string s = "aب€😀";
  size_t pos = 0;
  EXPECT_EQ(Next(s, &pos), U'a');
  EXPECT_EQ(Next(s, &pos), U'ب');
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(Next(s, &pos), U'€');
  EXPECT_EQ(Next(s, &pos), U'😀');
  EXPECT_EQ(pos, s.size());
}

TEST(Utf8, InvalidSequencesDecodeAsReplacementOneByteAtATime) {
  const std::string cases[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF8\x88\x80\x80\x80",
                               "\xD8", "\x80"};
  for (const std::string& s : cases) {
    size_t pos = 0;
    EXPECT_EQ(Next(s, &pos), 0xFFFDu);
    EXPECT_EQ(pos, 1u);
    EXPECT_EQ(FindInvalid(s), 0u);
  }
}

TEST(Utf8, FindInvalidReportsTheFirstBadByte) {
  EXPECT_EQ(FindInvalid("مرحبا hello"), std::string_view::npos);
  std::string s = "abcdefghijklmn\xFFxyz";
  EXPECT_EQ(FindInvalid(s), 14u);
}

TEST(Utf8, SanitizeReplacesOnlyInvalidBytes) {
  EXPECT_EQ(Sanitize("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(Sanitize("سلام"), "سلام");
}

TEST(Utf8, PrevIsTheInverseOfNext) {
  std::string s = "xسy😀";
  size_t pos = s.size();
  EXPECT_EQ(Prev(s, &pos), U'😀');
  EXPECT_EQ(Prev(s, &pos), U'y');
  EXPECT_EQ(Prev(s, &pos), U'س');
  EXPECT_EQ(Prev(s, &pos), U'x');
  EXPECT_EQ(pos, 0u);
}

TEST(Utf8, Utf16OffsetsCountSurrogatePairsAsTwo) {
  std::string s = "ab😀سd";
  Utf16Index idx(s);
  EXPECT_EQ(idx.ToUtf16(0), 0u);
  EXPECT_EQ(idx.ToUtf16(2), 2u);
  EXPECT_EQ(idx.ToUtf16(6), 4u);  // after the emoji
  EXPECT_EQ(idx.ToUtf16(8), 5u);  // after س
  EXPECT_EQ(idx.ToUtf16(static_cast<uint32_t>(s.size())), Utf16Length(s));
}

TEST(Utf8, Utf16IndexWorksAcrossCheckpoints) {
  std::string s;
  for (int i = 0; i < 100; ++i) s += "س😀a";
  Utf16Index idx(s);
  size_t pos = 0;
  uint32_t units = 0;
  while (pos < s.size()) {
    EXPECT_EQ(idx.ToUtf16(static_cast<uint32_t>(pos)), units);
    char32_t c = Next(s, &pos);
    units += c >= 0x10000 ? 2 : 1;
  }
  EXPECT_EQ(idx.ToUtf16(static_cast<uint32_t>(s.size())), units);
}

}  // namespace
}  // namespace rasd::utf8
