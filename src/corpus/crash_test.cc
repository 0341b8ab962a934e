// Kills `rasd ingest` with SIGKILL at several points and checks that rerunning
// it ends with exactly the corpus an uninterrupted run makes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "corpus/synthetic.h"
#include "rasd/corpus.h"
#include "tests/testing.h"

namespace rasd::corpus {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr size_t kDocs = 3000;

// Starts `rasd ingest` on `input` into `db`; returns the child's pid. With
// `max_file_bytes`, no file the child writes may grow past it (SIGXFSZ is
// ignored, so writes fail with EFBIG as on a full disk); stderr goes to `log`.
pid_t StartIngest(const std::string& input, const std::string& db, rlim_t max_file_bytes = 0,
                  const std::string& log = "/dev/null") {
  std::fflush(nullptr);  // the child must not write out our buffered output again
  pid_t pid = fork();
  if (pid == 0) {
    std::string bin = rasd::testing::RasdBinary();
    freopen("/dev/null", "w", stdout);
    freopen(log.c_str(), "w", stderr);
    if (max_file_bytes > 0) {
      signal(SIGXFSZ, SIG_IGN);
      struct rlimit r = {max_file_bytes, max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &r);
    }
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

// One input and its uninterrupted corpus, made once for all the tests.
class CrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("rasd_crash_test_" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    input_ = new std::string((*dir_ / "corpus.jsonl").string());
    std::ofstream(*input_) << SyntheticJsonl(kDocs, 7);
    const std::string reference_db = (*dir_ / "reference.db").string();
    ASSERT_EQ(Wait(StartIngest(*input_, reference_db)), 0);
    reference_ = new json(Snapshot(reference_db));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete input_;
    delete reference_;
  }
  void SetUp() override {
    ASSERT_NE(reference_, nullptr);
    ASSERT_EQ((*reference_)["integrity"], "ok");
    total_ = (*reference_)["stats"]["documents"];
    ASSERT_GT(total_, static_cast<int64_t>(kDocs * 9 / 10));
  }
  // The corpus in `db` is the uninterrupted one.
  static void ExpectReference(const std::string& db) {
    const json& reference = *reference_;
    json after = Snapshot(db);
    EXPECT_EQ(after["integrity"], "ok");
    EXPECT_EQ(after["stats"]["documents"], reference["stats"]["documents"]);
    EXPECT_EQ(after["documents"], reference["documents"]);
    EXPECT_EQ(after["entities"], reference["entities"]);
    EXPECT_EQ(after["events"], reference["events"]);
    EXPECT_EQ(after["stats"], reference["stats"]);
  }
  // Waits until `db` holds `n` documents (or `pid` ends), then kills `pid`.
  // Returns true when the kill interrupted a running ingest.
  static bool KillWhenStored(pid_t pid, const std::string& db, int64_t n, int extra_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) return false;
      if (StoredDocuments(db) >= n) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(extra_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status);
  }
  static fs::path* dir_;
  static std::string* input_;
  static json* reference_;
  int64_t total_ = 0;
};
fs::path* CrashTest::dir_ = nullptr;
std::string* CrashTest::input_ = nullptr;
json* CrashTest::reference_ = nullptr;

TEST_F(CrashTest, RerunAfterSigkillEndsWithTheUninterruptedCorpus) {
  // Kill points: before the first commit, early, middle, late, and after the
  // last document (while the corpus-wide tables are rebuilt).
  const std::vector<int64_t> kill_at = {0, total_ / 5, total_ / 2, total_ * 4 / 5, total_};
  int interrupted = 0;  // runs killed with part of the corpus stored
  for (size_t k = 0; k < kill_at.size(); ++k) {
    SCOPED_TRACE("kill point " + std::to_string(k) + " at " + std::to_string(kill_at[k]) + " documents");
    const std::string db = (*dir_ / ("killed" + std::to_string(k) + ".db")).string();
    pid_t pid = StartIngest(*input_, db);
    if (KillWhenStored(pid, db, kill_at[k], 0) && StoredDocuments(db) < total_) ++interrupted;
    // The killed run may have finished first at the last point; either way a rerun completes it.
    ASSERT_EQ(Wait(StartIngest(*input_, db)), 0);
    ExpectReference(db);
    fs::remove(db);
  }
  // The test means something only if most kills landed mid-ingest.
  EXPECT_GE(interrupted, 3);
}

// One database killed twenty times at random points, each run resuming the
// last: the crash-and-resume cycle a flaky machine would put it through.
TEST_F(CrashTest, TwentyRandomKillsOnOneDatabaseEndWithTheUninterruptedCorpus) {
  const std::string db = (*dir_ / "twenty.db").string();
  std::mt19937 rng(20261125);
  std::vector<int64_t> points;
  for (int i = 0; i < 20; ++i) points.push_back(static_cast<int64_t>(rng() % (total_ + 1)));
  std::sort(points.begin(), points.end());
  int interrupted = 0;
  std::string trace;
  for (size_t k = 0; k < points.size(); ++k) {
    const int extra_ms = static_cast<int>(rng() % 40);  // lands inside a batch, not only at commits
    trace += std::to_string(points[k]) + "+" + std::to_string(extra_ms) + "ms ";
    pid_t pid = StartIngest(*input_, db);
    if (KillWhenStored(pid, db, points[k], extra_ms)) ++interrupted;
    // Between kills the database must always be sound.
    auto c = Corpus::Open(db, true);
    ASSERT_TRUE(c.ok()) << "after kill " << k << ": " << c.status().message();
    EXPECT_EQ(*(*c)->IntegrityCheck(), "ok") << "after kill " << k;
  }
  std::printf("%d of 20 kills interrupted a running ingest; kill points (documents stored + delay): %s\n",
              interrupted, trace.c_str());
  SCOPED_TRACE("kill points (documents stored + delay): " + trace);
  ASSERT_EQ(Wait(StartIngest(*input_, db)), 0);
  ExpectReference(db);
  EXPECT_GE(interrupted, 15);
}

// A disk that fills up mid-ingest: a clear error, a sound database holding
// whole documents only, and a rerun with room finishes the job.
TEST_F(CrashTest, DiskFullEndsWithAClearErrorAndAnIntactDatabase) {
  const std::string db = (*dir_ / "full.db").string();
  const std::string log = (*dir_ / "full.log").string();
  const rlim_t limit = 3 << 20;  // far less than the corpus needs
  int rc = Wait(StartIngest(*input_, db, limit, log));
  std::ifstream in(log);
  std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(rc, 0) << err;
  EXPECT_NE(rc, -1) << "rasd died of a signal: " << err;
  EXPECT_NE(err.find(db), std::string::npos) << err;
  EXPECT_NE(err.find("could not write the database"), std::string::npos) << err;
  const int64_t stored = StoredDocuments(db);
  std::printf("disk full after %lld of %lld documents; rasd said: %s", static_cast<long long>(stored),
              static_cast<long long>(total_), err.c_str());
  EXPECT_GE(stored, 0);
  EXPECT_LT(stored, total_);
  {
    auto c = Corpus::Open(db, true);
    ASSERT_TRUE(c.ok()) << c.status().message();
    EXPECT_EQ(*(*c)->IntegrityCheck(), "ok");
  }
  ASSERT_EQ(Wait(StartIngest(*input_, db)), 0);
  ExpectReference(db);
}

}  // namespace
}  // namespace rasd::corpus
