// The runtime side: tag sentences with the model, turn BIO runs into mentions
// without proclitics, attach gazetteer entries, add gazetteer-only mentions
// the tagger cannot produce (nationalities) or missed (curated groups, major
// places), and find the title or role before each name.
#include <algorithm>
#include <set>
#include <cstdio>
#include <cstring>
#include <span>
#include <unordered_map>
#include <cstdlib>

#include "extract/ner/features.h"
#include "extract/ner/gazetteer.h"
#include "extract/ner/model.h"
#include "extract/ner/tagger.h"
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

// A model file holds one model, or "RASDNER2" + two length-prefixed models.
StatusOr<std::unique_ptr<Recognizer>> Recognizer::FromModel(std::string_view bytes) {
  std::unique_ptr<Recognizer> r(new Recognizer());
  std::string_view first = bytes, second;
  if (bytes.starts_with("RASDNER2")) {
    bytes.remove_prefix(8);
    for (std::string_view* part : {&first, &second}) {
      uint64_t len = 0;
      if (bytes.size() < 8) return Status::InvalidArgument("NER model container truncated");
      std::memcpy(&len, bytes.data(), 8);
      bytes.remove_prefix(8);
      if (len > bytes.size()) return Status::InvalidArgument("NER model container truncated");
      *part = bytes.substr(0, len);
      bytes.remove_prefix(len);
    }
    if (second.empty()) return Status::InvalidArgument("NER model container has an empty second model");
  }
  auto tagger = Tagger::Load(first, second);
  if (!tagger.ok()) return tagger.status();
  r->tagger_ = std::move(*tagger);
  return r;
}

std::vector<std::string> Recognizer::TagTokens(const std::vector<std::string>& tokens) const {
  return TagDocument({tokens}).front();
}

std::vector<std::vector<std::string>> Recognizer::TagDocument(
    const std::vector<std::vector<std::string>>& sentences) const {
  std::vector<TokenInfo> doc;
  std::vector<size_t> starts;
  std::string joined;
  for (const auto& tokens : sentences) {
    starts.push_back(doc.size());
    std::vector<text::Token> reps = Representatives(tokens, &joined);
    std::vector<TokenInfo> infos = MakeInfos(reps, joined, *gazetteer_);
    doc.insert(doc.end(), std::make_move_iterator(infos.begin()), std::make_move_iterator(infos.end()));
  }
  starts.push_back(doc.size());
  std::vector<int> tags = tagger_->Tag(&doc, starts, nullptr);
  std::vector<std::vector<std::string>> out;
  for (size_t s = 0; s + 1 < starts.size(); ++s) {
    std::vector<std::string> t;
    for (size_t i = starts[s]; i < starts[s + 1]; ++i) t.push_back(TagName(tags[i]));
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Mention> Recognizer::Find(std::string_view text) const {
  return Find(text, text::Tokenize(text));
}

std::vector<Mention> Recognizer::Find(std::string_view text,
                                      const std::vector<text::Token>& tokens) const {
  LongestMatches longest;
  std::vector<TokenInfo> infos = MakeInfos(tokens, text, *gazetteer_, &longest);
  std::vector<std::string_view> keys(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) keys[i] = infos[i].key;

  // Sentence boundaries: terminal punctuation, line breaks, and a length cap.
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool newline = i > 0 && text.substr(tokens[i - 1].span.end, tokens[i].span.begin - tokens[i - 1].span.end)
                                    .find('\n') != std::string_view::npos;
    if ((newline || i - starts.back() >= kMaxSentenceTokens) && i > starts.back()) starts.push_back(i);
    if (EndsSentence(tokens[i], text)) starts.push_back(i + 1);
  }
  if (starts.back() != tokens.size()) starts.push_back(tokens.size());
  std::vector<float> margins;
  std::vector<int> tags = tagger_->Tag(&infos, starts, &margins);

  std::vector<Mention> out;
  std::vector<bool> covered(tokens.size(), false);
  auto make = [&](size_t b, size_t e, EntityType type, float conf) {
    Mention mention;
    // The first token's proclitic stays outside the name, unless what looks
    // like one is part of the name ("واين" is Wayne, not و + اين).
    uint32_t begin = tokens[b].body_begin;
    if (begin != tokens[b].span.begin &&
        (gazetteer_->IsFirstName(tokens[b].norm) || gazetteer_->ByName(tokens[b].norm) != nullptr)) {
      begin = tokens[b].span.begin;
    }
    // A lone ف or ك before a name nobody knows is its first letter ("فرانك", "كارتر"):
    // "so" and "like" rarely stand before a proper noun without the article.
    // Also after a conjunction: "وكارتر" is و + كارتر.
    const std::string_view clitic = text.substr(tokens[b].span.begin, begin - tokens[b].span.begin);
    if ((clitic.ends_with("ف") || clitic.ends_with("ك")) && !keys[b].starts_with("ال") &&
        !gazetteer_->IsFirstName(keys[b]) && gazetteer_->ByName(keys[b]) == nullptr) {
      begin -= static_cast<uint32_t>(std::string_view("ك").size());
    }
    mention.span = {begin, tokens[e - 1].span.end};
    mention.type = type;
    mention.confidence = conf;
    std::string key;
    for (size_t k = b; k < e; ++k) {
      if (tokens[k].kind == text::TokenKind::kPunct) continue;
      if (!key.empty()) key.push_back(' ');
      if (k == b && begin == tokens[b].span.begin) {
        key += tokens[k].norm;
      } else if (k == b && begin != tokens[b].body_begin) {
        key += text::NormalizeKey(text.substr(begin, tokens[b].span.end - begin));  // "كارتر" of "وكارتر"
      } else {
        key += keys[k];
      }
    }
    mention.key = key;
    const GazetteerEntry* g = gazetteer_->ByName(key);
    if (g && type == EntityType::kPer) g = nullptr;  // "صلاح الدين" the person is not the province
    if (g) {
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
    if (mention.type == EntityType::kPer) {
      if (auto t = gazetteer_->TitleBefore(keys, before)) {
        mention.role = {tokens[t->begin].body_begin, tokens[b - 1].span.end};
      }
    }
    for (size_t k = b; k < e; ++k) covered[k] = true;
    out.push_back(std::move(mention));
  };

  // A place word right before a name ("بلدة سرمين") says it is the place.
  static const std::set<std::string, std::less<>> kPlaceWords = {
      text::NormalizeKey("مدينة"), text::NormalizeKey("بلدة"), text::NormalizeKey("قرية"),
      text::NormalizeKey("مخيم"), text::NormalizeKey("ناحية"), text::NormalizeKey("حي"),
      text::NormalizeKey("بلدات"), text::NormalizeKey("قرى"), text::NormalizeKey("مدن"),
      text::NormalizeKey("محافظة"), text::NormalizeKey("منطقة")};
  auto after_place_word = [&](size_t b) { return b > 0 && kPlaceWords.count(keys[b - 1]) > 0; };
  // "الخبر" (the news), "الباب" (the door): a place only after a place word.
  auto common_word_place = [&](size_t b, size_t e) {
    return e - b == 1 && gazetteer_->IsCommonWord(keys[b]) && !after_place_word(b);
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
    // Generic words ("ريف", "مدينة") are not part of a name at its end
    // ("معرة النعمان بريف"), and never a name alone.
    while (e > b && gazetteer_->IsNotName(keys[e - 1])) --e;
    if (b < e) {
      float conf = 0;
      for (size_t k = b; k < e; ++k) conf += margins[k];
      EntityType type = ClassType(cls);
      // "سعدة فيصل الهرماس": a name, then a father's given name, and no common
      // (organisation) word is a person, whatever class the tagger chose.
      if ((type == EntityType::kOrg || type == EntityType::kMisc) && e - b >= 2 && e - b <= 4) {
        bool given = false, common = false;
        for (size_t k = b; k < e; ++k) {
          if (k > b && gazetteer_->IsFirstName(keys[k])) given = true;
          if (infos[k].freq == 2 || infos[k].gaz) common = true;
        }
        if (given && !common) type = EntityType::kPer;
      }
      const bool place = type == EntityType::kGpe || type == EntityType::kLoc;
      if (!(place && common_word_place(b, e))) make(b, e, type, conf / static_cast<float>(e - b));
    }
    i = j;
  }

  // Gazetteer names the tagger did not produce: nationalities always; curated
  // organisations, countries, regions and cities of note when no tagged
  // mention overlaps them and the words are not common ones.
  for (size_t i = 0; i < tokens.size();) {
    auto g = longest.known[i] ? longest.at[i] : gazetteer_->LongestAt(keys, i);
    if (!g || g->title || !g->entry) {
      ++i;
      continue;
    }
    bool free = true, common = false;
    for (size_t k = g->begin; k < g->end; ++k) {
      free = free && !covered[k];
      common = common || infos[k].freq == 2;
    }
    const GazetteerEntry& e = *g->entry;
    bool curated = e.type == EntityType::kOrg || e.type == EntityType::kNorp || e.kind == "country" ||
                   e.kind == "admin1" || e.kind == "capital" || e.kind == "facility";
    const bool place_word = after_place_word(g->begin);
    // Places rasd's gazetteer adds for the news it reads (rasd:place:...) are
    // curated like organisations.
    const bool rasd_place = e.id.rfind("rasd:place:", 0) == 0;
    bool notable_city = e.kind == "city" &&
                        (place_word ||
                         (!common && (rasd_place || e.population >= 100000 ||
                                      ((e.country == "SY" || e.country == "IQ") && e.population >= 20000))));
    if (free && (curated || notable_city) && !common_word_place(g->begin, g->end)) {
      make(g->begin, g->end, e.type, 1.f);
    }
    i = g->end;
  }
  // Document consistency: a person's surname alone, or the full name again,
  // where the tagger missed it ("جو بايدن" ... "أوضح بايدن").
  StringTable<char> person_words;  // last words of the persons' names
  for (const Mention& m : out) {
    if (m.type != EntityType::kPer) continue;
    size_t sp = m.key.rfind(' ');
    if (sp != std::string::npos) person_words[std::string_view(m.key).substr(sp + 1)] = 1;
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (covered[i] || tokens[i].kind != text::TokenKind::kWord || infos[i].freq == 2 || infos[i].gaz) continue;
    if (person_words.Contains(keys[i])) make(i, i + 1, EntityType::kPer, 0.6f);
  }
  DisambiguatePlaces(&out);
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  return out;
}

void Recognizer::DisambiguatePlaces(std::vector<Mention>* mentions) const {
  // Places that share a name ("أريحا": Jericho, and the town in Idlib) take
  // the one in the region and country the document's certain places are in.
  auto region = [](const GazetteerEntry* g) -> const std::string& { return g->kind == "admin1" ? g->name : g->parent; };
  std::set<std::string> countries, regions;
  std::vector<std::vector<const GazetteerEntry*>> candidates(mentions->size());
  for (size_t i = 0; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (!m.gazetteer || m.gazetteer->type == EntityType::kOrg || m.gazetteer->type == EntityType::kNorp) continue;
    candidates[i] = gazetteer_->AllByName(m.key);
    const auto& all = candidates[i];
    if (all.empty()) continue;
    bool one_country = true, one_region = true;
    for (const GazetteerEntry* g : all) {
      one_country = one_country && g->country == all[0]->country;
      one_region = one_region && region(g) == region(all[0]);
    }
    if (one_country && !all[0]->country.empty()) countries.insert(all[0]->country);
    if (one_region && !region(all[0]).empty()) regions.insert(region(all[0]));
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    if (candidates[i].size() < 2) continue;
    const GazetteerEntry* best = candidates[i][0];
    int best_score = -1;
    for (const GazetteerEntry* g : candidates[i]) {
      if (g->type == EntityType::kOrg || g->type == EntityType::kNorp) continue;
      int score = 2 * static_cast<int>(regions.count(region(g))) + static_cast<int>(countries.count(g->country));
      if (score > best_score) {
        best = g;
        best_score = score;
      }
    }
    (*mentions)[i].gazetteer = best;
  }
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
  auto first = TrainModel(seqs, gold, options, report);
  if (!first.ok() || !options.document_pass) return first;

  // First-pass tags for every training sentence from a model that did not see
  // it (contiguous folds, so the held-out fold is text from unseen articles).
  const size_t n = seqs.size();
  const size_t folds = static_cast<size_t>(std::max(2, options.folds));
  std::vector<std::vector<int>> predicted(n);
  for (size_t f = 0; f < folds; ++f) {
    size_t b = n * f / folds, e = n * (f + 1) / folds;
    std::vector<std::vector<TokenInfo>> tr_seqs;
    std::vector<std::vector<int>> tr_gold;
    for (size_t i = 0; i < n; ++i) {
      if (i >= b && i < e) continue;
      tr_seqs.push_back(seqs[i]);
      tr_gold.push_back(gold[i]);
    }
    auto bytes = TrainModel(tr_seqs, tr_gold, options, nullptr);
    if (!bytes.ok()) return bytes.status();
    auto model = Model::Load(*bytes);
    if (!model.ok()) return model.status();
    for (size_t i = b; i < e; ++i) {
      std::vector<TokenInfo> seq = seqs[i];
      (*model)->Annotate(&seq);
      predicted[i] = (*model)->Decode(seq, nullptr);
    }
  }
  // Document context over blocks of consecutive sentences.
  const size_t block = static_cast<size_t>(std::max(1, options.document_sentences));
  for (size_t b = 0; b < n; b += block) {
    size_t e = std::min(n, b + block);
    std::vector<TokenInfo> doc;
    std::vector<int> tags;
    for (size_t i = b; i < e; ++i) {
      doc.insert(doc.end(), seqs[i].begin(), seqs[i].end());
      tags.insert(tags.end(), predicted[i].begin(), predicted[i].end());
    }
    SetDocumentContext(&doc, tags);
    size_t at = 0;
    for (size_t i = b; i < e; ++i) {
      for (TokenInfo& x : seqs[i]) x.doc = doc[at++].doc;
    }
  }
  TrainReport second;
  auto second_model = TrainModel(seqs, gold, options, &second);
  if (!second_model.ok()) return second_model.status();
  if (report) report->epoch_accuracy = second.epoch_accuracy;
  std::string out = "RASDNER2";
  for (const std::string* m : {&*first, &*second_model}) {
    uint64_t len = m->size();
    out.append(reinterpret_cast<const char*>(&len), 8);
    out += *m;
  }
  return out;
}

}  // namespace rasd::ner
