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

// The story of document 3 after AssignStory with `salient`, against documents
// 1 and 2, which name aleppo and army (1 only when `first_names_them`); 2 is a
// copy when `second_is_copy`.
int64_t StoryAfterAssigning(const std::vector<Salient>& salient, bool second_is_copy,
                            bool first_names_them = true) {
  auto db = Memory();
  const std::string title = "غارات على ريف حلب الشمالي";
  const std::string text = "شنت طائرات حربية غارات على بلدات في ريف حلب الشمالي صباح اليوم";
  EXPECT_TRUE(db->Exec(R"sql(
    INSERT INTO sources(key, raw_hash, documents) VALUES('a', 'h', 3);
    INSERT INTO documents(rowid, id, source_key, title, text, day) VALUES
      (1, 'd1', 'a', ')sql" + title + "', '" + text + R"sql(', '2015-07-20'),
      (2, 'd2', 'a', ')sql" + title + "', '" + text + R"sql(', '2015-07-21'),
      (3, 'd3', 'a', ')sql" + title + "', '" + text + R"sql(', '2015-07-21');
    INSERT INTO doc_entities(doc, idx, entity_id, type, mentions, day) VALUES
      (1, 0, 'aleppo', 'GPE', 3, '2015-07-20'), (1, 1, 'army', 'ORG', 2, '2015-07-20'),
      (2, 0, 'aleppo', 'GPE', 3, '2015-07-21'), (2, 1, 'army', 'ORG', 2, '2015-07-21');)sql")
                  .ok());
  if (!first_names_them) EXPECT_TRUE(db->Exec("DELETE FROM doc_entities WHERE doc=1").ok());
  if (second_is_copy) EXPECT_TRUE(db->Exec("UPDATE documents SET near_duplicate_of=1 WHERE rowid=2").ok());
  StoryProfiles profiles(8);
  std::set<int64_t> dirty;
  Status s = AssignStory(db.get(), 3, "2015-07-21", salient, KeyTerms(title, text),
                         [](const std::string&) { return 1.0; }, 3, &profiles, &dirty);
  EXPECT_TRUE(s.ok()) << s.message();
  store::Stmt story(db.get(), "SELECT story FROM documents WHERE rowid=3");
  EXPECT_TRUE(story.Step());
  return story.IsNull(0) ? 0 : story.Int(0);
}

TEST(AssignStory, JoinsAnOriginalThatSharesTwoSalientEntities) {
  EXPECT_NE(StoryAfterAssigning({{"aleppo", 1.0}, {"army", 1.0}}, false), 0);
}

TEST(AssignStory, LooksPastCopies) {
  EXPECT_NE(StoryAfterAssigning({{"aleppo", 1.0}, {"army", 1.0}}, false, false), 0);
  // The only document that names them is a copy: no story.
  EXPECT_EQ(StoryAfterAssigning({{"aleppo", 1.0}, {"army", 1.0}}, true, false), 0);
}

TEST(AssignStory, OneSharedEntityIsNotAStoryEvenIfListedTwice) {
  EXPECT_EQ(StoryAfterAssigning({{"aleppo", 1.0}, {"aleppo", 1.0}}, false), 0);
  EXPECT_EQ(StoryAfterAssigning({{"aleppo", 1.0}, {"mosul", 1.0}}, false), 0);
}

}  // namespace
}  // namespace rasd::corpus
