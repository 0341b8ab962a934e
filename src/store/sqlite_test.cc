#include "store/sqlite.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace rasd::store {
namespace {

// The WAL file can start over only once no statement holds an old snapshot.
TEST(Db, ResetStatementsLetsACheckpointEmptyTheWal) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rasd_sqlite_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "wal.db").string();
  std::filesystem::remove(path);
  {
    auto db = Db::Open(path, false, true);
    ASSERT_TRUE(db.ok()) << db.status().message();
    Db& d = **db;
    ASSERT_TRUE(d.Exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;"
                       "CREATE TABLE t(x); INSERT INTO t VALUES(1), (2), (3);")
                    .ok());
    Stmt& read = d.Cached("SELECT x FROM t");
    ASSERT_TRUE(read.Step());  // stepped, not reset: it keeps its snapshot
    ASSERT_TRUE(d.Exec("INSERT INTO t VALUES(4)").ok());
    auto truncate = [&] {
      Stmt ck(&d, "PRAGMA wal_checkpoint(TRUNCATE)");
      return ck.Step() && ck.Int(0) == 0;  // 0: not busy, the WAL was emptied
    };
    EXPECT_FALSE(truncate());
    d.ResetStatements();
    EXPECT_TRUE(truncate());
    EXPECT_EQ(std::filesystem::file_size(path + "-wal"), 0u);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rasd::store
