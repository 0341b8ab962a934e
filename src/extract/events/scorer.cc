// Sentence features and the logistic scorer that tells a report of an event
// from a mention of one.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>

#include "extract/events/sentence.h"
#include "rasd/data.h"

namespace rasd::events {
namespace {

bool HasArticle(const text::Token& t) {
  std::string_view n = t.norm;
  if (n.starts_with("و") || n.starts_with("ف")) n.remove_prefix(2);
  if (n.starts_with("ب") || n.starts_with("ل") || n.starts_with("ك")) {
    if (n.substr(2).starts_with("ال") || n.starts_with("لل")) return true;
  }
  return n.starts_with("ال");
}

std::string Bucket(size_t v, size_t step, size_t max) {
  return std::to_string(std::min(v / step, max));
}

bool AnyCue(const SentenceView& s, std::string_view kind, size_t from, size_t to) {
  const Lexicon& lex = Lexicon::Default();
  for (size_t i = from; i < to; ++i) {
    if (lex.CueAt(kind, *s.stems, i, to)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> Features(const SentenceView& s, std::string_view type) {
  std::vector<std::string> f;
  std::vector<const TriggerMatch*> trig;
  for (const TriggerMatch& t : s.triggers) {
    if (t.form->type == type) trig.push_back(&t);
  }
  if (trig.empty()) return f;
  f.push_back("bias");
  std::map<std::string, bool> modes;
  for (const TriggerMatch* t : trig) {
    modes[t->form->mode] = true;
    f.push_back("trig=" + t->form->words[0]);
    const text::Token& tok = s.tok(t->begin);
    f.push_back(t->form->part == Part::kVerb ? "trig-verb" : t->form->part == Part::kNoun ? "trig-noun" : "trig-instrument");
    f.push_back(HasArticle(tok) ? "trig-definite" : "trig-bare");
    // A demonstrative before the trigger refers back to an event already told.
    if (t->begin > s.begin) {
      const std::string& prev = s.tok(t->begin - 1).norm;
      if (prev == "هذه" || prev == "هذا" || prev == "تلك" || prev == "ذلك") f.push_back("trig-anaphoric");
    }
  }
  for (const auto& [m, on] : modes) f.push_back("mode=" + m);
  f.push_back("n-trig=" + Bucket(trig.size(), 1, 3));
  f.push_back("trig-pos=" + Bucket(trig.front()->begin - s.begin, 5, 4));
  size_t n = s.end - s.begin;
  f.push_back("len=" + Bucket(n, 10, 5));

  const size_t first = trig.front()->begin;
  const size_t window_begin = first >= s.begin + 4 ? first - 4 : s.begin;
  if (AnyCue(s, "negation", window_begin, first)) f.push_back("neg-near");
  if (AnyCue(s, "negation", s.begin, s.end)) f.push_back("neg");
  if (AnyCue(s, "future", window_begin, std::min(s.end, first + 3))) f.push_back("future-near");
  if (AnyCue(s, "hypothetical", s.begin, first)) f.push_back("hypo-before");
  if (AnyCue(s, "background", s.begin, s.end)) f.push_back("background");
  if (AnyCue(s, "background", window_begin, first)) f.push_back("background-near");
  if (AnyCue(s, "reported", s.begin, s.end)) f.push_back("reported");
  if (AnyCue(s, "time", s.begin, s.end)) f.push_back("time-word");
  if (AnyCue(s, "killed", s.begin, s.end)) f.push_back("killed-word");
  if (AnyCue(s, "injured", s.begin, s.end)) f.push_back("injured-word");
  if (AnyCue(s, "agent", s.begin, s.end)) f.push_back("agent-cue");

  bool question = false, quote = false, number = false;
  for (size_t i = s.begin; i < s.end; ++i) {
    const text::Token& t = s.tok(i);
    if (t.kind == text::TokenKind::kNumber) number = true;
    if (t.kind != text::TokenKind::kPunct) continue;
    if (t.norm == "?") question = true;
    if (t.norm == "\"" || t.norm == "«" || t.norm == "»" || t.norm == "“" || t.norm == "”") quote = true;
  }
  if (question) f.push_back("question");
  if (quote) f.push_back("quote");
  if (number) f.push_back("number");
  if (s.begin < s.end && (s.tok(s.begin).norm == "*" || s.tok(s.begin).norm == "-")) f.push_back("list-item");

  bool count_killed = false, count_any = false;
  for (int c : s.counts) {
    const numbers::Count& cnt = (*s.in->counts)[c];
    count_any = true;
    const std::string& key = cnt.noun_key;
    for (const char* k : {"قتل", "قتيل", "شخص", "مدني", "جثه", "شهيد", "ضحي"}) {
      if (key.find(text::NormalizeKey(k)) != std::string::npos) count_killed = true;
    }
  }
  if (count_any) f.push_back("count");
  if (count_killed) f.push_back("count-victims");
  bool place = false, person = false, org = false;
  for (int m : s.mentions) {
    switch (s.mention(m).type) {
      case ner::EntityType::kGpe:
      case ner::EntityType::kLoc: place = true; break;
      case ner::EntityType::kPer: person = true; break;
      case ner::EntityType::kOrg: org = true; break;
      default: break;
    }
  }
  if (place) f.push_back("place");
  if (person) f.push_back("person");
  if (org) f.push_back("org");
  if (!s.dates.empty()) f.push_back("date");
  // The sentence's words (stems of three letters or more).
  for (size_t i = s.begin; i < s.end; ++i) {
    const text::Token& t = s.tok(i);
    if (t.kind == text::TokenKind::kWord && s.stem(i).size() >= 6) f.push_back("w=" + s.stem(i));
  }
  // Conjunctions of evidence.
  for (const auto& [m, on] : modes) {
    if (count_killed) f.push_back("mode-victims=" + m);
    if (place) f.push_back("mode-place=" + m);
    if (!s.dates.empty() || AnyCue(s, "time", s.begin, s.end)) f.push_back("mode-time=" + m);
  }
  return f;
}

const Scorer& Scorer::Default() {
  static const Scorer s;
  return s;
}

Scorer::Scorer() {
  for (std::string_view line : data::Lines(data::Get("events/reported.model"))) {
    auto f = data::Fields(line);
    if (f.size() < 2) continue;
    float w = std::strtof(std::string(f[1]).c_str(), nullptr);
    if (f[0].starts_with("@threshold")) {
      std::string_view type = f[0].substr(std::string_view("@threshold").size());
      if (type.starts_with(":")) type.remove_prefix(1);
      thresholds_[std::string(type)] = w;
    } else {
      weights_[std::string(f[0])] = w;
    }
  }
}

float Scorer::threshold(std::string_view type) const {
  if (auto it = thresholds_.find(std::string(type)); it != thresholds_.end()) return it->second;
  if (auto it = thresholds_.find(""); it != thresholds_.end()) return it->second;
  return 0.5f;
}

float Threshold(std::string_view type) { return Scorer::Default().threshold(type); }

float Scorer::Probability(const std::vector<std::string>& features, std::string_view type) const {
  if (features.empty()) return 0;
  double z = 0;
  thread_local std::string typed;  // "TYPE:feature", its buffer reused
  typed.assign(type).push_back(':');
  const size_t prefix = typed.size();
  for (const std::string& f : features) {
    if (auto it = weights_.find(f); it != weights_.end()) z += it->second;
    typed.resize(prefix);
    typed += f;
    if (auto it = weights_.find(typed); it != weights_.end()) z += it->second;
  }
  return static_cast<float>(1.0 / (1.0 + std::exp(-z)));
}

std::string TrainScorer(const std::vector<Example>& examples, int epochs, double l2) {
  // Feature augmentation: every feature once as is and once prefixed by the
  // type, so evidence is shared across types and specialised for each.
  std::unordered_map<std::string, double> w;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(7);
  for (int e = 0; e < epochs; ++e) {
    std::shuffle(order.begin(), order.end(), rng);
    double lr = 0.1 / (1 + e * 0.2);
    for (size_t i : order) {
      const Example& ex = examples[i];
      double z = 0;
      for (const std::string& f : ex.features) z += w[f];
      double p = 1.0 / (1.0 + std::exp(-z));
      double g = (ex.label ? 1.0 : 0.0) - p;
      for (const std::string& f : ex.features) w[f] += lr * (g - l2 * w[f]);
    }
  }
  std::vector<std::pair<std::string, double>> sorted(w.begin(), w.end());
  std::sort(sorted.begin(), sorted.end());
  std::ostringstream out;
  out << "# Logistic weights of rasd's event-report scorer, made by `rasd train events`\n"
         "# from the even-numbered rows of arabic_event_gsr (MIT; see NOTICE).\n";
  for (const auto& [f, v] : sorted) {
    if (std::fabs(v) < 1e-4) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.5f", v);
    out << f << "\t" << buf << "\n";
  }
  return out.str();
}

}  // namespace rasd::events
