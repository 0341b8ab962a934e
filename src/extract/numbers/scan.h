// The number scanner shared by ExtractNumbers and ExtractCounts (internal).
//
//   auto tokens = rasd::text::Tokenize(text);
//   for (const Found& f : Scan(text, tokens, options)) { ... f.number, f.te ... }
#ifndef RASD_EXTRACT_NUMBERS_SCAN_H_
#define RASD_EXTRACT_NUMBERS_SCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "rasd/numbers.h"
#include "rasd/text.h"

namespace rasd::numbers::internal {

// A number found in a token sequence.
struct Found {
  Number number;
  uint32_t tb = 0, te = 0;  // tokens of the number itself (both ends of a range)
  uint32_t sb = 0, se = 0;  // tokens of the expression: with approximators and range words
  bool no_count = false;    // a year, an id, a percentage, money, an ordinal
  bool definite = false;  // "الثلاثة": its noun may come before it ("الجنود الثلاثة")
  bool construct = false;   // vague or plural: may take a definite noun ("عشرات القتلى")
  bool small_word = false;  // a lone word for 1 or 2, which follows its noun ("شخص واحد")
};

// Every number in `tokens` (Tokenize(text)), in text order.
std::vector<Found> Scan(std::string_view text, const std::vector<text::Token>& tokens,
                        const Options& options);

}  // namespace rasd::numbers::internal

#endif  // RASD_EXTRACT_NUMBERS_SCAN_H_
