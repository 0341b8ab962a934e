#include <gtest/gtest.h>

#include "rasd/search.h"

namespace rasd::search {
namespace {

std::string Fts(std::string_view q) {
  auto p = Parse(q);
  EXPECT_TRUE(p.ok()) << q << ": " << p.status().message();
  return p.ok() ? p->fts : "";
}

std::string Error(std::string_view q) {
  auto p = Parse(q);
  EXPECT_FALSE(p.ok()) << q << " parsed as " << (p.ok() ? p->fts : "");
  return p.ok() ? "" : p.status().message();
}

// Fuzzing findings F4 and F5 (docs/reliability.md): such queries once reached
// FTS5 (an "unterminated string" error, HTTP 500) or made JSON output throw.
TEST(SearchQuery, ControlCharactersAndInvalidUtf8AreRefused) {
  EXPECT_NE(Error(std::string("a\0b", 3)).find("control character"), std::string::npos);
  EXPECT_NE(Error("a\x01" "b").find("control character"), std::string::npos);
  EXPECT_NE(Error("a\xff" "b").find("UTF-8"), std::string::npos);
  EXPECT_EQ(Fts("a\tb"), Fts("a b"));  // tabs and newlines are spaces
}

TEST(SearchQuery, WordsAreQuotedAndJoinedWithAnd) {
  EXPECT_EQ(Fts("قوات سوريا"), "\"قوات\" AND \"سوريا\"");
}

TEST(SearchQuery, PhraseStaysOnePhrase) {
  EXPECT_EQ(Fts("\"قوات سوريا الديمقراطية\""), "\"قوات سوريا الديمقراطية\"");
}

TEST(SearchQuery, MinusAndNotExclude) {
  EXPECT_EQ(Fts("داعش -العراق"), "\"داعش\" NOT \"العراق\"");
  EXPECT_EQ(Fts("داعش NOT العراق"), "\"داعش\" NOT \"العراق\"");
}

TEST(SearchQuery, ArabicOrAndGrouping) {
  EXPECT_EQ(Fts("(غارة أو قصف) إدلب"), "(\"غارة\" OR \"قصف\") AND \"إدلب\"");
}

TEST(SearchQuery, PrefixLosesCliticsAndIsNotStemmed) {
  EXPECT_EQ(Fts("والتحال*"), "\"تحال\" *");
}

TEST(SearchQuery, FtsSyntaxCharactersAreNeverPassedThrough) {
  // Characters FTS5 gives a meaning to arrive inside quoted strings only.
  std::string f = Fts("NEAR(a b) col:word ^start a+b");
  EXPECT_EQ(f.find("NEAR("), std::string::npos);
  EXPECT_NE(f.find("\"col:word\""), std::string::npos);
  EXPECT_EQ(Fts("say \"\"hi"), "\"say\" AND \"hi\"");
}

TEST(SearchQuery, HighlightsHoldStemsOfPositiveWordsOnly) {
  auto p = Parse("التحالفات -العراق");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->highlight.size(), 1u);
  EXPECT_EQ(p->highlight[0], IndexTerm("التحالف"));
}

TEST(SearchQuery, MalformedQueriesAreClearErrors) {
  EXPECT_NE(Error("\"قوات سوريا").find("quote"), std::string::npos);
  EXPECT_NE(Error("(غارة OR قصف").find("parenthesis"), std::string::npos);
  EXPECT_NE(Error("غارة)").find("parenthesis"), std::string::npos);
  EXPECT_NE(Error("غارة OR").find("after"), std::string::npos);
  EXPECT_NE(Error("OR غارة").find("before"), std::string::npos);
  EXPECT_NE(Error("-العراق").find("excluded"), std::string::npos);
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("()").ok());
  EXPECT_FALSE(Parse(std::string(2000, 'a')).ok());
}

TEST(SearchQuery, IndexTermConflatesClitics) {
  EXPECT_EQ(IndexTerm("وللتحالف"), IndexTerm("التحالف"));
  EXPECT_EQ(IndexTerm("التحالفات"), IndexTerm("التحالف"));
  EXPECT_EQ(IndexTerm("الدَّوْليّ"), IndexTerm("الدولي"));
  EXPECT_EQ(IndexTerm("٢٠١٤"), IndexTerm("2014"));
}

}  // namespace
}  // namespace rasd::search
