#include "rasd/dedupe.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>

#include "dedupe/shingles.h"
#include "rasd/text.h"

namespace rasd::dedupe {
namespace {

constexpr uint64_t kPrime = (1ULL << 61) - 1;  // Mersenne prime 2^61 - 1

inline bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// x mod 2^61-1 for x < 2^122 (a product of two values below 2^61).
inline uint64_t ModPrime(unsigned __int128 x) {
  uint64_t lo = static_cast<uint64_t>(x) & kPrime;
  uint64_t hi = static_cast<uint64_t>(x >> 61);
  uint64_t r = lo + hi;
  return r >= kPrime ? r - kPrime : r;
}

inline uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// The coefficients of hash function i depend on i alone (a splitmix64 stream
// from a fixed seed), so a longer signature extends a shorter one.
struct Coefficients {
  std::vector<uint64_t> a, b;
};

const Coefficients& CoefficientsFor(size_t n) {
  thread_local Coefficients c;
  if (c.a.size() < n) {
    c.a.clear();
    c.b.clear();
    uint64_t state = 0x72617364ULL;  // "rasd"
    for (size_t i = 0; i < n; ++i) {
      uint64_t a = 0;
      while (a == 0) a = SplitMix(&state) % kPrime;
      c.a.push_back(a);
      c.b.push_back(SplitMix(&state) % kPrime);
    }
  }
  return c;
}

}  // namespace

uint64_t ExactKey(std::string_view clean_text) {
  std::string norm = text::NormalizeKey(clean_text);
  std::string collapsed;
  collapsed.reserve(norm.size());
  bool pending_space = false;
  for (char c : norm) {
    if (IsSpace(c)) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.push_back(c);
  }
  return XXH3_64bits(collapsed.data(), collapsed.size());
}

namespace {

// The signature of a text's shingle hashes (reordered here).
Signature MinHashOfShingles(std::vector<uint64_t>& shingles, const Options& options) {
  if (shingles.empty()) return {};
  size_t n = static_cast<size_t>(std::max(options.bands, 0)) * std::max(options.rows, 0);
  const Coefficients& c = CoefficientsFor(n);
  // Minima kept in 64 bits while scanning, cut to the top 32 of 61 bits at the end
  // (the same order, so the same minimum).
  std::vector<uint64_t> minima(n, std::numeric_limits<uint64_t>::max());
  std::sort(shingles.begin(), shingles.end());
  auto last = std::unique(shingles.begin(), shingles.end());
  for (auto it = shingles.begin(); it != last; ++it) {
    uint64_t x = ModPrime(*it);
    for (size_t i = 0; i < n; ++i) {
      uint64_t h = ModPrime(static_cast<unsigned __int128>(c.a[i]) * x + c.b[i]);
      minima[i] = std::min(minima[i], h);
    }
  }
  Signature sig(n);
  for (size_t i = 0; i < n; ++i) sig[i] = static_cast<uint32_t>(minima[i] >> 29);
  return sig;
}

}  // namespace

Signature MinHash(std::string_view clean_text, const Options& options) {
  thread_local std::vector<uint64_t> shingles;
  internal::ShingleHashes(clean_text, options.shingle, &shingles);
  return MinHashOfShingles(shingles, options);
}

Signature MinHash(const std::vector<text::Token>& tokens, const Options& options) {
  thread_local std::vector<uint64_t> words, shingles;
  internal::WordHashes(tokens, &words);
  internal::ShinglesOfWords(words, options.shingle, &shingles);
  return MinHashOfShingles(shingles, options);
}

double Similarity(const Signature& a, const Signature& b) {
  size_t n = std::min(a.size(), b.size());
  if (n == 0) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < n; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(n);
}

std::vector<uint64_t> BandKeys(const Signature& s, const Options& options) {
  std::vector<uint64_t> keys;
  if (options.bands <= 0 || options.rows <= 0) return keys;
  size_t rows = static_cast<size_t>(options.rows);
  size_t bands = std::min(static_cast<size_t>(options.bands), s.size() / rows);
  keys.reserve(bands);
  std::vector<unsigned char> bytes(rows * 4);
  for (size_t b = 0; b < bands; ++b) {
    // Little-endian bytes, so keys are the same on every platform.
    for (size_t r = 0; r < rows; ++r) {
      uint32_t v = s[b * rows + r];
      for (int k = 0; k < 4; ++k) bytes[r * 4 + k] = static_cast<unsigned char>(v >> (8 * k));
    }
    keys.push_back(XXH3_64bits_withSeed(bytes.data(), bytes.size(), b));
  }
  return keys;
}

double ExactJaccard(std::string_view a, std::string_view b, int shingle) {
  return internal::Jaccard(internal::ShingleSet(a, shingle), internal::ShingleSet(b, shingle));
}

}  // namespace rasd::dedupe
