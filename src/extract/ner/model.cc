#include "extract/ner/model.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <unordered_map>

namespace rasd::ner {
namespace {

constexpr char kMagic[8] = {'R', 'A', 'S', 'D', 'N', 'E', 'R', '1'};
const char* kTagNames[kTags] = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"};

bool Allowed(int prev, int tag) {  // prev == kTags: sentence start
  if (!IsInside(tag)) return true;
  return prev != kTags && prev != 0 && TagClass(prev) == TagClass(tag);
}

template <typename T>
void Put(std::string* out, const T& v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool Get(std::string_view* in, T* v) {
  if (in->size() < sizeof *v) return false;
  std::memcpy(v, in->data(), sizeof *v);
  in->remove_prefix(sizeof *v);
  return true;
}

}  // namespace

const char* TagName(int tag) { return tag >= 0 && tag < kTags ? kTagNames[tag] : "O"; }

int TagIndex(std::string_view name) {
  if (name.size() < 3 || (name[0] != 'B' && name[0] != 'I') || name[1] != '-') return 0;
  std::string_view cls = name.substr(2);
  int c = cls == "PER" || cls == "PERS" ? 1 : cls == "LOC" || cls == "GPE" ? 2 : cls == "ORG" ? 3
          : cls == "MISC" ? 4 : 0;
  if (c == 0) return 0;
  return name[0] == 'B' ? 2 * c - 1 : 2 * c;
}

std::vector<int> Viterbi(const float* scores, size_t n, const float trans[kTags + 1][kTags]) {
  // The tags each tag may follow, in increasing order (ties go to the first).
  struct Preds {
    int n = 0;
    int tag[kTags] = {};
  };
  static const auto* preds = [] {
    auto* p = new std::array<Preds, kTags>();
    for (int t = 0; t < kTags; ++t) {
      for (int q = 0; q < kTags; ++q) {
        if (Allowed(q, t)) (*p)[t].tag[(*p)[t].n++] = q;
      }
    }
    return p;
  }();
  std::vector<int> path(n);
  if (n == 0) return path;
  thread_local std::vector<float> best;
  thread_local std::vector<int> back;
  best.assign(n * kTags, -std::numeric_limits<float>::infinity());
  back.assign(n * kTags, 0);
  for (int t = 0; t < kTags; ++t) {
    if (Allowed(kTags, t)) best[t] = trans[kTags][t] + scores[t];
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &best[(i - 1) * kTags];
    for (int t = 0; t < kTags; ++t) {
      float b = -std::numeric_limits<float>::infinity();
      int arg = 0;
      const Preds& from = (*preds)[t];
      for (int k = 0; k < from.n; ++k) {
        const int p = from.tag[k];
        float v = prev[p] + trans[p][t];
        if (v > b) {
          b = v;
          arg = p;
        }
      }
      best[i * kTags + t] = b + scores[i * kTags + t];
      back[i * kTags + t] = arg;
    }
  }
  int t = 0;
  float b = -std::numeric_limits<float>::infinity();
  for (int k = 0; k < kTags; ++k) {
    if (best[(n - 1) * kTags + k] > b) {
      b = best[(n - 1) * kTags + k];
      t = k;
    }
  }
  for (size_t i = n; i-- > 0;) {
    path[i] = t;
    t = back[i * kTags + t];
  }
  return path;
}

void Margins(const float* scores, const std::vector<int>& path, float* out) {
  for (size_t i = 0; i < path.size(); ++i) {
    // Margin against the best tag of another class (B-PER and I-PER are one class).
    const float* s = &scores[i * kTags];
    float chosen = -std::numeric_limits<float>::infinity(), other = chosen;
    for (int t = 0; t < kTags; ++t) {
      if (TagClass(t) == TagClass(path[i])) {
        chosen = std::max(chosen, s[t]);
      } else {
        other = std::max(other, s[t]);
      }
    }
    out[i] = 1.f / (1.f + std::exp(-(chosen - other)));
  }
}

constexpr int kRareMax = 2, kCommonMin = 20;  // counts in the training corpus

uint8_t FreqClass(size_t count) { return count <= kRareMax ? 0 : count < kCommonMin ? 1 : 2; }

void Model::Annotate(std::vector<TokenInfo>* seq) const {
  for (TokenInfo& x : *seq) {
    auto it = vocab_.find(VocabHash(x));
    x.freq = it == vocab_.end() ? 0 : it->second;
  }
}

void Model::FreeSlots::operator()(Slot* p) const { std::free(p); }

void* NewHugeTable(size_t bytes) {
  constexpr size_t kHuge = 2u << 20;
  bytes = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = nullptr;
  if (posix_memalign(&p, kHuge, bytes) != 0) return nullptr;
  madvise(p, bytes, MADV_HUGEPAGE);  // a hint; ignored where huge pages are off
  std::memset(p, 0, bytes);
  return p;
}

const Model::Slot* Model::Find(uint64_t key) const {
  if (key == 0) key = 1;
  for (uint64_t slot = key & mask_;; slot = (slot + 1) & mask_) {
    const Slot& x = slots_[slot];
    if (x.key == 0) return nullptr;
    if (x.key == key) return &x;
  }
}

std::vector<int> Model::Decode(std::span<const TokenInfo> seq, std::vector<float>* margin) const {
  std::vector<uint64_t> feats;
  std::vector<uint32_t> offsets = {0};
  for (size_t i = 0; i < seq.size(); ++i) {
    Features(seq, i, &feats);
    offsets.push_back(static_cast<uint32_t>(feats.size()));
  }
  return DecodeFeatures(feats.data(), offsets.data(), seq.size(), margin);
}

std::vector<int> Model::DecodeFeatures(const uint64_t* feats, const uint32_t* offsets, size_t n,
                                       std::vector<float>* margin) const {
  std::vector<float> scores(n * kTags, 0.f);
  for (size_t i = 0; i < n; ++i) {
    // Start every lookup's memory load before using any of them.
    for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      __builtin_prefetch(&slots_[(feats[k] == 0 ? 1 : feats[k]) & mask_]);
    }
    float* s = &scores[i * kTags];
    for (uint32_t k = offsets[i]; k < offsets[i + 1]; ++k) {
      if (const Slot* x = Find(feats[k])) {
        for (int t = 0; t < kTags; ++t) s[t] += static_cast<float>(x->w[t]) * scale_;
      }
    }
  }
  std::vector<int> path = Viterbi(scores.data(), n, trans_);
  if (margin) {
    margin->resize(n);
    Margins(scores.data(), path, margin->data());
  }
  return path;
}

StatusOr<ModelFile> ParseModel(std::string_view in) {
  char magic[8];
  if (in.size() < 8) return Status::InvalidArgument("NER model too short");
  std::memcpy(magic, in.data(), 8);
  if (std::memcmp(magic, kMagic, 8) != 0) return Status::InvalidArgument("not a rasd NER model");
  in.remove_prefix(8);
  uint32_t ntags = 0;
  ModelFile m;
  if (!Get(&in, &ntags) || !Get(&in, &m.features) || !Get(&in, &m.scale) || ntags != kTags) {
    return Status::InvalidArgument("NER model header is corrupt");
  }
  for (int p = 0; p <= kTags; ++p) {
    for (int t = 0; t < kTags; ++t) {
      if (!Get(&in, &m.trans[p][t])) return Status::InvalidArgument("NER model truncated");
    }
  }
  uint32_t nvocab = 0;
  if (!Get(&in, &nvocab)) return Status::InvalidArgument("NER model truncated");
  m.vocab.resize(nvocab);
  for (auto& [h, c] : m.vocab) {
    if (!Get(&in, &h) || !Get(&in, &c)) return Status::InvalidArgument("NER model truncated");
  }
  if (in.size() != static_cast<size_t>(m.features) * (8 + 2 * kTags)) {
    return Status::InvalidArgument("NER model size does not match its header");
  }
  m.rows = in;
  return m;
}

StatusOr<std::unique_ptr<Model>> Model::Load(std::string_view bytes) {
  auto file = ParseModel(bytes);
  if (!file.ok()) return file.status();
  std::unique_ptr<Model> m(new Model());
  std::memcpy(m->trans_, file->trans, sizeof m->trans_);
  for (const auto& [h, c] : file->vocab) m->vocab_[h] = c;
  const uint32_t nfeat = file->features;
  size_t cap = 1;
  while (cap < 2 * static_cast<size_t>(nfeat) + 16) cap <<= 1;
  m->slots_.reset(static_cast<Slot*>(NewHugeTable(cap * sizeof(Slot))));
  if (!m->slots_) return Status::ResourceExhausted("no memory for the NER model");
  m->mask_ = cap - 1;
  m->features_ = nfeat;
  m->scale_ = file->scale;
  std::string_view in = file->rows;
  for (uint32_t r = 0; r < nfeat; ++r) {
    uint64_t key = 0;
    Get(&in, &key);
    int16_t w[kTags];
    for (int t = 0; t < kTags; ++t) Get(&in, &w[t]);
    if (key == 0) key = 1;
    uint64_t slot = key & m->mask_;
    while (m->slots_[slot].key != 0) slot = (slot + 1) & m->mask_;
    m->slots_[slot].key = key;
    std::memcpy(m->slots_[slot].w, w, sizeof w);
  }
  return m;
}

StatusOr<std::string> TrainModel(const std::vector<std::vector<TokenInfo>>& input,
                                 const std::vector<std::vector<int>>& gold,
                                 const TrainOptions& options, TrainReport* report) {
  if (input.size() != gold.size() || input.empty()) return Status::InvalidArgument("no training data");
  // Word frequencies of the training corpus, kept in the model.
  std::unordered_map<uint64_t, size_t> counts;
  for (const auto& seq : input) {
    for (const TokenInfo& x : seq) ++counts[VocabHash(x)];
  }
  std::vector<std::pair<uint64_t, uint8_t>> vocab;
  for (const auto& [h, c] : counts) {
    if (FreqClass(c) > 0) vocab.emplace_back(h, FreqClass(c));
  }
  std::sort(vocab.begin(), vocab.end());
  std::vector<std::vector<TokenInfo>> seqs = input;
  for (auto& seq : seqs) {
    for (TokenInfo& x : seq) x.freq = FreqClass(counts[VocabHash(x)]);
  }
  // Features of every token, computed once.
  std::vector<std::vector<std::vector<uint32_t>>> feats(seqs.size());
  std::unordered_map<uint64_t, uint32_t> row_of;
  std::vector<uint64_t> row_key;
  std::vector<uint64_t> buf;
  size_t tokens = 0;
  for (size_t s = 0; s < seqs.size(); ++s) {
    feats[s].resize(seqs[s].size());
    for (size_t i = 0; i < seqs[s].size(); ++i) {
      buf.clear();
      Features(seqs[s], i, &buf);
      for (uint64_t f : buf) {
        if (f == 0) f = 1;
        auto [it, inserted] = row_of.emplace(f, static_cast<uint32_t>(row_key.size()));
        if (inserted) row_key.push_back(f);
        feats[s][i].push_back(it->second);
      }
      ++tokens;
    }
  }
  const size_t rows = row_key.size();
  std::vector<float> w(rows * kTags, 0.f);
  std::vector<double> total(rows * kTags, 0.0);
  std::vector<int64_t> last(rows * kTags, 0);
  float tw[kTags + 1][kTags] = {};
  double ttotal[kTags + 1][kTags] = {};
  int64_t tlast[kTags + 1][kTags] = {};
  int64_t clock = 1;
  auto update = [&](size_t idx, float delta) {
    total[idx] += static_cast<double>(clock - last[idx]) * w[idx];
    last[idx] = clock;
    w[idx] += delta;
  };
  auto tupdate = [&](int p, int t, float delta) {
    ttotal[p][t] += static_cast<double>(clock - tlast[p][t]) * tw[p][t];
    tlast[p][t] = clock;
    tw[p][t] += delta;
  };

  std::vector<size_t> order(seqs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores;
  std::vector<bool> dropped;
  std::uniform_real_distribution<float> coin(0.f, 1.f);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, seen = 0;
    for (size_t s : order) {
      const size_t n = seqs[s].size();
      if (n == 0) continue;
      scores.assign(n * kTags, 0.f);
      dropped.assign(n, false);
      for (size_t i = 0; i < n; ++i) {
        dropped[i] = options.word_dropout > 0 && coin(rng) < options.word_dropout;
        const auto& f = feats[s][i];
        for (size_t k = dropped[i] ? kLexicalFeatures : 0; k < f.size(); ++k) {
          uint32_t r = f[k];
          for (int t = 0; t < kTags; ++t) scores[i * kTags + t] += w[static_cast<size_t>(r) * kTags + t];
        }
      }
      std::vector<int> pred = Viterbi(scores.data(), n, tw);
      const std::vector<int>& g = gold[s];
      for (size_t i = 0; i < n; ++i) {
        seen++;
        if (pred[i] == g[i]) {
          ++correct;
        } else {
          const auto& f = feats[s][i];
          for (size_t k = dropped[i] ? kLexicalFeatures : 0; k < f.size(); ++k) {
            update(static_cast<size_t>(f[k]) * kTags + g[i], 1.f);
            update(static_cast<size_t>(f[k]) * kTags + pred[i], -1.f);
          }
        }
        int gp = i == 0 ? kTags : g[i - 1];
        int pp = i == 0 ? kTags : pred[i - 1];
        if (gp != pp || g[i] != pred[i]) {
          tupdate(gp, g[i], 1.f);
          tupdate(pp, pred[i], -1.f);
        }
      }
      ++clock;
    }
    if (report) report->epoch_accuracy.push_back(seen ? static_cast<double>(correct) / seen : 0);
  }
  // Average, prune, quantize.
  std::vector<float> avg(rows * kTags);
  for (size_t idx = 0; idx < avg.size(); ++idx) {
    double t = total[idx] + static_cast<double>(clock - last[idx]) * w[idx];
    avg[idx] = static_cast<float>(t / clock);
  }
  float tavg[kTags + 1][kTags];
  for (int p = 0; p <= kTags; ++p) {
    for (int t = 0; t < kTags; ++t) {
      tavg[p][t] = static_cast<float>((ttotal[p][t] + static_cast<double>(clock - tlast[p][t]) * tw[p][t]) / clock);
    }
  }
  std::vector<uint32_t> kept;
  float max_abs = 1e-6f;
  for (uint32_t r = 0; r < rows; ++r) {
    float m = 0;
    for (int t = 0; t < kTags; ++t) m = std::max(m, std::fabs(avg[static_cast<size_t>(r) * kTags + t]));
    if (m >= options.prune) {
      kept.push_back(r);
      max_abs = std::max(max_abs, m);
    }
  }
  std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) { return row_key[a] < row_key[b]; });
  const float scale = max_abs / 32767.f;
  std::string out(kMagic, 8);
  Put(&out, static_cast<uint32_t>(kTags));
  Put(&out, static_cast<uint32_t>(kept.size()));
  Put(&out, scale);
  for (int p = 0; p <= kTags; ++p) {
    for (int t = 0; t < kTags; ++t) Put(&out, tavg[p][t]);
  }
  Put(&out, static_cast<uint32_t>(vocab.size()));
  for (const auto& [h, c] : vocab) {
    Put(&out, h);
    Put(&out, c);
  }
  for (uint32_t r : kept) {
    Put(&out, row_key[r]);
    for (int t = 0; t < kTags; ++t) {
      float v = avg[static_cast<size_t>(r) * kTags + t] / scale;
      Put(&out, static_cast<int16_t>(std::lround(std::clamp(v, -32767.f, 32767.f))));
    }
  }
  if (report) {
    report->sentences = seqs.size();
    report->tokens = tokens;
    report->features = rows;
    report->kept_features = kept.size();
  }
  return out;
}

}  // namespace rasd::ner
