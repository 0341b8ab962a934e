// Corpus-wide links made as each document is written (internal): copies of
// an earlier document, event clusters and story clusters.
#ifndef RASD_CORPUS_LINKS_H_
#define RASD_CORPUS_LINKS_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/dedupe.h"
#include "rasd/status.h"
#include "store/sqlite.h"

namespace rasd::corpus {

enum class CopyKind { kNone, kExact, kNear };

// Links document `doc` to the earliest stored document with the same
// normalized text (exact) or an estimated Jaccard similarity at or above the
// threshold (near), and indexes its MinHash bands for later documents.
StatusOr<CopyKind> LinkCopies(store::Db* db, int64_t doc, const std::string& exact_key,
                              const std::string& day, const dedupe::Signature& signature,
                              const std::vector<uint64_t>& band_keys, const dedupe::Options& options);

// The same for a stored document whose original was removed (its inputs changed).
Status RelinkCopies(store::Db* db, int64_t doc, const dedupe::Options& options);

// One stored event, as clustering sees it.
struct ClusterInput {
  int64_t event = 0;
  std::string type, mode, modality, day;
  std::string place_id, place_name, within_id, country;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  std::set<std::string> agents, targets;  // corpus entity ids
};

// Puts a stored event into the cluster of the same real-world event (same
// type and modality, a day apart at most, compatible places and modes,
// shared actors when the place is unknown) or into a new cluster.
StatusOr<int64_t> AssignCluster(store::Db* db, const ClusterInput& e, std::set<int64_t>* dirty);
// Recomputes reports, outlets, first document and counts of the clusters;
// removes clusters that lost all their events.
Status RefreshClusters(store::Db* db, const std::set<int64_t>& ids);

// An entity that marks what a document is about, weighted by how rare it is
// in the corpus (inverse document frequency).
struct Salient {
  std::string entity_id;
  double weight = 0;
};

// The light stems of the content words of a title and a lead (function
// words and words under three letters left out): what a text is about.
// Sorted, without repeats.
std::vector<std::string> KeyTerms(std::string_view title, std::string_view lead);
// The lead KeyTerms reads of a document's text: its first 600 characters
// (as SQLite's substr(text, 1, 600) counts them).
std::string_view LeadOf(std::string_view text);

// How many of a document's most mentioned entities say what it is about.
constexpr int kSalientEntities = 6;

// What story assignment reads of an earlier document.
struct StoryProfile {
  std::vector<std::string> terms;        // KeyTerms of its title and lead
  std::vector<std::string> salient_ids;  // stored entity ids of its kSalientEntities most
                                         // mentioned entities (NORP and MISC left out)
};

// The profiles of recently stored documents, kept so that assigning a story
// does not read and tokenize them again; others are read from the database.
// A profile must be forgotten when its document is deleted.
class StoryProfiles {
 public:
  explicit StoryProfiles(size_t capacity) : capacity_(capacity) {}
  void Put(int64_t doc, StoryProfile profile);
  // Valid until the next call.
  const StoryProfile& Get(store::Db* db, int64_t doc);
  void Forget(int64_t doc);

 private:
  size_t capacity_;
  std::unordered_map<int64_t, StoryProfile> by_doc_;
  std::deque<int64_t> order_;  // insertion order, for eviction (may hold forgotten docs)
  StoryProfile read_;          // the last one read from the database
};

// Puts an original document into the story of an earlier document within
// `window_days` with which it shares at least two salient entities carrying
// 40% of the smaller document's salient weight and a fifth of its title and
// lead terms (`terms`), and so does the story's first document (or starts a
// story with that document). `weight_of` gives an entity's current weight.
Status AssignStory(store::Db* db, int64_t doc, const std::string& day,
                   const std::vector<Salient>& salient, const std::vector<std::string>& terms,
                   const std::function<double(const std::string&)>& weight_of, int window_days,
                   StoryProfiles* profiles, std::set<int64_t>* dirty);
// Recomputes size, days, title and first document of the stories.
Status RefreshStories(store::Db* db, const std::set<int64_t>& ids);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_LINKS_H_
