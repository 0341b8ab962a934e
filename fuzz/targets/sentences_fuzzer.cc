// text::SplitSentences: spans in bounds, non-empty, ordered, not overlapping,
// without surrounding whitespace, on UTF-8 boundaries for valid text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace {

void Check(std::string_view s, bool valid) {
  std::vector<rasd::Span> spans = rasd::text::SplitSentences(s);
  uint32_t last_end = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    const rasd::Span& sp = spans[i];
    FUZZ_CHECK(sp.begin < sp.end && sp.end <= s.size(), "sentence %zu [%u,%u) bad (size %zu)", i,
               sp.begin, sp.end, s.size());
    FUZZ_CHECK(sp.begin >= last_end, "sentence %zu overlaps the previous one", i);
    FUZZ_CHECK(s[sp.begin] != ' ' && s[sp.begin] != '\n' && s[sp.end - 1] != ' ' && s[sp.end - 1] != '\n',
               "sentence %zu [%u,%u) has surrounding whitespace", i, sp.begin, sp.end);
    if (valid) rasd::fuzz::CheckSpan(s, sp, "sentence");
    last_end = sp.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = rasd::fuzz::AsView(data, size);
  const bool valid = rasd::utf8::FindInvalid(in) == std::string::npos;
  Check(in, valid);
  if (!valid) Check(rasd::utf8::Sanitize(in), true);
  return 0;
}
