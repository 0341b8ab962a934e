// The corpus: a SQLite database (one file, WAL) holding documents and every
// fact rasd found in them, entities and events resolved across documents,
// duplicates and story clusters, and a full-text index that uses rasd's
// Arabic analyzer.
//
//   auto corpus = rasd::corpus::Corpus::Open("news.db", /*read_only=*/false);
//   auto summary = (*corpus)->Ingest({"articles/"}, options);   // resumable, idempotent
//   auto hits = (*corpus)->Search(request);                      // JSON
//
// Ingest runs the per-article pipeline on worker threads and writes from one
// thread, in input order, in batched transactions: after a crash, running the
// same ingest again ends with exactly what an uninterrupted run would have.
#ifndef RASD_CORPUS_H_
#define RASD_CORPUS_H_

#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "rasd/dedupe.h"
#include "rasd/ingest.h"
#include "rasd/pipeline.h"
#include "rasd/status.h"

namespace rasd::corpus {

struct Progress {
  size_t documents = 0;       // documents written so far
  size_t bytes = 0;           // input bytes read so far
  size_t total_bytes = 0;     // size of the sources, when known (0 otherwise)
  double seconds = 0;
};

struct IngestOptions {
  ingest::ReadOptions read;
  AnalyzeOptions analyze;
  dedupe::Options dedupe;
  int threads = 0;            // analysis workers; 0 = one per core
  size_t batch = 1000;        // documents per transaction (docs/schema.md: why 1000)
  int story_window_days = 3;  // how far apart two reports of one story may be
  std::function<void(const Progress&)> progress;          // called about every 0.2 s
  std::function<void(const std::string&, const std::string&)> on_skip;  // (input name, reason)
};

struct IngestSummary {
  size_t read = 0;             // inputs read (files, lines, records)
  size_t ingested = 0;         // new documents
  size_t updated = 0;          // documents whose content changed
  size_t unchanged = 0;        // documents already stored as they are
  size_t duplicates = 0;       // new documents that are exact copies of an earlier one
  size_t near_duplicates = 0;  // new documents that are near copies
  size_t skipped = 0;          // inputs that could not be read or analysed
  std::map<std::string, size_t> skip_reasons;
  std::vector<std::string> ids;  // ids of new and updated documents (the first 1,000)
  size_t bytes = 0;
  double seconds = 0;
};

// Filters shared by search, events, quotes, timeline and export.
struct Filters {
  std::string outlet;
  std::string from, to;        // ISO dates (inclusive), on the publication date
  std::string entity;          // entity id or name
  std::string event_type;      // PLOVER type (events of that type in the document)
  bool has_quotes = false;
};

struct SearchRequest {
  std::string query;
  Filters filters;
  std::string sort = "relevance";  // or "date"
  size_t limit = 20, offset = 0;
  bool collapse = true;            // fold duplicates under their original ("and N copies")
};

struct EntityQuery {
  std::string type;             // PER, ORG, LOC, GPE, NORP, MISC or "" for all
  bool ambiguous_only = false;  // lone surnames that more than one known person has
  std::string name;             // only entities with a spelling starting with this
  size_t limit = 50, offset = 0;
};

struct EventQuery {
  Filters filters;             // outlet/date/entity (actor)/event_type
  std::string place;           // place id or name (the place or what contains it)
  std::string actor;           // entity id or name among agents/targets
  std::string sort = "date";   // "date" (newest first), "killed" or "reports" (most first)
  bool clusters = true;        // one row per real-world event (merged across reports)
  bool asserted_only = true;   // leave out negated, future and hypothetical events
  // Counts given as vague quantities ("عشرات"): "low" exports their low end
  // (عشرات = 10), "omit" leaves them out of numeric columns.
  std::string vague_numbers = "low";
  size_t limit = 100, offset = 0;
};

class Corpus {
 public:
  // Opens (creating when needed, unless read_only) the database at `path`.
  static StatusOr<std::unique_ptr<Corpus>> Open(const std::string& path, bool read_only);
  ~Corpus();
  Corpus(const Corpus&) = delete;  // owns the database connection
  Corpus& operator=(const Corpus&) = delete;

  // Reads, analyses and stores every document of `sources`. Inputs that fail
  // are reported through options.on_skip and counted; the rest go on.
  StatusOr<IngestSummary> Ingest(const std::vector<std::string>& sources, const IngestOptions& options);
  // Stores documents already read (the server's POST); same rules as Ingest.
  StatusOr<IngestSummary> IngestDocs(std::vector<RawDoc> docs, const IngestOptions& options);

  // Queries; each returns one JSON object (docs/api.md describes them).
  StatusOr<std::string> Search(const SearchRequest& request);
  StatusOr<std::string> Document(const std::string& id);
  StatusOr<std::string> Entities(const EntityQuery& query);
  StatusOr<std::string> Entity(const std::string& id_or_name);
  StatusOr<std::string> Events(const EventQuery& query);
  // One merged event with every report of it.
  StatusOr<std::string> Event(int64_t id);
  StatusOr<std::string> Quotes(const std::string& speaker, const Filters& filters, size_t limit, size_t offset);
  // Documents (by query.filters) and events (also by type, place, actor) per
  // day, week or month.
  StatusOr<std::string> Timeline(const std::string& interval, const EventQuery& query);
  StatusOr<std::string> Story(int64_t id);
  // Counts of what the corpus holds (docs/api.md, /api/stats); not its path.
  StatusOr<std::string> Stats();
  // Every outlet with its number of documents.
  StatusOr<std::string> Outlets();

  // Writes the events (clusters) matching `query` as jsonl, csv, geojson,
  // plover (JSON array) or acled (CSV with ACLED's columns).
  Status Export(const std::string& format, const EventQuery& query, std::ostream& out);

  // Queries between BeginRead and EndRead see one snapshot of the database,
  // whatever an ingest commits meanwhile.
  Status BeginRead();
  void EndRead();

  // Runs PRAGMA integrity_check; "ok" when the file is sound.
  StatusOr<std::string> IntegrityCheck();

 private:
  Corpus();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_H_
