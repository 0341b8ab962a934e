// The whole SaudiNewsNet corpus through `Corpus::Ingest`: every article whose
// body equals another's (counted independently here, on the raw records) is
// linked to the same original. Skips when ../shared is absent. Slow (about
// two minutes on two cores): it runs the full pipeline on 31,030 records.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "rasd/clean.h"
#include "rasd/corpus.h"
#include "rasd/ingest.h"
#include "rasd/text.h"
#include "tests/testing.h"

namespace rasd::corpus {
namespace {

namespace fs = std::filesystem;

// The body as a plain key: Arabic-normalized, whitespace collapsed. Built
// here from the raw record, independently of cleaning and of dedupe::ExactKey.
std::string BodyKey(const std::string& raw) {
  std::string norm = text::NormalizeKey(raw), out;
  bool gap = false;
  for (char c : norm) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

TEST(SaudiNewsNetCorpus, EveryExactDuplicateBodyIsLinkedToOneOriginal) {
  RASD_REQUIRE_SHARED(dir, "data/saudinewsnet");
  std::vector<std::string> zips;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".zip") zips.push_back(e.path().string());
  }
  std::sort(zips.begin(), zips.end());
  ASSERT_FALSE(zips.empty());

  // Independent count: document id → body key, for records with a body.
  std::unordered_map<std::string, std::string> body_of;
  ingest::Reader().Read(
      zips,
      [&](RawDoc&& raw) {
        std::string key = BodyKey(raw.bytes);
        if (!key.empty()) body_of[clean::DocumentId(raw.uri, raw.record, "")] = key;
        return true;
      },
      [](const ingest::ReadError&) {});

  fs::path db = fs::temp_directory_path() / ("rasd_snn_test_" + std::to_string(getpid()) + ".db");
  {
    auto c = Corpus::Open(db.string(), false);
    ASSERT_TRUE(c.ok()) << c.status().message();
    auto s = (*c)->Ingest(zips, IngestOptions{});
    ASSERT_TRUE(s.ok()) << s.status().message();
  }
  // Which original each stored (main) document is grouped under.
  std::unordered_map<std::string, std::string> group_of;
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.string().c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h,
                     "SELECT d.id, coalesce(o.id, d.id) FROM documents d LEFT JOIN documents o "
                     "ON o.rowid = d.duplicate_of WHERE d.part = 0",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    group_of[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))] =
        reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  fs::remove(db);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");

  // Group the independent bodies; every member that was stored must share
  // its group's original.
  std::map<std::string, std::vector<std::string>> by_body;
  for (const auto& [id, key] : body_of) by_body[key].push_back(id);
  size_t independent = 0, linked = 0, missed = 0, stored_groups = 0;
  for (const auto& [key, ids] : by_body) {
    std::vector<std::string> stored;
    for (const std::string& id : ids) {
      if (group_of.count(id)) stored.push_back(id);
    }
    if (stored.size() < 2) continue;
    ++stored_groups;
    independent += stored.size() - 1;
    std::map<std::string, size_t> originals;
    for (const std::string& id : stored) ++originals[group_of[id]];
    size_t biggest = 0;
    for (const auto& [o, n] : originals) biggest = std::max(biggest, n);
    linked += biggest - 1;
    missed += stored.size() - biggest;
  }
  std::printf("independent exact duplicates among stored documents: %zu in %zu groups; linked %zu; missed %zu\n",
              independent, stored_groups, linked, missed);
  EXPECT_GT(independent, 700u);  // the corpus has about 900, empty records included
  EXPECT_EQ(missed, 0u);
  EXPECT_EQ(linked, independent);
}

}  // namespace
}  // namespace rasd::corpus
