#include "store/fts.h"

#include <gtest/gtest.h>

#include <tuple>

#include "rasd/search.h"
#include "store/sqlite.h"

namespace rasd::store {
namespace {

class FtsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(":memory:", false, true);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(RegisterTokenizer(db_->handle()).ok());
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='rasd')").ok());
  }
  void Add(int64_t id, std::string_view text) {
    Stmt s(db_.get(), "INSERT INTO t(rowid, body) VALUES(?1, ?2)");
    s.Bind(1, id).Bind(2, text);
    ASSERT_TRUE(s.Run().ok()) << s.error();
  }
  std::vector<int64_t> Find(std::string_view query) {
    auto p = search::Parse(query);
    EXPECT_TRUE(p.ok()) << p.status().message();
    std::vector<int64_t> out;
    if (!p.ok()) return out;
    Stmt s(db_.get(), "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid");
    s.Bind(1, p->fts);
    while (s.Step()) out.push_back(s.Int(0));
    EXPECT_TRUE(s.error().empty()) << query << " → " << p->fts << ": " << s.error();
    return out;
  }
  std::unique_ptr<Db> db_;
};

// The (term, begin, end) triples the tokenizer emits for a document text.
std::vector<std::tuple<std::string, uint32_t, uint32_t>> Emitted(const IndexTerms& terms) {
  std::vector<std::tuple<std::string, uint32_t, uint32_t>> out;
  terms.ForEach([&](std::string_view term, uint32_t begin, uint32_t end) {
    out.emplace_back(std::string(term), begin, end);
    return true;
  });
  return out;
}

TEST(IndexTerms, FromTheTokensAreTheTermsOfTheText) {
  const std::string text = "قالت مصادر، إن وللتحالف 12 دورا (في العملية).";
  auto terms = Emitted(IndexTerms::Of(text));
  EXPECT_EQ(Emitted(IndexTerms::FromTokens(text::Tokenize(text))), terms);
  ASSERT_EQ(terms.size(), 8u);  // punctuation is not indexed
  EXPECT_EQ(std::get<0>(terms[3]), "تحالف");
}

TEST_F(FtsTest, ReplayedTermsServeOnlyTheirOwnText) {
  const std::string text = "اجتمعت التحالفات السياسية أمس";
  const IndexTerms other = IndexTerms::Of("زلزال في المدينة");
  {
    // Terms computed for another text are never used for this one.
    ReplayIndexTerms replay("زلزال في المدينة", other);
    EXPECT_EQ(ReplayIndexTerms::Find(text), nullptr);
    Add(1, text);
  }
  const IndexTerms own = IndexTerms::Of(text);
  {
    ReplayIndexTerms replay(text, own);
    EXPECT_EQ(ReplayIndexTerms::Find(text), &own);
    Add(2, text);
  }
  EXPECT_EQ(ReplayIndexTerms::Find(text), nullptr);
  EXPECT_EQ(Find("التحالف"), (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(Find("زلزال").empty());
  ASSERT_TRUE(db_->Exec("INSERT INTO t(t, rank) VALUES('integrity-check', 1)").ok());
}

TEST_F(FtsTest, AWordFindsItsCliticAndPluralForms) {
  Add(1, "قالت مصادر إن وللتحالف دورا في العملية");
  Add(2, "اجتمعت التحالفات السياسية أمس");
  Add(3, "لا علاقة لهذا النص بالموضوع");
  EXPECT_EQ(Find("التحالف"), (std::vector<int64_t>{1, 2}));
}

TEST_F(FtsTest, DiacriticsAndDigitsDoNotMatter) {
  Add(1, "أدان المجتمع الدَّوْليّ الهجوم في عام ٢٠١٤");
  Add(2, "وقع الهجوم في 2014");
  EXPECT_EQ(Find("الدولي"), (std::vector<int64_t>{1}));
  EXPECT_EQ(Find("٢٠١٤"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Find("2014"), (std::vector<int64_t>{1, 2}));
}

TEST_F(FtsTest, PhraseNeedsTheWordsInOrder) {
  Add(1, "سيطرت قوات سوريا الديمقراطية على القرية");
  Add(2, "قوات النظام في سوريا تقصف ريف إدلب الديمقراطية");
  EXPECT_EQ(Find("\"قوات سوريا الديمقراطية\""), (std::vector<int64_t>{1}));
  EXPECT_EQ(Find("قوات سوريا الديمقراطية"), (std::vector<int64_t>{1, 2}));
}

TEST_F(FtsTest, NotExcludesAndPrefixMatches) {
  Add(1, "هجوم لتنظيم داعش في العراق");
  Add(2, "هجوم لتنظيم داعش في سوريا");
  EXPECT_EQ(Find("داعش -العراق"), (std::vector<int64_t>{2}));
  EXPECT_EQ(Find("تنظ*"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Find("(العراق OR سوريا) داعش"), (std::vector<int64_t>{1, 2}));
}

}  // namespace
}  // namespace rasd::store
