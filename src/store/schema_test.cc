#include <gtest/gtest.h>

#include "store/fts.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace rasd::store {
namespace {

std::unique_ptr<Db> Memory() {
  auto db = Db::Open(":memory:", false, true);
  EXPECT_TRUE(db.ok());
  EXPECT_TRUE(RegisterTokenizer((*db)->handle()).ok());
  return std::move(*db);
}

TEST(Schema, CreatesTheCurrentVersionOnce) {
  auto db = Memory();
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), kSchemaVersion);
  ASSERT_TRUE(EnsureSchema(db.get()).ok());  // a second open changes nothing
  EXPECT_EQ(*SchemaVersion(db.get()), kSchemaVersion);
}

TEST(Schema, MigratesAVersionOneDatabase) {
  auto db = Memory();
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  // Back to version 1 as an older rasd left it: without the split_from index.
  ASSERT_TRUE(db->Exec("DROP INDEX documents_split; UPDATE meta SET value='1' WHERE key='schema_version'").ok());
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), kSchemaVersion);
  Stmt plan(db.get(), "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE split_from = 'x' ORDER BY part");
  ASSERT_TRUE(plan.Step());
  EXPECT_NE(plan.Text(3).find("documents_split"), std::string::npos) << plan.Text(3);
}

TEST(Schema, MigratesAVersionTwoDatabaseToIndexingByTheWriter) {
  auto db = Memory();
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  // Back to version 2, which indexed each document from an insert trigger.
  ASSERT_TRUE(db->Exec("CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN "
                       "INSERT INTO documents_fts(rowid, title, text) VALUES(new.rowid, new.title, "
                       "new.text); END;"
                       "UPDATE meta SET value='2' WHERE key='schema_version'")
                  .ok());
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), kSchemaVersion);
  Stmt trigger(db.get(),
               "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND name='documents_ai'");
  ASSERT_TRUE(trigger.Step());
  EXPECT_EQ(trigger.Int(0), 0);
}

TEST(Schema, MigratesAVersionThreeDatabaseToCoveringStoryIndexes) {
  auto db = Memory();
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  // Back to version 3: the entity index without the document, no index of originals.
  ASSERT_TRUE(db->Exec("DROP INDEX documents_originals; DROP INDEX doc_entities_entity;"
                       "CREATE INDEX doc_entities_entity ON doc_entities(entity_id, day);"
                       "UPDATE meta SET value='3' WHERE key='schema_version'")
                  .ok());
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  EXPECT_EQ(*SchemaVersion(db.get()), kSchemaVersion);
  Stmt plan(db.get(),
            "EXPLAIN QUERY PLAN SELECT doc FROM doc_entities WHERE entity_id='x' AND day "
            "BETWEEN 'a' AND 'b'");
  ASSERT_TRUE(plan.Step());
  EXPECT_NE(plan.Text(3).find("COVERING INDEX doc_entities_entity"), std::string::npos) << plan.Text(3);
  Stmt originals(db.get(),
                 "SELECT 1 FROM documents INDEXED BY documents_originals WHERE rowid=1 AND "
                 "duplicate_of IS NULL AND near_duplicate_of IS NULL");
  EXPECT_TRUE(originals.error().empty()) << originals.error();
  originals.Step();
  EXPECT_TRUE(originals.error().empty()) << originals.error();
}

TEST(Schema, RefusesADatabaseFromANewerRasd) {
  auto db = Memory();
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  ASSERT_TRUE(db->Exec("UPDATE meta SET value='99' WHERE key='schema_version'").ok());
  Status s = EnsureSchema(db.get());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("newer"), std::string::npos);
}

TEST(Schema, DeletingASourceRemovesItsDocumentsFactsAndIndexEntries) {
  auto db = Memory();
  ASSERT_TRUE(db->Exec("PRAGMA foreign_keys=ON").ok());
  ASSERT_TRUE(EnsureSchema(db.get()).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO sources(key, raw_hash, documents) VALUES('a', 'h', 1);"
                       "INSERT INTO documents(rowid, id, source_key, title, text) "
                       "  VALUES(1, 'd1', 'a', 'عنوان', 'قصف التحالف مواقع');"
                       "INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text "
                       "FROM documents;"
                       "INSERT INTO mentions(doc, idx, begin, end) VALUES(1, 0, 4, 16);")
                  .ok());
  Stmt hit(db.get(), "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"التحالف\"'");
  ASSERT_TRUE(hit.Step());
  EXPECT_EQ(hit.Int(0), 1);
  ASSERT_TRUE(db->Exec("DELETE FROM sources WHERE key='a'").ok());
  Stmt left(db.get(), "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM mentions)");
  ASSERT_TRUE(left.Step());
  EXPECT_EQ(left.Int(0), 0);
  Stmt gone(db.get(), "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"التحالف\"'");
  ASSERT_TRUE(gone.Step());
  EXPECT_EQ(gone.Int(0), 0);
}

}  // namespace
}  // namespace rasd::store
