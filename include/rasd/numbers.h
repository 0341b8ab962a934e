// Numbers and counts in running text: digits in every script, number words
// with their gender, case and dual forms, vague quantities, approximators,
// ranges, and the noun each count counts.
//
//   for (const rasd::numbers::Count& c : rasd::numbers::ExtractCounts(text)) {
//     // "اثنين من الإرهابيين" → value 2, noun "الإرهابيين", noun_key text::LightStem of it
//   }
#ifndef RASD_NUMBERS_H_
#define RASD_NUMBERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/text.h"

namespace rasd::numbers {

struct Options {
  // ACLED's rule for vague numbers: عشرات = 10, العشرات ("dozens") = 12,
  // مئات = 100, آلاف = 1000. Off: عشرات = 10, مئات = 100 all the same, marked vague.
  bool acled_vague_numbers = false;
};

struct Number {
  Span span;
  double value = 0;       // the number (low end of a range)
  double high = 0;        // high end of a range; == value otherwise
  bool is_range = false;  // "ما بين 100 ألف إلى 300 ألف", "من 10 إلى 15"
  bool approximate = false;  // an approximator or a vague quantity
  bool vague = false;        // عشرات، مئات، آلاف، العشرات
  bool ordinal = false;      // الأول، الثاني، الـ25 (ordinals are never counts)
  std::string approximator;  // "نحو", "حوالي", "أكثر من", ... as written (normalized)
  std::string qualifier;     // "more-than", "less-than", "about", "at-least", "at-most", ""
};

struct Count {
  Span span;           // the number and its noun
  Number number;
  Span noun;           // the counted noun as written ("جندي", "الإرهابيين")
  std::string noun_key;  // its light stem, so counts can be grouped ("ارهابي")
};

// Every number in `text`, including ordinals (flagged) and numbers without a noun.
std::vector<Number> ExtractNumbers(std::string_view text, const Options& options = {});

// Numbers with the thing they count: the following noun or "من + noun"
// ("50 عملية", "اثنين من الإرهابيين"), and duals of nouns ("جنديين" = 2 جندي).
// Years, dates, phone numbers, ids, percentages, money and ordinals are not counts.
std::vector<Count> ExtractCounts(std::string_view text, const Options& options = {});
// The same, given `tokens` = text::Tokenize(text) (the analyzer has them already).
std::vector<Count> ExtractCounts(std::string_view text, const std::vector<text::Token>& tokens,
                                 const Options& options = {});

}  // namespace rasd::numbers

#endif  // RASD_NUMBERS_H_
