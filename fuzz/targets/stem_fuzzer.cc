// text::LightStem and SplitProclitics on normalized words (as the tokenizer
// calls them) and on raw bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = rasd::fuzz::AsView(data, size);
  // What the tokenizer hands the stemmer: a normalized word.
  std::string norm = rasd::text::NormalizeKey(in);
  std::string stem = rasd::text::LightStem(norm);
  FUZZ_CHECK(rasd::utf8::FindInvalid(stem) == std::string::npos,
             "stem of a normalized word is invalid UTF-8");
  FUZZ_CHECK(stem.size() <= norm.size() || norm.empty(), "stem (%zu bytes) longer than the word (%zu)",
             stem.size(), norm.size());
  rasd::text::Clitics c = rasd::text::SplitProclitics(norm);
  FUZZ_CHECK(c.prefix_chars <= 4, "prefix_chars %u", c.prefix_chars);
  // Stemming a stem must not crash either, nor raw (unnormalized, maybe invalid) bytes.
  rasd::text::LightStem(stem);
  rasd::text::LightStem(in);
  rasd::text::SplitProclitics(in);
  return 0;
}
