// The per-document limits of AnalyzeOptions: a document past one is refused
// with a resource-exhausted error naming the limit; a long sentence is cut.
#include <gtest/gtest.h>

#include "rasd/pipeline.h"

namespace rasd {
namespace {

RawDoc Article(size_t words) {
  RawDoc raw;
  raw.uri = "mem.txt";
  raw.content_type = "text/plain";
  raw.bytes = "عنوان الخبر\n";
  // Distinct words, so the cleaner finds no repeated body to drop.
  for (size_t i = 0; i < words; ++i) raw.bytes += "كلمة" + std::to_string(i % 1000) + "ب ";
  return raw;
}

TEST(AnalyzerLimits, DocumentOverTheTokenLimitIsRefusedNamingTheLimit) {
  AnalyzeOptions o;
  o.entities = false;
  o.max_tokens = 500;
  auto r = Analyzer(o).Analyze(Article(2000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_tokens"), std::string::npos) << r.status().message();
  EXPECT_TRUE(Analyzer(o).Analyze(Article(100)).ok());
}

TEST(AnalyzerLimits, TimeBudgetRefusesADocumentThatRunsPastIt) {
  AnalyzeOptions o;
  o.entities = false;
  o.max_seconds = 0;  // any work at all is over it
  auto r = Analyzer(o).Analyze(Article(50));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("max_seconds"), std::string::npos) << r.status().message();
}

TEST(AnalyzerLimits, SentenceLongerThanTheLimitIsCutIntoPieces) {
  AnalyzeOptions o;
  o.entities = false;
  o.max_sentence_tokens = 40;
  auto r = Analyzer(o).Analyze(Article(1000));  // one sentence: no full stop
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Analysis& a = (*r)[0];
  ASSERT_GE(a.sentences.size(), 25u);
  uint32_t prev = 0;
  for (Span s : a.sentences) {
    EXPECT_GE(s.begin, prev);
    EXPECT_LT(s.begin, s.end);
    size_t n = 0;
    for (const text::Token& t : a.tokens) n += t.span.begin >= s.begin && t.span.end <= s.end;
    EXPECT_LE(n, 40u);
    prev = s.end;
  }
}

TEST(AnalyzerLimits, CapSentencesKeepsShortSentencesAsTheyAre) {
  std::string text = "قال الوزير. وصل الوفد.";
  auto tokens = text::Tokenize(text);
  auto sentences = text::SplitSentences(text);
  EXPECT_EQ(CapSentences(sentences, tokens, 400), sentences);
  EXPECT_EQ(CapSentences(sentences, tokens, 0), sentences);
  auto cut = CapSentences(sentences, tokens, 2);
  ASSERT_EQ(cut.size(), 4u);
  EXPECT_EQ(cut[0].Of(text), "قال الوزير");
  EXPECT_EQ(cut[1].Of(text), ".");
}

}  // namespace
}  // namespace rasd
