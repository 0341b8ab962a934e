// Kills `rasd ingest` with SIGKILL at several points and checks that rerunning
// it ends with exactly the corpus an uninterrupted run makes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "corpus/synthetic.h"
#include "rasd/corpus.h"
#include "tests/testing.h"

namespace rasd::corpus {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr size_t kDocs = 1500;

// Starts `rasd ingest` on `input` into `db`; returns the child's pid.
pid_t StartIngest(const std::string& input, const std::string& db) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string bin = rasd::testing::RasdBinary();
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execl(bin.c_str(), bin.c_str(), "ingest", input.c_str(), "--db", db.c_str(), "--batch", "40", "--quiet",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

int64_t StoredDocuments(const std::string& db) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 1000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM documents", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      n = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Everything a corpus holds that an ingest decides, as comparable JSON.
json Snapshot(const std::string& db) {
  auto c = Corpus::Open(db, true);
  EXPECT_TRUE(c.ok()) << c.status().message();
  if (!c.ok()) return {};
  json s;
  s["stats"] = json::parse(*(*c)->Stats());
  s["stats"].erase("database_bytes");
  s["stats"].erase("path");
  s["entities"] = json::parse(*(*c)->Entities(EntityQuery{"", false, "", 100000, 0}));
  EventQuery q;
  q.limit = 100000;
  s["events"] = json::parse(*(*c)->Events(q));
  s["integrity"] = *(*c)->IntegrityCheck();
  // The set of document ids, and which is a copy of which.
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h,
                     "SELECT d.id, coalesce(o.id, ''), coalesce(n.id, ''), d.story IS NOT NULL FROM documents d "
                     "LEFT JOIN documents o ON o.rowid = d.duplicate_of LEFT JOIN documents n ON n.rowid = "
                     "d.near_duplicate_of ORDER BY d.id",
                     -1, &st, nullptr);
  json docs = json::array();
  while (sqlite3_step(st) == SQLITE_ROW) {
    docs.push_back({reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 2)), sqlite3_column_int(st, 3)});
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  s["documents"] = std::move(docs);
  return s;
}

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rasd_crash_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    input_ = (dir_ / "corpus.jsonl").string();
    std::ofstream(input_) << SyntheticJsonl(kDocs, 7);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  std::string input_;
};

TEST_F(CrashTest, RerunAfterSigkillEndsWithTheUninterruptedCorpus) {
  const std::string reference_db = (dir_ / "reference.db").string();
  ASSERT_EQ(Wait(StartIngest(input_, reference_db)), 0);
  json reference = Snapshot(reference_db);
  ASSERT_EQ(reference["integrity"], "ok");
  const int64_t total = reference["stats"]["documents"];
  ASSERT_GT(total, static_cast<int64_t>(kDocs * 9 / 10));

  // Kill points: before the first commit, early, middle, late, and after the
  // last document (while the corpus-wide tables are rebuilt).
  const std::vector<int64_t> kill_at = {0, total / 5, total / 2, total * 4 / 5, total};
  int interrupted = 0;  // runs killed with part of the corpus stored
  for (size_t k = 0; k < kill_at.size(); ++k) {
    SCOPED_TRACE("kill point " + std::to_string(k) + " at " + std::to_string(kill_at[k]) + " documents");
    const std::string db = (dir_ / ("killed" + std::to_string(k) + ".db")).string();
    pid_t pid = StartIngest(input_, db);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
      if (StoredDocuments(db) >= kill_at[k]) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(k == 0 ? 1 : 5));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const int64_t stored = StoredDocuments(db);
    if (WIFSIGNALED(status) && stored < total) ++interrupted;
    // The killed run may have finished first at the last point; either way a rerun completes it.
    ASSERT_EQ(Wait(StartIngest(input_, db)), 0);
    json after = Snapshot(db);
    EXPECT_EQ(after["integrity"], "ok");
    EXPECT_EQ(after["stats"]["documents"], total);
    EXPECT_EQ(after["documents"], reference["documents"]);
    EXPECT_EQ(after["entities"], reference["entities"]);
    EXPECT_EQ(after["events"], reference["events"]);
    EXPECT_EQ(after["stats"], reference["stats"]);
  }
  // The test means something only if most kills landed mid-ingest.
  EXPECT_GE(interrupted, 3);
}

}  // namespace
}  // namespace rasd::corpus
