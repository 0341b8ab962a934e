#include <gtest/gtest.h>

#include "rasd/text.h"

namespace rasd::text {
namespace {

std::vector<std::string> Surfaces(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(t.span.Of(text));
  return out;
}

TEST(Tokenize, SeparatesPunctuationAndKeepsOffsets) {
  std::string text = "كشف المتحدث، “واين ماروتو” عن اعتقال اثنين.";
  auto tokens = Tokenize(text);
  std::vector<std::string> expect = {"كشف",  "المتحدث", "،",  "“",      "واين", "ماروتو",
                                     "”",    "عن",      "اعتقال", "اثنين", "."};
  ASSERT_EQ(tokens.size(), expect.size());
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].span.Of(text), expect[i]);
  EXPECT_EQ(tokens[2].kind, TokenKind::kPunct);
  EXPECT_EQ(tokens[2].norm, ",");
}

TEST(Tokenize, NumbersKeepSeparatorsAndDigitScripts) {
  EXPECT_EQ(Surfaces("قتل 2,500 و ٣٥٠ و1.5 مليون"),
            (std::vector<std::string>{"قتل", "2,500", "و", "٣٥٠", "و", "1.5", "مليون"}));
  auto t = Tokenize("٢٠٢١");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].kind, TokenKind::kNumber);
  EXPECT_EQ(t[0].norm, "2021");
  // A comma not followed by three digits is punctuation.
  EXPECT_EQ(Surfaces("1,2"), (std::vector<std::string>{"1", ",", "2"}));
}

TEST(Tokenize, DatesAndTimesSplitIntoParts) {
  EXPECT_EQ(Surfaces("22/02/2021 01:43"),
            (std::vector<std::string>{"22", "/", "02", "/", "2021", "01", ":", "43"}));
}

TEST(Tokenize, DigitsGluedToLettersSplitByScript) {
  EXPECT_EQ(Surfaces("3341طن MQ9 22nd sy24"),
            (std::vector<std::string>{"3341", "طن", "MQ9", "22nd", "sy24"}));
}

TEST(Tokenize, UrlsHashtagsAndHandlesAreSingleTokens) {
  std::string text = "انظر https://t.co/9rqhLUfMRe pic.twitter.com/30Zuih2i0u #التحالف (@Najdat567).";
  auto tokens = Tokenize(text);
  ASSERT_GE(tokens.size(), 7u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kUrl);
  EXPECT_EQ(tokens[1].span.Of(text), "https://t.co/9rqhLUfMRe");
  EXPECT_EQ(tokens[2].kind, TokenKind::kUrl);
  EXPECT_EQ(tokens[3].kind, TokenKind::kHashtag);
  EXPECT_EQ(tokens[3].stem, "تحالف");
  EXPECT_EQ(tokens[5].kind, TokenKind::kHandle);
  EXPECT_EQ(tokens[5].span.Of(text), "@Najdat567");
}

TEST(Tokenize, BodyExcludesProcliticsButKeepsTheArticle) {
  struct Case {
    const char* word;
    const char* body;
  } cases[] = {
      {"والعراق", "العراق"}, {"لماروتو", "ماروتو"}, {"بالتحالف", "التحالف"},
      {"وبحسب", "حسب"},     {"وزير", "وزير"},     {"واشنطن", "واشنطن"},
      {"العراق", "العراق"},  {"وَالعراق", "العراق"}, {"لبنان", "لبنان"},
  };
  for (const auto& c : cases) {
    std::string text = std::string("قال ") + c.word;
    auto tokens = Tokenize(text);
    ASSERT_EQ(tokens.size(), 2u) << c.word;
    EXPECT_EQ(tokens[1].body().Of(text), c.body) << c.word;
  }
}

TEST(Tokenize, EveryNonSpaceByteIsCoveredExactlyOnce) {
  std::string text = "أعلن التحالف (الدولي) عن 50 عملية… ضد \"داعش\" في 2021م! ok?";
  auto tokens = Tokenize(text);
  size_t prev_end = 0;
  for (const Token& t : tokens) {
    ASSERT_GE(t.span.begin, prev_end);
    for (size_t i = prev_end; i < t.span.begin; ++i) EXPECT_EQ(text[i], ' ');
    EXPECT_LT(t.span.begin, t.span.end);
    prev_end = t.span.end;
  }
}

// Fuzzing finding F1 (docs/reliability.md): a digit of another script once
// made the tokenizer emit empty tokens forever.
TEST(Tokenize, DigitsOfEveryScriptAreNonEmptyNumberTokens) {
  std::string text = "٣ ४ ߄ ３ ४٢";
  auto tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 5u);
  for (const Token& t : tokens) {
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_EQ(t.kind, TokenKind::kNumber) << t.span.Of(text);
  }
  EXPECT_EQ(tokens[4].span.Of(text), "४٢");
}

TEST(Tokenize, InvalidUtf8NeverLoopsOrEscapesBounds) {
  std::string text = "\xFF\xD8 سلام \xE0\x80";
  auto tokens = Tokenize(text);
  for (const Token& t : tokens) EXPECT_LE(t.span.end, text.size());
  EXPECT_FALSE(tokens.empty());
}

}  // namespace
}  // namespace rasd::text
