// The hash functions that name features, shared by the generic feature list
// (features.cc) and the tagger's fast path (tagger.cc), which must produce
// exactly the same keys (internal to ner).
#ifndef RASD_EXTRACT_NER_FEATURE_HASH_H_
#define RASD_EXTRACT_NER_FEATURE_HASH_H_

#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace rasd::ner::fh {

// Feature `tmpl` with value s; H2 chains a second value.
inline uint64_t H(uint64_t tmpl, std::string_view s) {
  return XXH3_64bits_withSeed(s.data(), s.size(), tmpl);
}
inline uint64_t H2(uint64_t tmpl, std::string_view a, std::string_view b) {
  return XXH3_64bits_withSeed(b.data(), b.size(), H(tmpl, a));
}

// The last / first n letters (normalized Arabic letters are two bytes).
inline std::string_view Suffix(std::string_view s, size_t n) {
  size_t bytes = 2 * n;
  return s.size() > bytes ? s.substr(s.size() - bytes) : s;
}
inline std::string_view Prefix(std::string_view s, size_t n) {
  size_t bytes = 2 * n;
  return s.size() > bytes ? s.substr(0, bytes) : s;
}

// The words before the first and after the last token.
inline constexpr std::string_view kBos = "<s>", kEos = "</s>";

}  // namespace rasd::ner::fh

#endif  // RASD_EXTRACT_NER_FEATURE_HASH_H_
