// The averaged structured perceptron: feature weights per tag, first-order
// transitions, Viterbi decoding with BIO constraints, training, and the
// model file format (internal to ner).
#ifndef RASD_EXTRACT_NER_MODEL_H_
#define RASD_EXTRACT_NER_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/ner/features.h"
#include "rasd/ner.h"
#include "rasd/status.h"

namespace rasd::ner {

// Tags: O, B-PER, I-PER, B-LOC, I-LOC, B-ORG, I-ORG, B-MISC, I-MISC.
constexpr int kTags = 9;
const char* TagName(int tag);
int TagIndex(std::string_view name);  // "B-PERS" → B-PER; unknown → O (0)
inline bool IsBegin(int t) { return t % 2 == 1; }
inline bool IsInside(int t) { return t > 0 && t % 2 == 0; }
inline int TagClass(int t) { return (t + 1) / 2; }  // 0 O, 1 PER, 2 LOC, 3 ORG, 4 MISC

// One model file's contents, viewed in place.
struct ModelFile {
  float scale = 0;                        // weight = w * scale
  float trans[kTags + 1][kTags] = {};     // [previous (kTags = start)][tag]
  std::vector<std::pair<uint64_t, uint8_t>> vocab;  // word hash → frequency class
  uint32_t features = 0;
  std::string_view rows;  // `features` records of uint64 key, int16 w[kTags]
};
StatusOr<ModelFile> ParseModel(std::string_view bytes);

// Best tag sequence under the BIO constraints for per-token scores [n][kTags].
std::vector<int> Viterbi(const float* scores, size_t n, const float trans[kTags + 1][kTags]);
// Per token, how far the chosen tag's class scores ahead of the best other
// class, squashed to 0..1.
void Margins(const float* scores, const std::vector<int>& path, float* out);

// `bytes` of zeroed memory, 2 MB aligned and advised onto huge pages (for
// tables whose lookups land anywhere); release with std::free.
void* NewHugeTable(size_t bytes);

class Model {
 public:
  static StatusOr<std::unique_ptr<Model>> Load(std::string_view bytes);
  Model(const Model&) = delete;  // owns large weight tables
  Model& operator=(const Model&) = delete;

  // Best tag sequence; `margin` (optional) gets, per token, how far the chosen
  // tag's local score is ahead of the next best, squashed to 0..1.
  std::vector<int> Decode(std::span<const TokenInfo> seq, std::vector<float>* margin) const;
  // The same from features already computed: token k's are
  // feats[offsets[k] .. offsets[k + 1]).
  std::vector<int> DecodeFeatures(const uint64_t* feats, const uint32_t* offsets, size_t n,
                                   std::vector<float>* margin) const;
  size_t feature_count() const { return features_; }
  // Sets TokenInfo::freq from the training vocabulary stored in the model.
  void Annotate(std::vector<TokenInfo>* seq) const;

 private:
  Model() = default;
  // One feature: its key and quantized weights in one 32-byte slot, so a
  // lookup touches one cache line (decoding is bound by these lookups).
  struct alignas(32) Slot {
    uint64_t key = 0;  // 0 = empty
    int16_t w[kTags] = {};
  };
  const Slot* Find(uint64_t key) const;

  // Open addressing, linear probing; on huge pages when the system allows,
  // since lookups land all over the table.
  struct FreeSlots {
    void operator()(Slot* p) const;
  };
  std::unique_ptr<Slot[], FreeSlots> slots_;
  size_t features_ = 0;
  float scale_ = 0;          // weight = w * scale_
  uint64_t mask_ = 0;
  std::unordered_map<uint64_t, uint8_t> vocab_;  // word hash → frequency class
  float trans_[kTags + 1][kTags] = {};  // [previous (kTags = start)][tag]
  friend StatusOr<std::string> TrainModel(const std::vector<std::vector<TokenInfo>>&,
                                          const std::vector<std::vector<int>>&,
                                          const TrainOptions&, TrainReport*);
};

StatusOr<std::string> TrainModel(const std::vector<std::vector<TokenInfo>>& seqs,
                                 const std::vector<std::vector<int>>& gold,
                                 const TrainOptions& options, TrainReport* report);

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_MODEL_H_
