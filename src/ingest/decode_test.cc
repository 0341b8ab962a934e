#include <gtest/gtest.h>

#include "rasd/ingest.h"

namespace rasd::ingest {
namespace {

RawDoc Text(std::string bytes) {
  RawDoc d;
  d.uri = "t.txt";
  d.content_type = "text/plain";
  d.bytes = std::move(bytes);
  return d;
}

TEST(Decode, Utf8PassesThroughAndBomIsDropped) {
  auto s = Decode(Text("\xEF\xBB\xBFسلام"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->text, "سلام");
  EXPECT_EQ(s->encoding, "utf-8");
}

TEST(Decode, Utf16WithBomIsConverted) {
  std::string le = "\xFF\xFE";
  for (char16_t c : std::u16string(u"سلام")) {
    le.push_back(static_cast<char>(c & 0xFF));
    le.push_back(static_cast<char>(c >> 8));
  }
  auto s = Decode(Text(le));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->text, "سلام");
  EXPECT_EQ(s->encoding, "utf-16le");
}

TEST(Decode, LoneSurrogateInUtf16IsAnError) {
  std::string le = "\xFF\xFE" "A\x00" "\x00\xD8" "B\x00";
  auto s = Decode(Text(le));
  EXPECT_FALSE(s.ok());
}

TEST(Decode, Windows1256WithoutBomIsDetected) {
  // "قال المتحدث باسم التحالف الدولي إن العملية مستمرة" in Windows-1256, repeated for the detector.
  std::string cp1256 = "\xDE\xC7\xE1" " \xC7\xE1\xE3\xCA\xCD\xCF\xCB" " \xC8\xC7\xD3\xE3" " \xC7\xE1\xCA\xCD\xC7\xE1\xDD" " \xC7\xE1\xCF\xE6\xE1\xED" " \xC5\xE4" " \xC7\xE1\xDA\xE3\xE1\xED\xC9" " \xE3\xD3\xCA\xE3\xD1\xC9." " ";
  std::string text;
  for (int i = 0; i < 8; ++i) text += cp1256;
  auto s = Decode(Text(text));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->encoding, "windows-1256");
  EXPECT_NE(s->text.find("المتحدث"), std::string::npos);
}

TEST(Decode, InvalidUtf8NamesTheOffset) {
  auto s = Decode(Text("سلام عليكم \xC3\x28 وبعد"));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("invalid UTF-8 at byte 20"), std::string::npos)
      << s.status().message();
}

TEST(Decode, EmptyAndBinaryInputsAreErrors) {
  EXPECT_FALSE(Decode(Text("")).ok());
  EXPECT_FALSE(Decode(Text(" \n\t ")).ok());
  auto bin = Decode(Text(std::string("ELF\0\0\1", 6)));
  ASSERT_FALSE(bin.ok());
  EXPECT_NE(bin.status().message().find("binary"), std::string::npos);
}

}  // namespace
}  // namespace rasd::ingest
