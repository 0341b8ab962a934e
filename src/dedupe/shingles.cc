#include "dedupe/shingles.h"

#include <xxhash.h>

#include <algorithm>
#include <string>

#include "rasd/text.h"

namespace rasd::dedupe::internal {
namespace {

// The splitmix64 finalizer: a bijective 64-bit mix.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

inline uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// Order-sensitive combination of `n` word hashes.
inline uint64_t Combine(const uint64_t* words, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
  for (size_t i = 0; i < n; ++i) h = Mix(h ^ words[i]);
  return h;
}

// The hash of one word, or nothing for punctuation; `digits` is scratch.
inline bool WordHash(const text::Token& t, std::string* digits, uint64_t* out) {
  switch (t.kind) {
    case text::TokenKind::kPunct:
      return false;
    case text::TokenKind::kNumber:
      // "2,500" and "2500" are one number; the decimal point stays.
      digits->clear();
      for (char c : t.norm) {
        if (c != ',') digits->push_back(c);
      }
      *out = HashBytes(*digits);
      return true;
    default:
      *out = HashBytes(t.stem.empty() ? t.norm : t.stem);
      return true;
  }
}

}  // namespace

void WordHashes(std::string_view text, std::vector<uint64_t>* out) {
  out->clear();
  std::string digits;
  uint64_t h;
  text::ForEachToken(text, [&](const text::Token& t) {
    if (WordHash(t, &digits, &h)) out->push_back(h);
  });
}

void WordHashes(const std::vector<text::Token>& tokens, std::vector<uint64_t>* out) {
  out->clear();
  std::string digits;
  uint64_t h;
  for (const text::Token& t : tokens) {
    if (WordHash(t, &digits, &h)) out->push_back(h);
  }
}

void ShinglesOfWords(const std::vector<uint64_t>& words, int shingle, std::vector<uint64_t>* out) {
  out->clear();
  if (words.empty()) return;
  size_t k = static_cast<size_t>(std::max(shingle, 1));
  if (words.size() <= k) {
    out->push_back(Combine(words.data(), words.size()));
    return;
  }
  out->reserve(words.size() - k + 1);
  for (size_t i = 0; i + k <= words.size(); ++i) out->push_back(Combine(&words[i], k));
}

void ShingleHashes(std::string_view text, int shingle, std::vector<uint64_t>* out) {
  thread_local std::vector<uint64_t> words;
  WordHashes(text, &words);
  ShinglesOfWords(words, shingle, out);
}

std::vector<uint64_t> ShingleSet(std::string_view text, int shingle) {
  std::vector<uint64_t> s;
  ShingleHashes(text, shingle, &s);
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return s;
}

}  // namespace rasd::dedupe::internal
