// Word shingles of a text as 64-bit hashes (internal to rasd_dedupe and its
// evaluation). A word is its light stem; numbers lose their grouping commas;
// punctuation is skipped. Shingle hashes are platform independent.
#ifndef RASD_DEDUPE_SHINGLES_H_
#define RASD_DEDUPE_SHINGLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace rasd::dedupe::internal {

// One hash per word of `text`, in order (the units shingles are made of).
void WordHashes(std::string_view text, std::vector<uint64_t>* out);

// The hashes of every run of `shingle` consecutive words, in text order and
// with repeats; a text of fewer words gives one shingle of all its words and
// a text without words gives none.
void ShingleHashes(std::string_view text, int shingle, std::vector<uint64_t>* out);

// ShingleHashes, sorted and without repeats: the shingle set.
std::vector<uint64_t> ShingleSet(std::string_view text, int shingle);

// |a ∩ b| / |a ∪ b| of two sorted, repeat-free sets; 0 when either is empty.
double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace rasd::dedupe::internal

#endif  // RASD_DEDUPE_SHINGLES_H_
