// The runtime tagger (internal to ner): the first-pass model and, when the
// model file has one, the second pass with document context, decoded over a
// document. Both models' weights share one table, so a feature is looked up
// once for both passes. Features are not listed one by one per token (that
// is Features(), for training): a word's own features and those it gives its
// neighbours come summed from a per-thread cache of words, the features of
// word pairs are hashed and looked up, and the small-valued ones (gazetteer,
// frequency, given-name, organisation-head and document classes) come from
// tables made at load.
// Scores are sums of the quantized weights in integers, so the grouping
// changes nothing.
#ifndef RASD_EXTRACT_NER_TAGGER_H_
#define RASD_EXTRACT_NER_TAGGER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/ner/features.h"
#include "extract/ner/model.h"
#include "rasd/status.h"

namespace rasd::ner {

class Tagger {
 public:
  // `second` empty: a one-pass tagger. The two models must share their
  // vocabulary (training makes both from the same text).
  static StatusOr<std::unique_ptr<Tagger>> Load(std::string_view first, std::string_view second);
  ~Tagger();
  Tagger(const Tagger&) = delete;  // owns a large weight table
  Tagger& operator=(const Tagger&) = delete;

  // Tags (model tag indices) of the sentences [starts[k], starts[k + 1]) of
  // `doc`; sets each token's TokenInfo::freq and, with a second pass, ::doc.
  // `margins` (optional) gets the last pass's per-token margins.
  std::vector<int> Tag(std::vector<TokenInfo>* doc, const std::vector<size_t>& starts,
                       std::vector<float>* margins) const;

  // For tests, one sentence with TokenInfo::doc set: per token, the integer
  // scores of the first pass (document context ignored) and of the second,
  // [n][2][kTags], by the fast path or by summing the weights of Features().
  // The fast path sets TokenInfo::freq; the reference expects it set.
  std::vector<int32_t> Scores(std::span<TokenInfo> seq, bool reference) const;

  bool two_pass() const { return passes_ == 2; }

 private:
  static constexpr int kWeights = 2 * kTags;  // first pass's, then second's
  using Vec = std::array<int32_t, kWeights>;
  struct alignas(64) Row {  // one cache line
    uint64_t key = 0;       // 0 = empty
    int16_t w[kWeights] = {};
  };
  struct WordEntry;
  struct TokenHashes;

  Tagger() = default;
  const Row* Find(uint64_t key) const;
  // Starts loading what a lookup of `key` reads first (lookups are bound by
  // these loads): its filter word, or with `row` its table row.
  void Prefetch(uint64_t key, bool row) const;
  static void Add(const Row* row, Vec* v);
  Vec Sum(const std::vector<uint64_t>& keys) const;
  void BuildTables();
  uint8_t Freq(const TokenInfo& x) const;
  // Where token x's cache entry is, and the tag that tells it is x's.
  WordEntry* CacheSlot(const TokenInfo& x, uint64_t* tag) const;
  // The entry of token x in `slot`, filled on a miss; sets x->freq.
  const WordEntry& Word(TokenInfo* x, WordEntry* slot, uint64_t tag) const;
  // Sums every feature but the document-context ones, for both passes.
  void BaseScores(std::span<TokenInfo> seq, Vec* base, TokenHashes* hashes) const;
  // Float scores [n][kTags] of a pass: the base plus the document features
  // (the first pass sees no document context).
  void PassScores(std::span<const TokenInfo> seq, int pass, const Vec* base, float* out) const;

  int passes_ = 1;
  uint64_t salt_ = 0;  // tells this tagger's cache entries from other taggers'
  // Both passes' weights of every feature, by open addressing with linear
  // probing, on huge pages when the system allows.
  struct Free {
    void operator()(void* p) const;
  };
  std::unique_ptr<Row[], Free> rows_;
  uint64_t mask_ = 0;
  // One bit per value of a key's high bits, set for the keys the table
  // holds: most lookups are of features the models lack, and this answers
  // them from cache (2 MB) instead of from the table.
  static constexpr int kFilterBits = 24;
  std::vector<uint64_t> filter_;
  static uint64_t FilterBit(uint64_t key) { return key >> (64 - kFilterBits); }
  bool MayHave(uint64_t key) const {
    const uint64_t b = FilterBit(key == 0 ? 1 : key);
    return (filter_[b >> 6] >> (b & 63)) & 1;
  }
  float scale_[2] = {};
  float trans_[2][kTags + 1][kTags] = {};
  // Word hash → frequency class (0, rare, for words it lacks), by open
  // addressing: class 0 marks an empty slot.
  std::vector<std::pair<uint64_t, uint8_t>> vocab_;

  // Small-valued features, summed per combination of their values. Codes:
  // gazetteer 0 title, 1 none, 2.. P/O/N × I/B, 8 outside the sentence;
  // frequency 0..2, 3 outside; given name 0/1, 2 outside; document class 0
  // none, 1.. n/P/L/O/M.
  static constexpr int kGaz = 9, kFreq = 4, kFirst = 3, kDoc = 6;
  Vec gaz3_[kGaz][kGaz - 1][kGaz] = {};  // previous, this, next
  Vec gaz_kind_[256] = {};
  Vec flags_[16] = {};               // after title, before, quotes
  Vec freq3_[kFreq][3][kFreq] = {};  // previous, this, next
  Vec freq_gaz_[3][kGaz - 1] = {};
  Vec first_[kFirst][2][kFirst][3] = {};  // previous, this, next; frequency
  Vec doc_[kDoc][3][kGaz - 1] = {};       // class, frequency, gazetteer
  Vec doc_pair_[kDoc][kDoc] = {};         // previous class, this
  Vec org_[5][2] = {};                    // OrgHeadBefore, this word an org head
  // Neighbour features at the sentence's edges.
  Vec bos_prev1_ = {}, bos_prev2_ = {}, eos_next1_ = {}, eos_next2_ = {};
  // Seeds of the pair features with a word outside the sentence.
  uint64_t bos17_ = 0, bos19_ = 0, bos39_[3] = {}, eos40_[3] = {}, seed39_[3] = {}, seed40_[3] = {};
};

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_TAGGER_H_
