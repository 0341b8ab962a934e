// text::Normalize with every option combination, checking the offset map's
// invariant inside the fuzzer: norm_to_orig.size() == text.size() + 1,
// non-decreasing, back() == input size, every other value < input size.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace text = rasd::text;

namespace {

void CheckMap(std::string_view input, const text::Normalized& n) {
  const auto& m = n.norm_to_orig;
  FUZZ_CHECK(m.size() == n.text.size() + 1, "map size %zu, text size %zu", m.size(), n.text.size());
  FUZZ_CHECK(m.back() == input.size(), "map back %u, input size %zu", m.back(), input.size());
  for (size_t i = 0; i + 1 < m.size(); ++i) {
    FUZZ_CHECK(m[i] <= m[i + 1], "map decreases at %zu: %u > %u", i, m[i], m[i + 1]);
    FUZZ_CHECK(m[i] < input.size(), "map[%zu] = %u is not below the input size %zu", i, m[i],
               input.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view input = rasd::fuzz::AsView(data + 1, size - 1);
  text::NormalizeOptions o;
  o.strip_diacritics = flags & 1;
  o.fold_alef = flags & 2;
  o.fold_hamza = flags & 4;
  o.fold_ya = flags & 8;
  o.fold_ta_marbuta = flags & 16;
  o.fold_digits = flags & 32;
  o.fold_punctuation = flags & 64;
  o.lowercase = flags & 128;

  text::Normalized n = text::Normalize(input, o);
  CheckMap(input, n);
  FUZZ_CHECK(rasd::utf8::FindInvalid(n.text) == std::string::npos, "normalized text is invalid UTF-8");

  std::string fast;
  text::NormalizeTo(input, &fast, o);
  FUZZ_CHECK(fast == n.text, "NormalizeTo differs from Normalize().text");

  // Spans of whole normalized code points map back to spans of the input; on
  // valid input they fall on the input's code point boundaries.
  const bool valid = rasd::utf8::FindInvalid(input) == std::string::npos;
  size_t prev = 0;
  for (size_t pos = 0; pos < n.text.size();) {
    rasd::utf8::Next(n.text, &pos);
    rasd::Span s = n.ToOriginal(static_cast<uint32_t>(prev), static_cast<uint32_t>(pos));
    FUZZ_CHECK(s.begin <= s.end && s.end <= input.size(), "ToOriginal(%zu,%zu) = [%u,%u) out of bounds",
               prev, pos, s.begin, s.end);
    if (valid) {
      FUZZ_CHECK(rasd::fuzz::OnBoundary(input, s.begin) && rasd::fuzz::OnBoundary(input, s.end),
                 "ToOriginal(%zu,%zu) = [%u,%u) splits a code point of the input", prev, pos,
                 s.begin, s.end);
    }
    prev = pos;
  }
  rasd::Span all = n.ToOriginal(0, static_cast<uint32_t>(n.text.size()));
  FUZZ_CHECK(all.end <= input.size(), "ToOriginal(all) past the input");

  // Normalizing the default way is idempotent enough to be a key: NormalizeKey never fails.
  text::NormalizeKey(input);
  return 0;
}
