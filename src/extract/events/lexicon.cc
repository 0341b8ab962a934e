#include "extract/events/lexicon.h"

#include <algorithm>

#include "rasd/data.h"

namespace rasd::events {
namespace {

template <typename F>
void ForEach(std::string_view list, F f) {
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t bar = list.find('|', pos);
    if (bar == std::string_view::npos) bar = list.size();
    if (bar > pos) f(list.substr(pos, bar - pos));
    pos = bar + 1;
  }
}

// The words of a lexicon phrase as keys: stems, or exact normalized forms.
std::vector<std::string> PhraseKeys(std::string_view phrase, bool exact) {
  std::vector<std::string> out;
  for (const text::Token& t : text::Tokenize(phrase)) {
    if (t.kind == text::TokenKind::kPunct) continue;
    out.push_back(exact ? t.norm : WordKey(t));
  }
  return out;
}

}  // namespace

std::string WordKey(const text::Token& t) {
  // The accusative alef of tanwin stays after normalization ("احتجاجاً" → "احتجاجا");
  // the lexicons list words without it.
  std::string s = t.stem;
  if (t.kind == text::TokenKind::kWord && s.size() >= 10 && s.ends_with("ا")) s.resize(s.size() - 2);
  return s;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  for (std::string_view line : data::Lines(data::Get("events/triggers.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 4) continue;
    Part part = f[2] == "verb" ? Part::kVerb : f[2] == "instrument" ? Part::kInstrument : Part::kNoun;
    ForEach(f[3], [&](std::string_view form) {
      TriggerForm tf;
      tf.exact = form.starts_with("=");
      if (tf.exact) form.remove_prefix(1);
      tf.words = PhraseKeys(form, tf.exact);
      if (tf.words.empty()) return;
      tf.type = std::string(f[0]);
      tf.mode = std::string(f[1]);
      tf.part = part;
      tf.surface = text::NormalizeKey(form);
      forms_.push_back(std::move(tf));
    });
  }
  // Longest forms first, so "غارة جوية" wins over "غارة" (stable for equal lengths).
  std::vector<size_t> order(forms_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return forms_[a].words.size() > forms_[b].words.size(); });
  for (size_t i : order) by_first_[forms_[i].words[0]].push_back(i);

  for (std::string_view line : data::Lines(data::Get("events/cues.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 2) continue;
    auto& table = cues_[std::string(f[0])];
    ForEach(f[1], [&](std::string_view phrase) {
      std::vector<std::string> keys = PhraseKeys(phrase, false);
      if (!keys.empty()) table[keys[0]].push_back(std::move(keys));
    });
  }
}

std::vector<TriggerMatch> Lexicon::Triggers(const std::vector<text::Token>& tokens,
                                            const std::vector<std::string>& stems, size_t begin,
                                            size_t end) const {
  std::vector<TriggerMatch> out;
  for (size_t i = begin; i < end;) {
    if (tokens[i].kind != text::TokenKind::kWord) {
      ++i;
      continue;
    }
    // The longest matching forms; among forms of one length that differ in
    // part of speech, a definite or prefixed word is a noun, a word written
    // exactly as a listed verb is a verb.
    std::vector<const TriggerForm*> found;
    size_t longest = 0;
    for (const std::string& key : {stems[i], tokens[i].norm}) {
      auto it = by_first_.find(key);
      if (it == by_first_.end()) continue;
      for (size_t fi : it->second) {
        const TriggerForm& f = forms_[fi];
        if (i + f.words.size() > end || f.words.size() < longest) continue;
        bool ok = true;
        for (size_t k = 0; k < f.words.size() && ok; ++k) {
          const std::string& have = f.exact ? tokens[i + k].norm : stems[i + k];
          ok = have == f.words[k];
        }
        if (!ok) continue;
        if (f.words.size() > longest) found.clear();
        longest = f.words.size();
        if (std::find(found.begin(), found.end(), &f) == found.end()) found.push_back(&f);
      }
    }
    // A blocker (type "-": "الاجتماعي", "ضبط النفس") that matches as long as any trigger
    // takes the words out: they are another sense of a trigger's stem.
    bool blocked = false;
    for (const TriggerForm* f : found) blocked = blocked || f->type == "-";
    if (blocked) {
      i += longest;
      continue;
    }
    const TriggerForm* best = found.empty() ? nullptr : found.front();
    if (found.size() > 1) {
      std::string_view bare = tokens[i].norm;
      if (bare.starts_with("و") || bare.starts_with("ف")) bare.remove_prefix(2);
      bool definite = bare.starts_with("ال") || bare.starts_with("بال") || bare.starts_with("لل") ||
                      bare.starts_with("ل") || bare.starts_with("ب");
      for (const TriggerForm* f : found) {
        if (definite && f->part != Part::kVerb) {
          best = f;
          break;
        }
        if (!definite && f->part == Part::kVerb && f->words.size() == 1 && f->surface == bare) {
          best = f;
          break;
        }
      }
    }
    if (best) {
      out.push_back({i, i + best->words.size(), best});
      i += best->words.size();
    } else {
      ++i;
    }
  }
  return out;
}

size_t Lexicon::CueAt(std::string_view kind, const std::vector<std::string>& stems, size_t i,
                      size_t end) const {
  auto t = cues_.find(std::string(kind));
  if (t == cues_.end() || i >= end) return 0;
  auto it = t->second.find(stems[i]);
  if (it == t->second.end()) return 0;
  size_t best = 0;
  for (const auto& phrase : it->second) {
    if (i + phrase.size() > end) continue;
    bool ok = true;
    for (size_t k = 1; k < phrase.size() && ok; ++k) ok = stems[i + k] == phrase[k];
    if (ok) best = std::max(best, phrase.size());
  }
  return best;
}

}  // namespace rasd::events
