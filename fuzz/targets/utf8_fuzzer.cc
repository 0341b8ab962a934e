// UTF-8 helpers: FindInvalid, Sanitize, Next/NextSlow, Prev, Utf16Length and
// Utf16Index, on arbitrary bytes. Checks that they agree with each other.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/utf8.h"

namespace utf8 = rasd::utf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = rasd::fuzz::AsView(data, size);
  const size_t bad = utf8::FindInvalid(in);
  const std::string clean = utf8::Sanitize(in);
  FUZZ_CHECK(utf8::FindInvalid(clean) == std::string::npos, "Sanitize output is invalid UTF-8");
  FUZZ_CHECK((bad == std::string::npos) == (clean == in),
             "FindInvalid (%zu) and Sanitize disagree about validity", bad);
  if (bad != std::string::npos) {
    FUZZ_CHECK(bad < in.size(), "FindInvalid past the end");
    FUZZ_CHECK(utf8::FindInvalid(in.substr(0, bad)) == std::string::npos,
               "bytes before the first invalid offset %zu are not valid", bad);
  }

  // Next over the raw input: always advances, stays in bounds, yields scalar values;
  // U+FFFD from an invalid sequence advances exactly one byte.
  std::string rebuilt;
  for (size_t pos = 0; pos < in.size();) {
    size_t before = pos;
    char32_t c = utf8::Next(in, &pos);
    FUZZ_CHECK(pos > before && pos <= in.size() && pos - before <= 4, "Next moved %zu -> %zu",
               before, pos);
    FUZZ_CHECK(c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF), "Next returned U+%X",
               static_cast<unsigned>(c));
    size_t pos2 = before;
    char32_t c2 = utf8::NextSlow(in, &pos2);
    FUZZ_CHECK(c == c2 && pos == pos2, "Next and NextSlow disagree at %zu", before);
    utf8::Append(c, &rebuilt);
  }
  FUZZ_CHECK(rebuilt == clean, "decoding with Next and re-encoding differs from Sanitize");

  // On valid text, Prev walks back exactly the code points Next walks forward.
  std::vector<size_t> starts;
  std::vector<char32_t> cps;
  for (size_t pos = 0; pos < clean.size();) {
    starts.push_back(pos);
    cps.push_back(utf8::Next(clean, &pos));
  }
  size_t pos = clean.size();
  for (size_t k = starts.size(); k-- > 0;) {
    char32_t c = utf8::Prev(clean, &pos);
    FUZZ_CHECK(pos == starts[k] && c == cps[k], "Prev disagrees with Next at code point %zu", k);
  }
  // On raw bytes Prev only has to move back and stay in bounds.
  for (size_t p = in.size(); p > 0;) {
    size_t before = p;
    utf8::Prev(in, &p);
    FUZZ_CHECK(p < before && before - p <= 4, "Prev moved %zu -> %zu", before, p);
  }

  // UTF-16 offsets: the index agrees with counting a prefix, at every boundary.
  utf8::Utf16Index index(clean);
  size_t units = 0;
  for (size_t k = 0; k <= starts.size(); ++k) {
    size_t off = k < starts.size() ? starts[k] : clean.size();
    FUZZ_CHECK(index.ToUtf16(static_cast<uint32_t>(off)) == units,
               "Utf16Index(%zu) = %u, counted %zu", off, index.ToUtf16(static_cast<uint32_t>(off)),
               units);
    if (k < starts.size()) units += cps[k] >= 0x10000 ? 2 : 1;
  }
  FUZZ_CHECK(utf8::Utf16Length(clean) == units, "Utf16Length disagrees with counting");
  // Offsets past the end clamp; any offset of raw bytes is accepted.
  FUZZ_CHECK(index.ToUtf16(static_cast<uint32_t>(clean.size() + 7)) == units, "no clamp past the end");
  utf8::Utf16Index raw_index(in);
  for (size_t off = 0; off <= in.size(); off += 1 + off / 8) raw_index.ToUtf16(static_cast<uint32_t>(off));
  return 0;
}
