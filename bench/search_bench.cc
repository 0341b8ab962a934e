// Search over the corpus `rasd ingest` built, in process, single-threaded.
//
//   search_bench queries --db rasd.db --out queries.txt --ids ids.txt
//                [--n 1000] [--seed 1] [--stopwords list.txt]
//       Queries from article titles: titles of distinct documents in a
//       seeded random order; of each, 2 or 3 content words (only Arabic
//       letters, at least 3 of them, not in the stop-word list), kept in
//       title order. Also the ids of --n random documents (for the HTTP
//       runs). Reads the documents table with plain SQLite.
//
//   search_bench fts-build --db rasd.db --fts fts.db --tokenizer rasd|unicode61
//                --row NAME [--reps 3]
//       An SQLite FTS5 table over the same titles and clean texts as the
//       corpus, with rasd's tokenizer (the one the corpus registers) or the
//       built-in unicode61 (default options), built --reps times from
//       scratch: one INSERT ... SELECT in a transaction, then 'optimize'.
//       Prints build seconds (wall) and MB/s per core (title and text bytes
//       over CPU time) per build, and the index size: the FTS5 shadow
//       tables without the copy of the text (dbstat), which rasd's corpus
//       does not keep (its table is external-content).
//
//   search_bench index-size --db rasd.db --row NAME
//       The size of the corpus database's own documents_fts index, as above.
//
//   search_bench run --engine rasd|fts5 (--db rasd.db | --fts fts.db)
//                --queries queries.txt --row NAME [--reps 3]
//       rasd: Corpus::Search with the defaults of the API (20 results by
//       relevance, copies folded, snippets). fts5: the top 20 by
//       bm25(f, 2.0, 1.0) (title words weigh double, as in rasd) with a
//       snippet() of the text, and count(*) of the matches (rasd's total),
//       on a table fts-build made (either tokenizer). Words are ANDed in
//       all. One untimed pass first (warm cache, and the result counts:
//       rasd with copies listed, so all count every matching document);
//       then --reps timed passes, each giving p50/p95/p99/max latency (wall
//       clock per query, nearest rank).
//
//   search_bench recall --rasd-fts a.db --fts b.db --fixture conflation.tsv
//                --rasd-row NAME --row NAME
//       Recall on the conflation list of section 1b, over the same two
//       fts-build tables (same rowids). For a family, the relevant documents
//       are those holding any of its forms exactly as written (the
//       unicode61 table, which indexes words as written); each form is a
//       query, and its recall is the share of those documents it finds.
//       A pair of words that must not conflate is kept apart when its two
//       queries find different sets of documents (a tokenizer that gives
//       both the same term finds the same set for both).
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "bench_util.h"
#include "rasd/corpus.h"
#include "rasd/utf8.h"
#include "store/fts.h"

namespace rasd::bench {
namespace {

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "search_bench: " << message << "\n";
  std::exit(1);
}

uint64_t Next(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

sqlite3* OpenDb(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Die(path + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
  }
  return db;
}

void Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "?";
    sqlite3_free(err);
    Die(sql.substr(0, 60) + ": " + m);
  }
}

sqlite3_stmt* Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    Die(sql.substr(0, 60) + ": " + sqlite3_errmsg(db));
  }
  return st;
}

std::string Column(sqlite3_stmt* st, int i) {
  const unsigned char* t = sqlite3_column_text(st, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3);
}

// The runs of non-space bytes of `title` that are Arabic letters only, 3 or more.
std::vector<std::string> ContentWords(const std::string& title, const std::set<std::string>& stop) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < title.size()) {
    while (pos < title.size() && (title[pos] == ' ' || title[pos] == '\t' || title[pos] == '\n'))
      ++pos;
    size_t begin = pos;
    while (pos < title.size() && title[pos] != ' ' && title[pos] != '\t' && title[pos] != '\n')
      ++pos;
    std::string_view word(title.data() + begin, pos - begin);
    if (word.empty()) continue;
    size_t p = 0, letters = 0;
    bool ok = true;
    while (p < word.size()) {
      char32_t c = utf8::Next(word, &p);
      if (!IsArabicLetter(c)) {
        ok = false;
        break;
      }
      ++letters;
    }
    std::string w(word);
    if (ok && letters >= 3 && !stop.count(w)) out.push_back(w);
  }
  return out;
}

// 30961 as "30,961", as the report prints its numbers.
std::string Thousands(size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

int Queries(int argc, char** argv) {
  const std::string db_path = Flag(argc, argv, "--db", "");
  const std::string out_path = Flag(argc, argv, "--out", "");
  const std::string ids_path = Flag(argc, argv, "--ids", "");
  const size_t n = std::stoul(Flag(argc, argv, "--n", "1000"));
  uint64_t seed = std::stoull(Flag(argc, argv, "--seed", "1"));
  const std::string stop_path = Flag(argc, argv, "--stopwords", "");
  if (db_path.empty() || out_path.empty() || ids_path.empty())
    Die("queries needs --db, --out and --ids");
  std::set<std::string> stop;
  if (!stop_path.empty()) {
    std::ifstream in(stop_path);
    for (std::string line; std::getline(in, line);) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) stop.insert(line);
    }
  }
  sqlite3* db = OpenDb(db_path, SQLITE_OPEN_READONLY);
  std::vector<std::string> titles, ids;
  sqlite3_stmt* st = Prepare(db, "SELECT id, coalesce(title, '') FROM documents ORDER BY rowid");
  while (sqlite3_step(st) == SQLITE_ROW) {
    ids.push_back(Column(st, 0));
    titles.push_back(Column(st, 1));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (ids.empty()) Die(db_path + " holds no documents");

  std::vector<size_t> order(titles.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[Next(&seed) % i]);
  std::ofstream out(out_path);
  std::set<std::string> seen_titles;
  std::string first_three;
  size_t made = 0;
  for (size_t i : order) {
    if (made == n) break;
    if (!seen_titles.insert(titles[i]).second) continue;  // copies share a title
    std::vector<std::string> words = ContentWords(titles[i], stop);
    if (words.size() < 2) continue;
    size_t k = std::min<size_t>(words.size(), 2 + Next(&seed) % 2);
    std::vector<size_t> pick(words.size());
    for (size_t j = 0; j < pick.size(); ++j) pick[j] = j;
    for (size_t j = pick.size(); j > 1; --j) std::swap(pick[j - 1], pick[Next(&seed) % j]);
    pick.resize(k);
    std::sort(pick.begin(), pick.end());
    std::string q;
    for (size_t j : pick) q += (q.empty() ? "" : " ") + words[j];
    out << q << "\n";
    if (made < 3) first_three += (made ? ", «" : "«") + q + "»";
    ++made;
  }
  std::ofstream ids_out(ids_path);
  for (size_t j = 0; j < n; ++j) ids_out << ids[Next(&seed) % ids.size()] << "\n";
  std::cout << "N\tsearch\t" << Thousands(made) << " queries from the titles of "
            << Thousands(ids.size()) << " documents; the first three: " << first_three << "\n";
  std::cerr << "search_bench: " << made << " queries from " << titles.size() << " titles\n";
  return made == n ? 0 : 1;
}

// Registers rasd's FTS5 tokenizer on a connection, as the corpus does.
void RegisterRasd(sqlite3* db) {
  Status st = store::RegisterTokenizer(db);
  if (!st.ok()) Die(st.message());
}

// Bytes of the FTS5 shadow tables of `table` but its content copy (dbstat).
double IndexBytes(sqlite3* db, const std::string& table) {
  sqlite3_stmt* st = Prepare(db,
                             "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                             "(?1 || '_data', ?1 || '_idx', ?1 || '_docsize', ?1 || '_config')");
  sqlite3_bind_text(st, 1, table.c_str(), -1, SQLITE_TRANSIENT);
  double bytes = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_double(st, 0) : -1;
  sqlite3_finalize(st);
  return bytes;
}

int FtsBuild(int argc, char** argv) {
  const std::string db_path = Flag(argc, argv, "--db", "");
  const std::string fts_path = Flag(argc, argv, "--fts", "");
  const std::string tokenizer = Flag(argc, argv, "--tokenizer", "");
  const std::string row = Flag(argc, argv, "--row", tokenizer);
  const int reps = std::stoi(Flag(argc, argv, "--reps", "3"));
  if (db_path.empty() || fts_path.empty() || (tokenizer != "rasd" && tokenizer != "unicode61")) {
    Die("fts-build needs --db, --fts and --tokenizer rasd|unicode61");
  }
  double index_bytes = 0, text_bytes = 0, docs = 0;
  for (int r = 0; r < reps; ++r) {
    std::remove(fts_path.c_str());
    sqlite3* db = OpenDb(fts_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI);
    RegisterRasd(db);
    // Before the ATTACH, and for main only: a bare journal_mode pragma would
    // also try to change the read-only source database's WAL mode, and fail.
    Exec(db, "PRAGMA main.journal_mode=OFF; PRAGMA main.synchronous=OFF");
    sqlite3_stmt* attach = Prepare(db, "ATTACH DATABASE ?1 AS src");
    sqlite3_bind_text(attach, 1, ("file:" + db_path + "?mode=ro").c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(attach) != SQLITE_DONE) Die(std::string("attach: ") + sqlite3_errmsg(db));
    sqlite3_finalize(attach);
    if (r == 0) {
      sqlite3_stmt* st = Prepare(db,
                                 "SELECT count(*), sum(length(CAST(coalesce(title, '') AS BLOB)) + "
                                 "length(CAST(text AS BLOB))) FROM src.documents");
      if (sqlite3_step(st) == SQLITE_ROW) {
        docs = sqlite3_column_double(st, 0);
        text_bytes = sqlite3_column_double(st, 1);
      }
      sqlite3_finalize(st);
    }
    const double t0 = WallSeconds(), c0 = ProcessCpuSeconds();
    Exec(db, "CREATE VIRTUAL TABLE f USING fts5(title, text, tokenize='" + tokenizer + "')");
    Exec(db,
         "BEGIN; INSERT INTO f(rowid, title, text) SELECT rowid, coalesce(title, ''), text "
         "FROM src.documents ORDER BY rowid; COMMIT");
    Exec(db, "INSERT INTO f(f) VALUES('optimize')");
    const double wall = WallSeconds() - t0, cpu = ProcessCpuSeconds() - c0;
    Exec(db, "DETACH DATABASE src");
    index_bytes = IndexBytes(db, "f");
    sqlite3_close(db);
    EmitValue("search_index", row, "build s", wall);
    EmitValue("search_index", row, "MB/s per core", text_bytes / 1e6 / cpu);
    std::cerr << "search_bench: " << tokenizer << " index built in " << wall << " s wall, " << cpu
              << " s CPU\n";
  }
  EmitValue("search_index", row, "index MB", index_bytes / 1e6);
  EmitValue("search_index", row, "documents", docs);
  EmitValue("search_index", row, "text MB", text_bytes / 1e6);
  return 0;
}

int IndexSize(int argc, char** argv) {
  const std::string db_path = Flag(argc, argv, "--db", "");
  sqlite3* db = OpenDb(db_path, SQLITE_OPEN_READONLY);
  std::cout << "N\tsearch_index\tThe corpus database's own index (documents_fts, external content, "
               "built document by document during ingest, not optimized) takes "
            << std::fixed << std::setprecision(1) << IndexBytes(db, "documents_fts") / 1e6
            << " MB, from the same tokenizer.\n";
  sqlite3_close(db);
  return 0;
}

struct Timing {
  std::vector<double> ms;  // per query
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size(), std::max<size_t>(rank, 1)) - 1];
}

class Engine {
 public:
  virtual ~Engine() = default;
  // Runs one query as the timed path does; returns false on an error.
  virtual bool Run(const std::string& q) = 0;
  // Every matching document (copies listed), untimed.
  virtual int64_t Count(const std::string& q) = 0;
};

class RasdEngine : public Engine {
 public:
  explicit RasdEngine(const std::string& path) {
    auto c = corpus::Corpus::Open(path, true);
    if (!c.ok()) Die(path + ": " + c.status().message());
    corpus_ = std::move(*c);
  }
  bool Run(const std::string& q) override {
    corpus::SearchRequest req;
    req.query = q;
    auto r = corpus_->Search(req);
    if (!r.ok()) {
      if (errors_++ < 3)
        std::cerr << "rasd search error for \"" << q << "\": " << r.status().message() << "\n";
      return false;
    }
    return true;
  }
  int64_t Count(const std::string& q) override {
    corpus::SearchRequest req;
    req.query = q;
    req.limit = 1;
    req.collapse = false;
    auto r = corpus_->Search(req);
    if (!r.ok()) return -1;
    return nlohmann::json::parse(*r).value("total", int64_t{0});
  }

 private:
  std::unique_ptr<corpus::Corpus> corpus_;
  int errors_ = 0;
};

class FtsEngine : public Engine {
 public:
  explicit FtsEngine(const std::string& path) {
    db_ = OpenDb(path, SQLITE_OPEN_READONLY);
    RegisterRasd(db_);  // a table built with tokenize='rasd' tokenizes its queries with it
    Exec(db_, "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY");  // as rasd opens its database
    top_ = Prepare(db_,
                   "SELECT rowid, title, bm25(f, 2.0, 1.0), snippet(f, 1, '<b>', '</b>', '…', 32) "
                   "FROM f WHERE f MATCH ?1 ORDER BY bm25(f, 2.0, 1.0) LIMIT 20");
    count_ = Prepare(db_, "SELECT count(*) FROM f WHERE f MATCH ?1");
  }
  ~FtsEngine() override {
    sqlite3_finalize(top_);
    sqlite3_finalize(count_);
    sqlite3_close(db_);
  }
  static std::string Match(const std::string& q) {
    std::string m, w;
    for (size_t i = 0; i <= q.size(); ++i) {
      if (i == q.size() || q[i] == ' ') {
        if (!w.empty()) m += (m.empty() ? "\"" : " \"") + w + "\"";
        w.clear();
      } else if (q[i] != '"') {
        w += q[i];
      }
    }
    return m;
  }
  bool Run(const std::string& q) override {
    const std::string m = Match(q);
    size_t bytes = 0;
    sqlite3_bind_text(top_, 1, m.c_str(), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(top_)) == SQLITE_ROW) bytes += Column(top_, 3).size();
    sqlite3_reset(top_);
    if (rc != SQLITE_DONE) return false;
    sqlite3_bind_text(count_, 1, m.c_str(), -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(count_);
    sqlite3_reset(count_);
    sink_ += bytes;
    return rc == SQLITE_ROW;
  }
  int64_t Count(const std::string& q) override {
    const std::string m = Match(q);
    sqlite3_bind_text(count_, 1, m.c_str(), -1, SQLITE_TRANSIENT);
    int64_t n = sqlite3_step(count_) == SQLITE_ROW ? sqlite3_column_int64(count_, 0) : -1;
    sqlite3_reset(count_);
    return n;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* top_ = nullptr;
  sqlite3_stmt* count_ = nullptr;
  size_t sink_ = 0;
};

int RunQueries(int argc, char** argv) {
  const std::string engine_name = Flag(argc, argv, "--engine", "");
  const std::string queries_path = Flag(argc, argv, "--queries", "");
  const std::string row = Flag(argc, argv, "--row", engine_name);
  const int reps = std::stoi(Flag(argc, argv, "--reps", "3"));
  std::vector<std::string> queries;
  std::ifstream in(queries_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) Die("no queries in " + queries_path);
  std::unique_ptr<Engine> engine;
  if (engine_name == "rasd") {
    engine = std::make_unique<RasdEngine>(Flag(argc, argv, "--db", ""));
  } else if (engine_name == "fts5") {
    engine = std::make_unique<FtsEngine>(Flag(argc, argv, "--fts", ""));
  } else {
    Die("--engine must be rasd or fts5");
  }

  // The untimed pass: warm caches, count results.
  std::vector<int64_t> counts;
  size_t errors = 0;
  for (const std::string& q : queries) {
    if (!engine->Run(q)) ++errors;
    counts.push_back(engine->Count(q));
  }
  for (int r = 0; r < reps; ++r) {
    std::vector<double> ms;
    ms.reserve(queries.size());
    const double start = WallSeconds(), cpu0 = ProcessCpuSeconds();
    for (const std::string& q : queries) {
      const double t0 = WallSeconds();
      engine->Run(q);
      ms.push_back((WallSeconds() - t0) * 1000);
    }
    const double wall = WallSeconds() - start, cpu = ProcessCpuSeconds() - cpu0;
    EmitValue("search", row, "p50 ms", Percentile(ms, 0.50));
    EmitValue("search", row, "p95 ms", Percentile(ms, 0.95));
    EmitValue("search", row, "p99 ms", Percentile(ms, 0.99));
    EmitValue("search", row, "max ms", Percentile(ms, 1.0));
    EmitValue("search", row, "queries/s per core", static_cast<double>(queries.size()) / cpu);
    std::cerr << "search " << engine_name << ": " << queries.size() << " queries in " << wall
              << " s wall, " << cpu << " s CPU\n";
  }
  std::vector<double> found;
  size_t none = 0;
  double sum = 0;
  for (int64_t c : counts) {
    found.push_back(static_cast<double>(std::max<int64_t>(c, 0)));
    sum += found.back();
    none += c <= 0;
  }
  const std::string of = " (of " + std::to_string(queries.size()) + ")";
  EmitValue("search", row, "median results per query", Percentile(found, 0.5));
  EmitValue("search", row, "mean results per query", sum / static_cast<double>(found.size()));
  EmitValue("search", row, "queries without a result" + of, static_cast<double>(none));
  EmitValue("search", row, "query errors" + of, static_cast<double>(errors));
  EmitValue("search", row, "peak RSS MB", PeakRssMb());
  return 0;
}

// The rowids an FTS5 table `f` matches for one word, sorted.
std::vector<int64_t> Matches(sqlite3* db, const std::string& word) {
  sqlite3_stmt* st = Prepare(db, "SELECT rowid FROM f WHERE f MATCH ?1 ORDER BY rowid");
  const std::string m = FtsEngine::Match(word);
  sqlite3_bind_text(st, 1, m.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<int64_t> out;
  while (sqlite3_step(st) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  return out;
}

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

int Recall(int argc, char** argv) {
  const std::string rasd_path = Flag(argc, argv, "--rasd-fts", "");
  const std::string fts_path = Flag(argc, argv, "--fts", "");
  const std::string fixture = Flag(argc, argv, "--fixture", "");
  const std::string rasd_row = Flag(argc, argv, "--rasd-row", "rasd tokenizer");
  const std::string fts_row = Flag(argc, argv, "--row", "unicode61");
  if (rasd_path.empty() || fts_path.empty() || fixture.empty()) {
    Die("recall needs --rasd-fts, --fts and --fixture");
  }
  std::vector<std::vector<std::string>> families;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::ifstream in(fixture);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> w = SplitWords(line);
    if (w.size() >= 3 && w[0] == "F") families.emplace_back(w.begin() + 1, w.end());
    if (w.size() == 3 && w[0] == "N") pairs.emplace_back(w[1], w[2]);
  }
  if (families.empty() || pairs.empty()) Die(fixture + ": no families or pairs");
  sqlite3* exact = OpenDb(fts_path, SQLITE_OPEN_READONLY);
  sqlite3* stemmed = OpenDb(rasd_path, SQLITE_OPEN_READONLY);
  RegisterRasd(stemmed);

  struct Score {
    double recall_sum = 0;
    size_t queries = 0, families_full = 0, pairs_apart = 0;
  };
  Score score[2];  // 0: rasd, 1: unicode61
  size_t families_used = 0, pairs_used = 0;
  for (const std::vector<std::string>& family : families) {
    std::set<int64_t> relevant;
    for (const std::string& w : family) {
      for (int64_t id : Matches(exact, w)) relevant.insert(id);
    }
    if (relevant.empty()) continue;  // no form of it in the corpus
    ++families_used;
    for (int e = 0; e < 2; ++e) {
      bool full = true;
      for (const std::string& w : family) {
        size_t hit = 0;
        for (int64_t id : Matches(e == 0 ? stemmed : exact, w)) hit += relevant.count(id);
        score[e].recall_sum += static_cast<double>(hit) / static_cast<double>(relevant.size());
        ++score[e].queries;
        full &= hit == relevant.size();
      }
      score[e].families_full += full;
    }
  }
  for (const auto& [a, b] : pairs) {
    if (Matches(exact, a).empty() && Matches(exact, b).empty()) continue;
    ++pairs_used;
    for (int e = 0; e < 2; ++e) {
      sqlite3* db = e == 0 ? stemmed : exact;
      score[e].pairs_apart += Matches(db, a) != Matches(db, b);
    }
  }
  sqlite3_close(exact);
  sqlite3_close(stemmed);
  for (int e = 0; e < 2; ++e) {
    const std::string& row = e == 0 ? rasd_row : fts_row;
    EmitValue("search_recall", row,
              "mean recall per form query (" + std::to_string(score[e].queries) + ")",
              score[e].recall_sum / static_cast<double>(std::max<size_t>(score[e].queries, 1)));
    EmitValue("search_recall", row,
              "families fully found (of " + std::to_string(families_used) + ")",
              static_cast<double>(score[e].families_full));
    EmitValue("search_recall", row, "pairs kept apart (of " + std::to_string(pairs_used) + ")",
              static_cast<double>(score[e].pairs_apart));
  }
  std::cout << "N\tsearch_recall\t" << families_used << " of the " << families.size()
            << " families have a form in the corpus, and " << pairs_used << " of the "
            << pairs.size() << " pairs a word; only those count.\n";
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "queries") return rasd::bench::Queries(argc, argv);
  if (cmd == "fts-build") return rasd::bench::FtsBuild(argc, argv);
  if (cmd == "index-size") return rasd::bench::IndexSize(argc, argv);
  if (cmd == "run") return rasd::bench::RunQueries(argc, argv);
  if (cmd == "recall") return rasd::bench::Recall(argc, argv);
  std::cerr << "usage: search_bench queries|fts-build|index-size|run|recall ... (see "
               "bench/search_bench.cc)\n";
  return 1;
}
