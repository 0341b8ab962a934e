// The word lists behind number and count extraction (data/numbers/*.tsv),
// loaded once and looked up by normalized word (internal).
//
//   const Lexicon& lex = Lexicon::Get();
//   WordMatch m = lex.LookupNumber("وعشرين");  // tens 20, conj = true
#ifndef RASD_EXTRACT_NUMBERS_LEXICON_H_
#define RASD_EXTRACT_NUMBERS_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/document.h"

namespace rasd::numbers::internal {

// The kinds of data/numbers/words.tsv.
enum class WordKind : uint8_t {
  kNone,
  kUnit,      // 0-9
  kTen,       // عشرة / عشر
  kTeen,      // 11-19 in one word
  kTens,      // 20-90
  kHundred,   // 100-900
  kScale,     // ألف, مليون: multiplies the group before it
  kScale2,    // ألفان: 2 × scale
  kScales,    // آلاف: plural scale
  kVague,     // عشرات, مئات
  kOrdinal,   // الأول ... العاشر
  kFraction,  // نصف, ربع
  kPoint,     // فاصلة
};

struct WordEntry {
  WordKind kind = WordKind::kNone;
  double value = 0;
  double acled = 0;            // value under ACLED's vague-number rule
  bool compound_only = false;  // a number only next to other number words
};

// A number word found in a token, with the clitics around it.
struct WordMatch {
  const WordEntry* entry = nullptr;
  bool conj = false;     // و / ف
  bool prep = false;     // ب / ل / ك
  bool article = false;  // ال
};

// What a word after a number says about it (data/numbers/non_count_nouns.tsv).
enum class NounClass : uint8_t {
  kNone,
  kCurrency,
  kPercent,
  kUnit,
  kTime,
  kLabel,
  kFunction,
  kCalendar,  // month and weekday names (data/calendar/*.tsv)
};

// What a word before a number says about it (data/numbers/cues.tsv).
enum class Cue : uint8_t { kNone, kYear, kId };

struct Approximator {
  std::vector<std::string> words;  // normalized
  std::string text;                // the words joined by ' '
  std::string qualifier;           // "about", "more-than", ...
  bool after = false;              // follows the number ("تقريبا")
};

class Lexicon {
 public:
  static const Lexicon& Get();

  // The number word in a normalized token, trying it whole, then without a
  // conjunction, a preposition and the article.
  WordMatch LookupNumber(std::string_view norm) const;

  // The class of a normalized word stripped of its clitics (kNone if ordinary).
  NounClass ClassOf(std::string_view core) const;
  Cue CueOf(std::string_view core) const;
  // +1: listed as a dual-forming noun; -1: listed as not a dual; 0: not listed.
  int DualVerdict(std::string_view word) const;
  // Ordered longest first.
  const std::vector<Approximator>& approximators() const { return approximators_; }

 private:
  Lexicon();
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  const WordEntry* Find(std::string_view w) const;

  Map<WordEntry> words_;
  Map<NounClass> classes_;
  Map<Cue> cues_;
  Map<int> duals_;
  std::vector<Approximator> approximators_;
};

// The byte where token `t` of `text` starts once `letters` letters (and the
// marks on them) are skipped: the start of a word after its proclitics.
uint32_t SkipLetters(std::string_view text, Span t, int letters);

// Normalized Arabic letters are two bytes each.
inline size_t Letters(std::string_view norm) { return norm.size() / 2; }
inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}
inline bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace rasd::numbers::internal

#endif  // RASD_EXTRACT_NUMBERS_LEXICON_H_
