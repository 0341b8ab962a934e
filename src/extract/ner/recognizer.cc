// The runtime side: tag sentences with the model, turn BIO runs into mentions
// without proclitics, attach gazetteer entries, add gazetteer-only mentions
// the tagger cannot produce (nationalities) or missed (curated groups, major
// places), and find the title or role before each name.
#include <algorithm>
#include <cstdio>
#include <span>
#include <cstdlib>

#include "extract/ner/features.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/model.h"
#include "rasd/data.h"
#include "rasd/ner.h"

namespace rasd::ner {
namespace {

constexpr size_t kMaxSentenceTokens = 160;

bool EndsSentence(const text::Token& t, std::string_view text) {
  if (t.kind != text::TokenKind::kPunct) return false;
  std::string_view s = t.span.Of(text);
  return s == "." || s == "!" || s == "?" || s == "؟" || s == "؛";
}

EntityType ClassType(int cls) {
  switch (cls) {
    case 1: return EntityType::kPer;
    case 2: return EntityType::kLoc;
    case 3: return EntityType::kOrg;
    default: return EntityType::kMisc;
  }
}

// One representative rasd token per corpus token, so a pre-tokenized corpus
// is featurized exactly as running text is.
std::vector<text::Token> Representatives(const std::vector<std::string>& tokens, std::string* joined) {
  joined->clear();
  std::vector<size_t> starts;
  for (const std::string& t : tokens) {
    if (!joined->empty()) joined->push_back(' ');
    starts.push_back(joined->size());
    *joined += t;
  }
  std::vector<text::Token> all = text::Tokenize(*joined);
  std::vector<text::Token> reps(tokens.size());
  size_t k = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    size_t begin = starts[i], end = begin + tokens[i].size();
    while (k < all.size() && all[k].span.begin < begin) ++k;
    // Prefer the first non-punctuation piece of the corpus token.
    size_t best = k;
    for (size_t j = k; j < all.size() && all[j].span.begin < end; ++j) {
      if (all[j].kind != text::TokenKind::kPunct) {
        best = j;
        break;
      }
    }
    if (best < all.size() && all[best].span.begin < end) {
      reps[i] = all[best];
    } else {
      reps[i].span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
      reps[i].body_begin = reps[i].span.begin;
      reps[i].kind = text::TokenKind::kPunct;
      reps[i].norm = text::NormalizeKey(tokens[i]);
      reps[i].stem = reps[i].norm;
    }
  }
  return reps;
}

}  // namespace

const char* TypeName(EntityType t) {
  switch (t) {
    case EntityType::kPer: return "PER";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kGpe: return "GPE";
    case EntityType::kNorp: return "NORP";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

bool ParseType(std::string_view name, EntityType* t) {
  for (EntityType x : {EntityType::kPer, EntityType::kOrg, EntityType::kLoc, EntityType::kGpe,
                       EntityType::kNorp, EntityType::kMisc}) {
    if (name == TypeName(x)) {
      *t = x;
      return true;
    }
  }
  return false;
}

Recognizer::Recognizer() : gazetteer_(&Gazetteer::Default()) {}
Recognizer::~Recognizer() = default;

const Recognizer& Recognizer::Default() {
  static const Recognizer* r = [] {
    auto bytes = data::Find("ner/model.bin");
    if (!bytes) {
      std::fprintf(stderr, "rasd: data/ner/model.bin is missing; run `rasd train ner`\n");
      std::abort();
    }
    auto rec = FromModel(*bytes);
    if (!rec.ok()) {
      std::fprintf(stderr, "rasd: data/ner/model.bin: %s\n", rec.status().message().c_str());
      std::abort();
    }
    return rec->release();
  }();
  return *r;
}

StatusOr<std::unique_ptr<Recognizer>> Recognizer::FromModel(std::string_view model_bytes) {
  auto model = Model::Load(model_bytes);
  if (!model.ok()) return model.status();
  std::unique_ptr<Recognizer> r(new Recognizer());
  r->model_ = std::move(*model);
  return r;
}

std::vector<std::string> Recognizer::TagTokens(const std::vector<std::string>& tokens) const {
  std::string joined;
  std::vector<text::Token> reps = Representatives(tokens, &joined);
  std::vector<TokenInfo> infos = MakeInfos(reps, joined, *gazetteer_);
  model_->Annotate(&infos);
  std::vector<int> tags = model_->Decode(infos, nullptr);
  std::vector<std::string> out;
  for (int t : tags) out.push_back(TagName(t));
  return out;
}

std::vector<Mention> Recognizer::Find(std::string_view text) const {
  return Find(text, text::Tokenize(text));
}

std::vector<Mention> Recognizer::Find(std::string_view text,
                                      const std::vector<text::Token>& tokens) const {
  std::vector<TokenInfo> infos = MakeInfos(tokens, text, *gazetteer_);
  model_->Annotate(&infos);
  std::vector<std::string> keys(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) keys[i] = infos[i].key;

  // Tag sentence by sentence.
  std::vector<int> tags(tokens.size(), 0);
  std::vector<float> margins(tokens.size(), 0.f);
  size_t start = 0;
  std::vector<float> m;
  for (size_t i = 0; i <= tokens.size(); ++i) {
    bool boundary = i == tokens.size() || i - start >= kMaxSentenceTokens ||
                    (i > start && text.substr(tokens[i - 1].span.end, tokens[i].span.begin - tokens[i - 1].span.end)
                                          .find('\n') != std::string_view::npos);
    if (!boundary && !EndsSentence(tokens[i], text)) continue;
    size_t end = boundary ? i : i + 1;
    if (end > start) {
      std::span<const TokenInfo> seq(infos.data() + start, end - start);
      std::vector<int> t = model_->Decode(seq, &m);
      for (size_t k = 0; k < t.size(); ++k) {
        tags[start + k] = t[k];
        margins[start + k] = m[k];
      }
    }
    start = end;
  }

  std::vector<Mention> out;
  std::vector<bool> covered(tokens.size(), false);
  auto make = [&](size_t b, size_t e, EntityType type, float conf) {
    Mention mention;
    mention.span = {tokens[b].body_begin, tokens[e - 1].span.end};
    mention.type = type;
    mention.confidence = conf;
    std::string key;
    for (size_t k = b; k < e; ++k) {
      if (tokens[k].kind == text::TokenKind::kPunct) continue;
      if (!key.empty()) key.push_back(' ');
      key += keys[k];
    }
    mention.key = key;
    if (const GazetteerEntry* g = gazetteer_->ByName(key)) {
      mention.gazetteer = g;
      if (g->type == EntityType::kGpe && (type == EntityType::kLoc || type == EntityType::kGpe)) {
        mention.type = EntityType::kGpe;
      } else if (g->type == EntityType::kOrg && type != EntityType::kPer) {
        mention.type = EntityType::kOrg;
      } else if (g->kind == "facility") {
        mention.type = EntityType::kLoc;  // "البيت الأبيض" is a building, never a person
      }
    }
    // Title or role right before the name; a nationality may sit between
    // ("الرئيس الأمريكي جو بايدن").
    size_t before = b;
    if (before > 0 && infos[before - 1].gaz == 'N') --before;
    if (auto t = gazetteer_->TitleBefore(keys, before)) {
      mention.role = {tokens[t->begin].body_begin, tokens[b - 1].span.end};
    }
    for (size_t k = b; k < e; ++k) covered[k] = true;
    out.push_back(std::move(mention));
  };

  for (size_t i = 0; i < tokens.size();) {
    if (!IsBegin(tags[i]) && !(IsInside(tags[i]))) {
      ++i;
      continue;
    }
    int cls = TagClass(tags[i]);
    size_t j = i + 1;
    while (j < tokens.size() && IsInside(tags[j]) && TagClass(tags[j]) == cls) ++j;
    // Trim punctuation at either end ("“واين ماروتو”").
    size_t b = i, e = j;
    while (b < e && tokens[b].kind == text::TokenKind::kPunct) ++b;
    while (e > b && tokens[e - 1].kind == text::TokenKind::kPunct) --e;
    if (b < e) {
      float conf = 0;
      for (size_t k = b; k < e; ++k) conf += margins[k];
      make(b, e, ClassType(cls), conf / static_cast<float>(e - b));
    }
    i = j;
  }

  // Gazetteer names the tagger did not produce: nationalities always, curated
  // organisations and major places when no tagged mention overlaps them.
  for (size_t i = 0; i < tokens.size();) {
    auto g = gazetteer_->LongestAt(keys, i);
    if (!g || g->title || !g->entry) {
      ++i;
      continue;
    }
    bool free = true;
    for (size_t k = g->begin; k < g->end; ++k) free = free && !covered[k];
    const GazetteerEntry& e = *g->entry;
    bool major = e.type == EntityType::kOrg || e.type == EntityType::kNorp || e.kind == "country" ||
                 e.kind == "admin1" || e.kind == "capital" || e.kind == "facility";
    if (free && major) make(g->begin, g->end, e.type, 1.f);
    i = g->end;
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return out;
}

StatusOr<std::string> Train(const std::vector<TaggedSentence>& data, const TrainOptions& options,
                            TrainReport* report) {
  const Gazetteer& gazetteer = Gazetteer::Default();
  std::vector<std::vector<TokenInfo>> seqs;
  std::vector<std::vector<int>> gold;
  std::string joined;
  for (const TaggedSentence& s : data) {
    std::vector<text::Token> reps = Representatives(s.tokens, &joined);
    seqs.push_back(MakeInfos(reps, joined, gazetteer));
    std::vector<int> g;
    int prev = 0;
    for (const std::string& tag : s.tags) {
      int t = TagIndex(tag);
      // An I- tag after O (IOB1 style) starts an entity.
      if (IsInside(t) && (prev == 0 || TagClass(prev) != TagClass(t))) t -= 1;
      g.push_back(t);
      prev = t;
    }
    gold.push_back(std::move(g));
  }
  return TrainModel(seqs, gold, options, report);
}

}  // namespace rasd::ner
