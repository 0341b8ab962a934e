// search::Parse (the query language of `rasd search` and /api/search) on any
// bytes: it terminates; a failure is InvalidArgument with a message; a success
// is valid UTF-8 (results echo the query in JSON) and gives a non-empty FTS5
// expression that SQLite's FTS5 accepts as a MATCH over a table using the rasd
// tokenizer (nothing the user typed reaches FTS5 as syntax), and highlight
// terms that are non-empty. Parsing is deterministic.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/search.h"
#include "rasd/utf8.h"
#include "store/fts.h"

namespace {

// An in-memory FTS5 table like documents_fts (tokenize='rasd') with two rows,
// so MATCH really evaluates the expression.
sqlite3* Db() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    FUZZ_CHECK(sqlite3_open(":memory:", &d) == SQLITE_OK, "cannot open an in-memory database");
    FUZZ_CHECK(rasd::store::RegisterTokenizer(d).ok(), "cannot register the rasd tokenizer");
    const char* sql =
        "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='rasd');"
        "INSERT INTO t VALUES('غارة على إدلب', 'قالت مصادر محلية إن التحالف نفذ غارة جوية قرب دير الزور.');"
        "INSERT INTO t VALUES('protest in Tunis', 'تظاهر العشرات في العاصمة ضد الغلاء، والشرطة اعتقلت ١٢ شخصاً.');";
    char* err = nullptr;
    FUZZ_CHECK(sqlite3_exec(d, sql, nullptr, nullptr, &err) == SQLITE_OK, "setup: %s", err ? err : "?");
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view q = rasd::fuzz::AsView(data, size);
  auto parsed = rasd::search::Parse(q);
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.status().code() == rasd::StatusCode::kInvalidArgument, "error code %s",
               parsed.status().CodeName());
    FUZZ_CHECK(!parsed.status().message().empty(), "an error without a message");
    FUZZ_CHECK(rasd::utf8::FindInvalid(parsed.status().message()) == std::string::npos,
               "error message is invalid UTF-8");
    return 0;
  }
  FUZZ_CHECK(q.size() <= rasd::search::kMaxQueryBytes, "a %zu-byte query was accepted", q.size());
  // Search results echo the query in JSON, which cannot hold invalid UTF-8 (F5).
  FUZZ_CHECK(rasd::utf8::FindInvalid(q) == std::string_view::npos, "a query that is not UTF-8 was accepted");
  const std::string& fts = parsed->fts;
  FUZZ_CHECK(!fts.empty(), "accepted with an empty FTS5 expression");
  for (const std::string& h : parsed->highlight) {
    FUZZ_CHECK(!h.empty() && h != "*", "empty highlight term");
  }
  auto again = rasd::search::Parse(q);
  FUZZ_CHECK(again.ok() && again->fts == fts && again->highlight == parsed->highlight,
             "Parse is not deterministic");

  // FTS5 must accept the expression (a syntax error means the parser let
  // user text through unquoted or built a malformed expression).
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(Db(), "SELECT rowid, highlight(t, 1, '[', ']') FROM t WHERE t MATCH ?1",
                              -1, &st, nullptr);
  FUZZ_CHECK(rc == SQLITE_OK, "prepare: %s", sqlite3_errmsg(Db()));
  sqlite3_bind_text(st, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_TRANSIENT);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  const std::string err = rc == SQLITE_DONE ? "" : sqlite3_errmsg(Db());
  sqlite3_finalize(st);
  FUZZ_CHECK(rc == SQLITE_DONE, "FTS5 refused the expression %s (query '%.*s'): %s", fts.c_str(),
             static_cast<int>(q.size()), q.data(), err.c_str());

  // IndexTerm of each space-separated word never fails.
  size_t i = 0;
  while (i < q.size()) {
    size_t j = q.find(' ', i);
    if (j == std::string_view::npos) j = q.size();
    rasd::search::IndexTerm(q.substr(i, j - i));
    i = j + 1;
  }
  return 0;
}
