// Duplicates: exact copies (same normalized text) and near-duplicates
// (MinHash over word shingles with LSH banding), so a syndicated story is
// counted once. Story clustering (same story, different wording) is done by
// the corpus, from entities and time; see rasd/corpus.h.
//
//   rasd::dedupe::Options o;                       // shingle size, bands, rows, threshold
//   auto sig = rasd::dedupe::MinHash(doc.text, o);
//   for (uint64_t key : rasd::dedupe::BandKeys(sig, o)) { ... candidates sharing a key ... }
//   if (rasd::dedupe::Similarity(sig, other) >= o.threshold) { ... near-duplicate ... }
#ifndef RASD_DEDUPE_H_
#define RASD_DEDUPE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "rasd/text.h"

namespace rasd::dedupe {

struct Options {
  int shingle = 5;         // words per shingle (light stems of the words)
  int bands = 32;          // LSH bands (docs/dedupe.md: 32 x 4 finds every true pair at 0.7)
  int rows = 4;            // hashes per band; bands * rows hashes in a signature
  double threshold = 0.7;  // estimated Jaccard similarity that makes a near-duplicate
};

// The exact-duplicate key: a 64-bit hash of the text normalized for matching
// (text::NormalizeKey) with runs of whitespace collapsed.
uint64_t ExactKey(std::string_view clean_text);

// A MinHash signature: bands * rows minimum hash values.
using Signature = std::vector<uint32_t>;

// The signature of a text's word shingles. Texts shorter than one shingle
// use their whole word sequence as a single shingle; a text without words
// gets an empty signature (no band keys, similarity 0 with anything).
Signature MinHash(std::string_view clean_text, const Options& options = {});
// The same from the text's tokens (text::Tokenize of the whole clean text),
// for a caller that has them: the text is not tokenized again.
Signature MinHash(const std::vector<text::Token>& tokens, const Options& options = {});

// Estimated Jaccard similarity of two signatures (fraction of equal positions
// over their common length; 0 when either is empty).
double Similarity(const Signature& a, const Signature& b);

// One key per band; two texts are candidate near-duplicates when they share any key.
std::vector<uint64_t> BandKeys(const Signature& s, const Options& options = {});

// Exact Jaccard similarity of the shingle sets (for measurements and tests;
// 0 when either text has no shingles).
double ExactJaccard(std::string_view a, std::string_view b, int shingle = 5);

}  // namespace rasd::dedupe

#endif  // RASD_DEDUPE_H_
