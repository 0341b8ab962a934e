#include "extract/ner/tagger.h"

#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>

#include "extract/ner/feature_hash.h"

namespace rasd::ner {
namespace {

using fh::H;
using fh::H2;

constexpr std::string_view kGazNames[9] = {"T", "0", "PI", "PB", "OI", "OB", "NI", "NB", "-"};
constexpr std::string_view kFreqNames[4] = {"0", "1", "2", "-"};
constexpr std::string_view kFirstNames[3] = {"0", "1", "-"};
constexpr char kDocChars[6] = {'-', 'n', 'P', 'L', 'O', 'M'};

// The code of GazTag(x) (see Tagger's tables).
int GazCode(const TokenInfo& x) {
  if (x.title) return 0;
  int b = x.gaz_begin ? 1 : 0;
  switch (x.gaz) {
    case 0:
      return 1;
    case 'P':
      return 2 + b;
    case 'O':
      return 4 + b;
    default:
      return 6 + b;  // 'N', the only other class MakeInfos sets
  }
}

int DocCode(char c) {
  switch (c) {
    case 'n':
      return 1;
    case 'P':
      return 2;
    case 'L':
      return 3;
    case 'O':
      return 4;
    case 'M':
      return 5;
    default:
      return 0;
  }
}

inline uint64_t Hash(std::string_view s, uint64_t seed) {
  return XXH3_64bits_withSeed(s.data(), s.size(), seed);
}

std::atomic<uint64_t> next_salt{1};

}  // namespace

// What the tagger keeps per distinct word: the summed weights of its own
// features and of those it gives its neighbours, and the hashes its pair
// features start from.
struct alignas(64) Tagger::WordEntry {
  uint64_t tag = 0;  // 0 = empty
  uint8_t freq = 0;
  uint64_t seed17 = 0, seed18 = 0, seed19 = 0, seed28 = 0, seed29 = 0;
  uint64_t h39[3] = {}, h40[3] = {};  // the word as those features' neighbour, by frequency
  Vec self = {}, prev1 = {}, prev2 = {}, next1 = {}, next2 = {};
};

// What a token's sentence needs of its word's entry after the entry may have
// been replaced in the cache.
struct Tagger::TokenHashes {
  uint64_t seed17, seed18, seed19, seed28, seed29;
  uint64_t h39[3], h40[3];
};

void Tagger::Free::operator()(void* p) const { std::free(p); }

Tagger::~Tagger() = default;

StatusOr<std::unique_ptr<Tagger>> Tagger::Load(std::string_view first, std::string_view second) {
  std::vector<ModelFile> files;
  for (std::string_view bytes : {first, second}) {
    if (bytes.empty() && !files.empty()) break;
    auto f = ParseModel(bytes);
    if (!f.ok()) return f.status();
    files.push_back(std::move(*f));
  }
  if (files.size() == 2 && files[0].vocab != files[1].vocab) {
    return Status::InvalidArgument("the two NER models have different vocabularies");
  }
  std::unique_ptr<Tagger> t(new Tagger());
  t->passes_ = static_cast<int>(files.size());
  t->salt_ = XXH3_64bits_withSeed("tagger", 6, next_salt.fetch_add(1));
  size_t vocab_cap = 16;
  while (vocab_cap < 2 * files[0].vocab.size()) vocab_cap <<= 1;
  t->vocab_.assign(vocab_cap, {0, 0});
  for (const auto& [h, c] : files[0].vocab) {
    if (c == 0) continue;  // the class of every word it lacks
    size_t i = h & (vocab_cap - 1);
    while (t->vocab_[i].second != 0 && t->vocab_[i].first != h) i = (i + 1) & (vocab_cap - 1);
    t->vocab_[i] = {h, c};
  }
  // One row per feature of either model; sized for short probes (most
  // lookups are of features the models do not have).
  std::vector<uint64_t> keys;
  for (const ModelFile& f : files) {
    for (uint32_t r = 0; r < f.features; ++r) {
      uint64_t key;
      std::memcpy(&key, f.rows.data() + r * (8 + 2 * kTags), 8);
      keys.push_back(key == 0 ? 1 : key);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const size_t distinct = keys.size();
  size_t cap = 16;
  while (cap < 2 * distinct) cap <<= 1;
  t->rows_.reset(static_cast<Row*>(NewHugeTable(cap * sizeof(Row))));
  if (!t->rows_) return Status::ResourceExhausted("no memory for the NER model");
  t->mask_ = cap - 1;
  for (size_t p = 0; p < files.size(); ++p) {
    const ModelFile& f = files[p];
    t->scale_[p] = f.scale;
    std::memcpy(t->trans_[p], f.trans, sizeof f.trans);
    const char* at = f.rows.data();
    for (uint32_t r = 0; r < f.features; ++r, at += 8 + 2 * kTags) {
      uint64_t key;
      std::memcpy(&key, at, 8);
      if (key == 0) key = 1;
      uint64_t i = key & t->mask_;
      while (t->rows_[i].key != 0 && t->rows_[i].key != key) i = (i + 1) & t->mask_;
      t->rows_[i].key = key;
      std::memcpy(&t->rows_[i].w[p * kTags], at + 8, 2 * kTags);
    }
  }
  t->filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  for (uint64_t key : keys) t->filter_[FilterBit(key) >> 6] |= uint64_t{1} << (FilterBit(key) & 63);
  t->BuildTables();
  return t;
}

const Tagger::Row* Tagger::Find(uint64_t key) const {
  if (key == 0) key = 1;
  if (!MayHave(key)) return nullptr;
  for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
    const Row& r = rows_[i];
    if (r.key == key) return &r;
    if (r.key == 0) return nullptr;
  }
}

void Tagger::Prefetch(uint64_t key, bool row) const {
  if (key == 0) key = 1;
  if (row) {
    __builtin_prefetch(&rows_[key & mask_]);
  } else {
    __builtin_prefetch(&filter_[FilterBit(key) >> 6]);
  }
}

void Tagger::Add(const Row* row, Vec* v) {
  if (!row) return;
  for (int t = 0; t < kWeights; ++t) (*v)[t] += row->w[t];
}

Tagger::Vec Tagger::Sum(const std::vector<uint64_t>& keys) const {
  Vec v = {};
  for (uint64_t k : keys) Add(Find(k), &v);
  return v;
}

void Tagger::BuildTables() {
  // Each table sums exactly the keys Features() gives for those values.
  for (int p = 0; p < kGaz; ++p) {
    for (int c = 0; c < kGaz - 1; ++c) {
      for (int n = 0; n < kGaz; ++n) {
        gaz3_[p][c][n] = Sum({H(20, kGazNames[c]), H2(21, kGazNames[p], kGazNames[c]),
                              H2(22, kGazNames[c], kGazNames[n])});
      }
    }
  }
  for (int c = 1; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    gaz_kind_[c] = Sum({H(23, std::string_view(&ch, 1))});
  }
  for (int f = 0; f < 16; ++f) {
    std::vector<uint64_t> keys;
    if (f & 1) keys.push_back(H(24, "after-title"));
    if (f & 2) keys.push_back(H(25, "after-title-1"));
    if (f & 4) keys.push_back(H(26, "quote-before"));
    if (f & 8) keys.push_back(H(27, "quote-after"));
    flags_[f] = Sum(keys);
  }
  for (int p = 0; p < kFreq; ++p) {
    for (int c = 0; c < 3; ++c) {
      for (int n = 0; n < kFreq; ++n) {
        std::string fp = std::string(kFreqNames[p]) + std::string(kFreqNames[c]);
        std::string fn = std::string(kFreqNames[c]) + std::string(kFreqNames[n]);
        freq3_[p][c][n] = Sum({H(35, fp), H(36, fn)});
      }
    }
  }
  for (int c = 0; c < 3; ++c) {
    for (int g = 0; g < kGaz - 1; ++g) freq_gaz_[c][g] = Sum({H2(37, kFreqNames[c], kGazNames[g])});
  }
  for (int p = 0; p < kFirst; ++p) {
    for (int c = 0; c < 2; ++c) {
      for (int n = 0; n < kFirst; ++n) {
        for (int f = 0; f < 3; ++f) {
          first_[p][c][n][f] =
              Sum({H2(42, kFirstNames[p], kFirstNames[c]), H2(43, kFirstNames[c], kFirstNames[n]),
                   H2(44, kFirstNames[p], kFreqNames[f])});
        }
      }
    }
  }
  for (int d = 0; d < kDoc; ++d) {
    const std::string_view doc(&kDocChars[d], 1);
    for (int f = 0; f < 3; ++f) {
      for (int g = 0; g < kGaz - 1; ++g) {
        doc_[d][f][g] = Sum({H(50, doc), H2(51, doc, kFreqNames[f]), H2(52, doc, kGazNames[g])});
      }
    }
    for (int c = 0; c < kDoc; ++c) {
      const char pair[2] = {kDocChars[d], kDocChars[c]};
      doc_pair_[d][c] = Sum({H(53, std::string_view(pair, 2))});
    }
  }
  for (int d = 0; d < 5; ++d) {
    for (int h = 0; h < 2; ++h) {
      std::vector<uint64_t> keys;
      const char c[2] = {static_cast<char>('0' + d), 0};
      if (d > 0) keys.push_back(H(65, c));
      if (h) keys.push_back(H(68, "head"));
      org_[d][h] = Sum(keys);
    }
  }
  std::vector<uint64_t> keys;
  auto edge = [&](std::string_view word, NeighbourRole role) {
    keys.clear();
    NeighbourFeatures(word, word, role, &keys);
    return Sum(keys);
  };
  bos_prev1_ = edge(fh::kBos, kPrev1);
  bos_prev2_ = edge(fh::kBos, kPrev2);
  eos_next1_ = edge(fh::kEos, kNext1);
  eos_next2_ = edge(fh::kEos, kNext2);
  bos17_ = H(17, fh::kBos);
  bos19_ = H(19, fh::kBos);
  for (int f = 0; f < 3; ++f) {
    seed39_[f] = H(39, kFreqNames[f]);
    seed40_[f] = H(40, kFreqNames[f]);
    bos39_[f] = Hash(fh::kBos, seed39_[f]);
    eos40_[f] = Hash(fh::kEos, seed40_[f]);
  }
}

uint8_t Tagger::Freq(const TokenInfo& x) const {
  const uint64_t h = VocabHash(x);
  const size_t mask = vocab_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (vocab_[i].second == 0 || vocab_[i].first == h) return vocab_[i].second;
  }
}

Tagger::WordEntry* Tagger::CacheSlot(const TokenInfo& x, uint64_t* tag) const {
  // Direct-mapped, per thread (16 MB, 32k words): reading 20 MB of news
  // once, 81% of tokens find their word here, first occurrences included.
  constexpr size_t kEntries = size_t{1} << 15;
  thread_local std::unique_ptr<WordEntry[]> cache(new WordEntry[kEntries]);
  uint64_t t = Hash(x.key, Hash(x.stem, Hash(x.norm, salt_)));
  t ^= (static_cast<uint64_t>(x.kind) | static_cast<uint64_t>(x.clitics) << 8 |
        static_cast<uint64_t>(x.first_name) << 16) *
       0x9E3779B97F4A7C15ull;
  *tag = t | 1;  // never 0, the empty tag
  return &cache[(*tag >> 20) & (kEntries - 1)];
}

const Tagger::WordEntry& Tagger::Word(TokenInfo* x, WordEntry* slot, uint64_t tag) const {
  thread_local std::vector<uint64_t> keys[5];
  WordEntry& e = *slot;
  if (e.tag == tag) {
    x->freq = e.freq;
    return e;
  }
  e.tag = tag;
  e.freq = x->freq = Freq(*x);
  for (auto& k : keys) k.clear();
  WordFeatures(*x, &keys[0]);
  const NeighbourRole roles[] = {kPrev1, kPrev2, kNext1, kNext2};
  for (int r = 0; r < 4; ++r) NeighbourFeatures(x->norm, x->stem, roles[r], &keys[r + 1]);
  for (const auto& k : keys) {
    for (uint64_t f : k) Prefetch(f, false);
  }
  for (const auto& k : keys) {
    for (uint64_t f : k) {
      if (MayHave(f)) Prefetch(f, true);
    }
  }
  Vec* sums[] = {&e.self, &e.prev1, &e.prev2, &e.next1, &e.next2};
  for (int r = 0; r < 5; ++r) {
    *sums[r] = {};
    for (uint64_t f : keys[r]) Add(Find(f), sums[r]);
  }
  e.seed17 = H(17, x->norm);
  e.seed18 = H(18, x->norm);
  e.seed19 = H(19, x->stem);
  e.seed28 = H(28, x->key);
  e.seed29 = H(29, fh::Suffix(x->key, 2));
  for (int f = 0; f < 3; ++f) {
    e.h39[f] = Hash(x->norm, seed39_[f]);
    e.h40[f] = Hash(x->norm, seed40_[f]);
  }
  return e;
}

void Tagger::BaseScores(std::span<TokenInfo> seq, Vec* base, TokenHashes* hashes) const {
  const size_t n = seq.size();
  auto add = [](Vec* to, const Vec& v) {
    for (int t = 0; t < kWeights; ++t) (*to)[t] += v[t];
  };
  std::fill(base, base + n, Vec{});
  // The word's own features and those it gives the words around it, from
  // cache entries whose loads start a few words ahead.
  constexpr size_t kAhead = 4;
  WordEntry* slots[kAhead];
  uint64_t tags[kAhead];
  auto start = [&](size_t k) {
    slots[k % kAhead] = CacheSlot(seq[k], &tags[k % kAhead]);
    for (size_t line = 0; line < sizeof(WordEntry); line += 64) {
      __builtin_prefetch(reinterpret_cast<const char*>(slots[k % kAhead]) + line);
    }
  };
  for (size_t k = 0; k < std::min(n, kAhead); ++k) start(k);
  for (size_t k = 0; k < n; ++k) {
    WordEntry* slot = slots[k % kAhead];
    const uint64_t tag = tags[k % kAhead];
    if (k + kAhead < n) start(k + kAhead);
    const WordEntry& e = Word(&seq[k], slot, tag);
    add(&base[k], e.self);
    if (k + 1 < n) add(&base[k + 1], e.prev1);
    if (k + 2 < n) add(&base[k + 2], e.prev2);
    if (k >= 1) add(&base[k - 1], e.next1);
    if (k >= 2) add(&base[k - 2], e.next2);
    hashes[k] = {e.seed17,
                 e.seed18,
                 e.seed19,
                 e.seed28,
                 e.seed29,
                 {e.h39[0], e.h39[1], e.h39[2]},
                 {e.h40[0], e.h40[1], e.h40[2]}};
  }
  add(&base[0], bos_prev1_);
  add(&base[0], bos_prev2_);
  if (n > 1) add(&base[1], bos_prev2_);
  add(&base[n - 1], eos_next1_);
  add(&base[n - 1], eos_next2_);
  if (n > 1) add(&base[n - 2], eos_next2_);

  // Pair features: hashed for the whole sentence, their loads started
  // together, then summed.
  constexpr int kPairs = 7;
  std::vector<uint64_t> keys(n * kPairs);
  for (size_t k = 0; k < n; ++k) {
    const TokenInfo& x = seq[k];
    const TokenHashes& h = hashes[k];
    const int f0 = x.freq;
    uint64_t* out = &keys[k * kPairs];
    out[0] = Hash(x.norm, k > 0 ? hashes[k - 1].seed17 : bos17_);
    out[1] = Hash(k + 1 < n ? std::string_view(seq[k + 1].norm) : fh::kEos, h.seed18);
    out[2] = Hash(x.stem, k > 0 ? hashes[k - 1].seed19 : bos19_);
    out[3] = Hash(kGazNames[GazCode(x)], h.seed28);
    out[4] = Hash(k > 0 ? kGazNames[GazCode(seq[k - 1])] : kGazNames[8], h.seed29);
    out[5] = k > 0 ? hashes[k - 1].h39[f0] : bos39_[f0];
    out[6] = k + 1 < n ? hashes[k + 1].h40[f0] : eos40_[f0];
    for (int p = 0; p < kPairs; ++p) Prefetch(out[p], false);
  }
  for (uint64_t key : keys) {
    if (MayHave(key)) Prefetch(key, true);
  }
  for (size_t k = 0; k < n; ++k) {
    for (int p = 0; p < kPairs; ++p) Add(Find(keys[k * kPairs + p]), &base[k]);
  }

  // Small-valued features.
  for (size_t k = 0; k < n; ++k) {
    const TokenInfo& x = seq[k];
    const bool has_prev = k > 0, has_next = k + 1 < n;
    const int g = GazCode(x), f0 = x.freq;
    const int gp = has_prev ? GazCode(seq[k - 1]) : 8, gn = has_next ? GazCode(seq[k + 1]) : 8;
    const int fp = has_prev ? seq[k - 1].freq : 3, fn = has_next ? seq[k + 1].freq : 3;
    const int ip = has_prev ? seq[k - 1].first_name : 2, in = has_next ? seq[k + 1].first_name : 2;
    const int flags = (x.after_title ? 1 : 0) | (has_prev && seq[k - 1].after_title ? 2 : 0) |
                      (x.quote_before ? 4 : 0) | (x.quote_after ? 8 : 0);
    add(&base[k], gaz3_[gp][g][gn]);
    add(&base[k], gaz_kind_[static_cast<unsigned char>(x.gaz_kind)]);
    add(&base[k], flags_[flags]);
    add(&base[k], freq3_[fp][f0][fn]);
    add(&base[k], freq_gaz_[f0][g]);
    add(&base[k], first_[ip][x.first_name ? 1 : 0][in][f0]);
    add(&base[k], org_[OrgHeadBefore(seq, k)][x.org_head ? 1 : 0]);
  }
}

void Tagger::PassScores(std::span<const TokenInfo> seq, int pass, const Vec* base,
                        float* out) const {
  const int at = pass * kTags;
  const float scale = scale_[pass];
  for (size_t k = 0; k < seq.size(); ++k) {
    const TokenInfo& x = seq[k];
    const int d = pass == 0 ? 0 : DocCode(x.doc);
    const int dp = pass == 0 || k == 0 ? 0 : DocCode(seq[k - 1].doc);
    const Vec& a = doc_[d][x.freq][GazCode(x)];
    const Vec& b = doc_pair_[dp][d];
    for (int t = 0; t < kTags; ++t) {
      out[k * kTags + t] = static_cast<float>(base[k][at + t] + a[at + t] + b[at + t]) * scale;
    }
  }
}

std::vector<int> Tagger::Tag(std::vector<TokenInfo>* doc, const std::vector<size_t>& starts,
                             std::vector<float>* margins) const {
  const size_t n = doc->size();
  std::vector<int> tags(n, 0);
  if (margins) margins->assign(n, 0.f);
  std::vector<Vec> base(n);
  std::vector<TokenHashes> hashes(n);
  std::vector<float> scores;
  for (size_t s = 0; s + 1 < starts.size(); ++s) {
    const size_t b = starts[s], e = starts[s + 1];
    if (b < e) BaseScores(std::span<TokenInfo>(doc->data() + b, e - b), &base[b], &hashes[b]);
  }
  for (int pass = 0; pass < passes_; ++pass) {
    if (pass == 1) SetDocumentContext(doc, tags);
    const bool last = pass + 1 == passes_;
    for (size_t s = 0; s + 1 < starts.size(); ++s) {
      const size_t b = starts[s], e = starts[s + 1];
      if (b == e) continue;
      std::span<const TokenInfo> seq(doc->data() + b, e - b);
      scores.resize(seq.size() * kTags);
      PassScores(seq, pass, &base[b], scores.data());
      std::vector<int> path = Viterbi(scores.data(), seq.size(), trans_[pass]);
      std::copy(path.begin(), path.end(), tags.begin() + static_cast<long>(b));
      if (margins && last) Margins(scores.data(), path, margins->data() + b);
    }
  }
  return tags;
}

std::vector<int32_t> Tagger::Scores(std::span<TokenInfo> seq, bool reference) const {
  const size_t n = seq.size();
  std::vector<int32_t> out(n * kWeights, 0);
  if (n == 0) return out;
  if (!reference) {
    std::vector<Vec> base(n);
    std::vector<TokenHashes> hashes(n);
    BaseScores(seq, base.data(), hashes.data());
    for (size_t k = 0; k < n; ++k) {
      for (int pass = 0; pass < 2; ++pass) {
        const int d = pass == 0 ? 0 : DocCode(seq[k].doc);
        const int dp = pass == 0 || k == 0 ? 0 : DocCode(seq[k - 1].doc);
        for (int t = 0; t < kTags; ++t) {
          const int i = pass * kTags + t;
          out[k * kWeights + i] =
              base[k][i] + doc_[d][seq[k].freq][GazCode(seq[k])][i] + doc_pair_[dp][d][i];
        }
      }
    }
    return out;
  }
  std::vector<TokenInfo> plain(seq.begin(), seq.end());
  for (TokenInfo& x : plain) x.doc = 0;
  std::vector<uint64_t> keys;
  for (size_t k = 0; k < n; ++k) {
    for (int pass = 0; pass < 2; ++pass) {
      keys.clear();
      Features(pass == 0 ? std::span<const TokenInfo>(plain) : std::span<const TokenInfo>(seq), k,
               &keys);
      Vec v = Sum(keys);
      for (int t = 0; t < kTags; ++t) out[k * kWeights + pass * kTags + t] = v[pass * kTags + t];
    }
  }
  return out;
}

}  // namespace rasd::ner
