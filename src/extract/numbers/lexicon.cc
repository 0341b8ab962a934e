#include "extract/numbers/lexicon.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "rasd/data.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::numbers::internal {
namespace {

WordKind ParseKind(std::string_view s) {
  static const std::pair<std::string_view, WordKind> kKinds[] = {
      {"unit", WordKind::kUnit},         {"ten", WordKind::kTen},
      {"teen", WordKind::kTeen},         {"tens", WordKind::kTens},
      {"hundred", WordKind::kHundred},   {"scale", WordKind::kScale},
      {"scale2", WordKind::kScale2},     {"scales", WordKind::kScales},
      {"vague", WordKind::kVague},       {"ordinal", WordKind::kOrdinal},
      {"fraction", WordKind::kFraction}, {"point", WordKind::kPoint},
  };
  for (const auto& [name, kind] : kKinds) {
    if (s == name) return kind;
  }
  return WordKind::kNone;
}

NounClass ParseClass(std::string_view s) {
  if (s == "currency") return NounClass::kCurrency;
  if (s == "percent") return NounClass::kPercent;
  if (s == "unit") return NounClass::kUnit;
  if (s == "time") return NounClass::kTime;
  if (s == "label") return NounClass::kLabel;
  if (s == "function") return NounClass::kFunction;
  if (s == "calendar") return NounClass::kCalendar;
  return NounClass::kNone;
}

double ToDouble(std::string_view s) { return std::strtod(std::string(s).c_str(), nullptr); }

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

uint32_t SkipLetters(std::string_view text, Span t, int letters) {
  size_t pos = t.begin;
  for (int n = 0; n < letters && pos < t.end; ++n) {
    utf8::Next(text, &pos);
    while (pos < t.end) {  // the marks on that letter
      size_t next = pos;
      char32_t c = utf8::Next(text, &next);
      if (!((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640)) break;
      pos = next;
    }
  }
  return pos < t.end ? static_cast<uint32_t>(pos) : t.begin;
}

const Lexicon& Lexicon::Get() {
  static const Lexicon lex;
  return lex;
}

Lexicon::Lexicon() {
  for (std::string_view line : data::Lines(data::Get("numbers/words.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 3) continue;
    WordEntry e;
    e.kind = ParseKind(f[1]);
    if (e.kind == WordKind::kNone) {
      std::fprintf(stderr, "rasd: data/numbers/words.tsv: unknown kind '%.*s'\n",
                   static_cast<int>(f[1].size()), f[1].data());
      continue;
    }
    e.value = e.acled = ToDouble(f[2]);
    if (f.size() > 3) {
      for (std::string_view flag : SplitOn(f[3], ',')) {
        if (flag == "compound") e.compound_only = true;
        if (StartsWith(flag, "acled=")) e.acled = ToDouble(flag.substr(6));
      }
    }
    // Two spellings that normalize alike: a word that stands alone wins.
    auto [it, added] = words_.try_emplace(text::NormalizeKey(f[0]), e);
    if (!added) it->second.compound_only = it->second.compound_only && e.compound_only;
  }
  for (std::string_view line : data::Lines(data::Get("numbers/non_count_nouns.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() >= 2) classes_[text::NormalizeKey(f[0])] = ParseClass(f[1]);
  }
  // Month and weekday names: the first word of each ("كانون" of "كانون الثاني").
  for (std::string_view file : {"calendar/months.tsv", "calendar/weekdays.tsv"}) {
    auto content = data::Find(file);
    if (!content) continue;
    for (std::string_view line : data::Lines(*content)) {
      auto f = data::Fields(line);
      if (f.size() < 2) continue;
      for (std::string_view name : SplitOn(f[1], '|')) {
        auto words = SplitOn(name, ' ');
        if (words.empty()) continue;
        std::string key = text::NormalizeKey(words[0]);
        if (StartsWith(key, "ال") && key.size() > 6) key = key.substr(4);
        classes_.try_emplace(key, NounClass::kCalendar);
      }
    }
  }
  for (std::string_view line : data::Lines(data::Get("numbers/cues.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() >= 2) cues_[text::NormalizeKey(f[0])] = f[1] == "id" ? Cue::kId : Cue::kYear;
  }
  for (std::string_view line : data::Lines(data::Get("numbers/duals.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() >= 2) duals_[text::NormalizeKey(f[0])] = f[1] == "yes" ? 1 : -1;
  }
  for (std::string_view line : data::Lines(data::Get("numbers/approximators.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 3) continue;
    Approximator a;
    for (std::string_view w : SplitOn(f[0], ' ')) a.words.push_back(text::NormalizeKey(w));
    for (const std::string& w : a.words) a.text += (a.text.empty() ? "" : " ") + w;
    a.qualifier = std::string(f[1]);
    a.after = f[2] == "after";
    approximators_.push_back(std::move(a));
  }
  std::stable_sort(
      approximators_.begin(), approximators_.end(),
      [](const Approximator& a, const Approximator& b) { return a.words.size() > b.words.size(); });
}

const WordEntry* Lexicon::Find(std::string_view w) const {
  auto it = words_.find(w);
  return it == words_.end() ? nullptr : &it->second;
}

WordMatch Lexicon::LookupNumber(std::string_view w) const {
  WordMatch m;
  auto try_core = [&](std::string_view c, bool conj, bool prep) {
    if (const WordEntry* e = Find(c)) {
      m = {e, conj, prep, false};
      return true;
    }
    if (c.size() >= 8 && StartsWith(c, "ال")) {
      if (const WordEntry* e = Find(c.substr(4))) {
        m = {e, conj, prep, true};
        return true;
      }
    }
    return false;
  };
  if (w.size() < 4 || try_core(w, false, false)) return m;
  std::string_view rest = w;
  bool conj = false;
  if (StartsWith(rest, "و") || StartsWith(rest, "ف")) {
    rest.remove_prefix(2);
    conj = true;
    if (rest.size() >= 4 && try_core(rest, true, false)) return m;
  }
  // A preposition leaves at least three letters: "لست" is not ل + ست. Not ك,
  // which starts too many words ("كميات" is not ك + مئات).
  if (rest.size() >= 8 && StartsWith(rest, "لل")) {  // ل + ال, the alef dropped
    if (const WordEntry* e = Find(rest.substr(4))) return {e, conj, true, true};
  }
  if (rest.size() >= 8 && (StartsWith(rest, "ب") || StartsWith(rest, "ل"))) {
    if (try_core(rest.substr(2), conj, true)) return m;
  }
  return {};
}

NounClass Lexicon::ClassOf(std::string_view core) const {
  auto it = classes_.find(core);
  return it == classes_.end() ? NounClass::kNone : it->second;
}

Cue Lexicon::CueOf(std::string_view core) const {
  auto it = cues_.find(core);
  return it == cues_.end() ? Cue::kNone : it->second;
}

int Lexicon::DualVerdict(std::string_view word) const {
  auto it = duals_.find(word);
  return it == duals_.end() ? 0 : it->second;
}

}  // namespace rasd::numbers::internal
