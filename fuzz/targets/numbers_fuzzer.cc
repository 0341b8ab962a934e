// numbers::ExtractNumbers and ExtractCounts on clean text (valid UTF-8): spans
// in bounds and on code point boundaries, each count's number and noun inside it.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/numbers.h"
#include "rasd/utf8.h"

namespace numbers = rasd::numbers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  numbers::Options o;
  o.acled_vague_numbers = data[0] & 1;
  const std::string text = rasd::utf8::Sanitize(rasd::fuzz::AsView(data + 1, size - 1));
  for (const numbers::Number& n : numbers::ExtractNumbers(text, o)) {
    rasd::fuzz::CheckSpan(text, n.span, "number");
    FUZZ_CHECK(!std::isnan(n.value) && !std::isnan(n.high), "NaN number at [%u,%u)", n.span.begin,
               n.span.end);
  }
  for (const numbers::Count& c : numbers::ExtractCounts(text, o)) {
    rasd::fuzz::CheckSpan(text, c.span, "count");
    rasd::fuzz::CheckSpan(text, c.number.span, "count number");
    rasd::fuzz::CheckSpan(text, c.noun, "count noun");
    FUZZ_CHECK(c.number.span.begin >= c.span.begin && c.number.span.end <= c.span.end,
               "count number [%u,%u) outside the count [%u,%u)", c.number.span.begin,
               c.number.span.end, c.span.begin, c.span.end);
    FUZZ_CHECK(c.noun.empty() || (c.noun.begin >= c.span.begin && c.noun.end <= c.span.end),
               "count noun [%u,%u) outside the count [%u,%u)", c.noun.begin, c.noun.end, c.span.begin,
               c.span.end);
    FUZZ_CHECK(!std::isnan(c.number.value), "NaN count");
  }
  return 0;
}
