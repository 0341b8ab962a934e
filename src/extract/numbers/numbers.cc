// ExtractNumbers: the numbers the scanner finds (scan.cc), in text order.
#include "rasd/numbers.h"

#include "extract/numbers/scan.h"
#include "rasd/text.h"

namespace rasd::numbers {

std::vector<Number> ExtractNumbers(std::string_view text, const Options& options) {
  std::vector<text::Token> tokens = text::Tokenize(text);
  std::vector<internal::Found> found = internal::Scan(text, tokens, options);
  std::vector<Number> out;
  out.reserve(found.size());
  for (internal::Found& f : found) out.push_back(std::move(f.number));
  return out;
}

}  // namespace rasd::numbers
