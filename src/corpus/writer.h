// The corpus writer (internal): the one thread that writes analysed inputs
// into the database, in input order, in batched transactions. Everything a
// document adds to corpus-wide state (entity ids, duplicate links, event
// clusters, stories) is written in the same transaction as the document, so
// a crash leaves a prefix of the input and a rerun continues from there.
#ifndef RASD_CORPUS_WRITER_H_
#define RASD_CORPUS_WRITER_H_

#include <memory>
#include <set>
#include <string>

#include "corpus/links.h"
#include "corpus/prepared.h"
#include "rasd/corpus.h"
#include "rasd/resolve.h"
#include "store/sqlite.h"

namespace rasd::corpus {

class Writer {
 public:
  Writer(store::Db* db, const IngestOptions& options);
  ~Writer();

  // Loads corpus-wide state (replays entity resolution over stored documents).
  Status Start();
  // Writes one input (or counts it as unchanged); opens a transaction as needed
  // and commits every `options.batch` inputs.
  Status Write(Prepared* p, IngestSummary* summary);
  // True when the input is stored with these exact bytes.
  bool IsStored(const std::string& key, const std::string& raw_hash);
  // Commits the open transaction, if any.
  Status Commit();
  // Ends the run: derived tables (entities, cluster and story sizes) rebuilt.
  Status Finish();

 private:
  Status Begin();
  Status RemoveSource(const std::string& key);
  Status WriteDocument(const Prepared& p, PreparedDoc* d, IngestSummary* summary);
  // Adds the documents written since the last call to the search index.
  Status IndexPending();

  store::Db* db_;
  const IngestOptions& options_;
  resolve::EntityIndex entities_;
  bool in_tx_ = false;
  size_t in_batch_ = 0;
  size_t documents_seen_ = 0;    // documents stored (for entity document frequencies)
  bool replay_needed_ = false;   // stored documents were removed: entity ids must be recomputed
  std::set<int64_t> dirty_clusters_, dirty_stories_, orphans_;
  // Documents stored but not yet in the search index: indexing them all in
  // one statement per transaction makes FTS5 write one segment, not one each.
  struct PendingIndex {
    int64_t rowid;
    std::string title, text;
    store::IndexTerms title_terms, text_terms;
  };
  std::vector<PendingIndex> pending_index_;
  StoryProfiles story_profiles_;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

// Rebuilds `index` from the stored documents, in ingest order, and rewrites
// any stored entity id that differs from the rebuilt one.
Status ReplayEntities(store::Db* db, resolve::EntityIndex* index);
// Rewrites the entities and entity_names tables from `index`, and moves
// stored ids of merged entities to their current id.
Status WriteEntities(store::Db* db, const resolve::EntityIndex& index);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_WRITER_H_
