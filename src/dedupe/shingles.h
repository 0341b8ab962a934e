// Word shingles of a text as 64-bit hashes (internal to rasd_dedupe and its
// evaluation). A word is its light stem; numbers lose their grouping commas;
// punctuation is skipped. Shingle hashes are platform independent.
#ifndef RASD_DEDUPE_SHINGLES_H_
#define RASD_DEDUPE_SHINGLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "rasd/text.h"

namespace rasd::dedupe::internal {

// One hash per word of `text`, in order (the units shingles are made of).
void WordHashes(std::string_view text, std::vector<uint64_t>* out);
// The same from the text's tokens (text::Tokenize of the whole text).
void WordHashes(const std::vector<text::Token>& tokens, std::vector<uint64_t>* out);

// The hashes of every run of `shingle` consecutive words, in text order and
// with repeats; a text of fewer words gives one shingle of all its words and
// a text without words gives none.
void ShingleHashes(std::string_view text, int shingle, std::vector<uint64_t>* out);
// The same from a text's word hashes.
void ShinglesOfWords(const std::vector<uint64_t>& words, int shingle, std::vector<uint64_t>* out);

// ShingleHashes, sorted and without repeats: the shingle set.
std::vector<uint64_t> ShingleSet(std::string_view text, int shingle);

// |a ∩ b| / |a ∪ b| of two sorted, repeat-free sets; 0 when either is empty.
// (Any element type: the evaluation also compares sets of 32-bit ranks.)
template <typename T>
double Jaccard(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace rasd::dedupe::internal

#endif  // RASD_DEDUPE_SHINGLES_H_
