#include <gtest/gtest.h>

#include "corpus/links.h"
#include "store/fts.h"
#include "store/schema.h"

namespace rasd::corpus {
namespace {

std::unique_ptr<store::Db> Memory() {
  auto db = store::Db::Open(":memory:", false, true);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(store::RegisterTokenizer((*db)->handle()).ok());
  EXPECT_TRUE(store::EnsureSchema(db->get()).ok());
  return std::move(*db);
}

TEST(LeadOf, CutsWhereSqliteSubstrCuts) {
  auto db = Memory();
  std::string arabic;
  for (int i = 0; i < 200; ++i) arabic += "قصف ";
  std::string mixed;
  for (int i = 0; i < 150; ++i) mixed += "a\xF0\x9F\x98\x80ب ";  // ASCII, a 4-byte emoji, Arabic
  const std::string stray = "\x80\x80" + arabic;                 // continuation bytes with no lead
  const std::string with_nul = std::string("ab\0cd", 5);
  for (const std::string& text : {arabic, mixed, stray, with_nul, std::string("قصير")}) {
    store::Stmt s(db.get(), "SELECT substr(?1, 1, 600)");
    s.Bind(1, text);
    ASSERT_TRUE(s.Step());
    EXPECT_EQ(std::string(LeadOf(text)), s.Text(0));
  }
}

TEST(StoryProfiles, ReadWhatTheyDoNotHoldFromTheDatabase) {
  auto db = Memory();
  ASSERT_TRUE(db->Exec(R"sql(
    INSERT INTO sources(key, raw_hash, documents) VALUES('a', 'h', 1);
    INSERT INTO documents(rowid, id, source_key, title, text)
      VALUES(1, 'd1', 'a', 'اجتماع وزراء الخارجية', 'بحث وزراء الخارجية العرب في القاهرة الأزمة');
    INSERT INTO doc_entities(doc, idx, entity_id, type, mentions) VALUES
      (1, 0, 'e-norp', 'NORP', 9), (1, 1, 'e-few', 'PER', 1), (1, 2, 'e-many', 'GPE', 4),
      (1, 3, 'e-misc', 'MISC', 7), (1, 4, 'e-tie', 'ORG', 1);)sql")
                  .ok());
  StoryProfiles profiles(1);
  const StoryProfile& read = profiles.Get(db.get(), 1);
  EXPECT_EQ(read.terms,
            KeyTerms("اجتماع وزراء الخارجية", "بحث وزراء الخارجية العرب في القاهرة الأزمة"));
  EXPECT_FALSE(read.terms.empty());
  EXPECT_EQ(read.salient_ids, (std::vector<std::string>{"e-many", "e-few", "e-tie"}));

  profiles.Put(1, {{"held"}, {"x"}});
  EXPECT_EQ(profiles.Get(db.get(), 1).terms, std::vector<std::string>{"held"});
  profiles.Put(2, {{"other"}, {}});  // over capacity: the oldest goes
  EXPECT_EQ(profiles.Get(db.get(), 1).salient_ids, read.salient_ids);
  profiles.Forget(2);
  EXPECT_TRUE(profiles.Get(db.get(), 2).terms.empty());  // no such document
}

}  // namespace
}  // namespace rasd::corpus
