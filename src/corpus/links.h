// Corpus-wide links made as each document is written (internal): copies of
// an earlier document, event clusters and story clusters.
#ifndef RASD_CORPUS_LINKS_H_
#define RASD_CORPUS_LINKS_H_

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
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
std::set<std::string> KeyTerms(std::string_view title, std::string_view lead);

// How many of a document's most mentioned entities say what it is about.
constexpr int kSalientEntities = 6;

// Puts an original document into the story of an earlier document within
// `window_days` with which it shares at least two salient entities carrying
// 40% of the smaller document's salient weight and a fifth of its title and
// lead terms, and so does the story's first document (or starts a story
// with that document). `weight_of` gives an entity's current weight.
Status AssignStory(store::Db* db, int64_t doc, const std::string& day, const std::vector<Salient>& salient,
                   const std::function<double(const std::string&)>& weight_of, int window_days,
                   std::set<int64_t>* dirty);
// Recomputes size, days, title and first document of the stories.
Status RefreshStories(store::Db* db, const std::set<int64_t>& ids);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_LINKS_H_
