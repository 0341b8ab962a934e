// Token features for the sequence tagger, shared by training and tagging
// (internal to ner).
#ifndef RASD_EXTRACT_NER_FEATURES_H_
#define RASD_EXTRACT_NER_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "rasd/text.h"

namespace rasd::ner {

class Gazetteer;

// What the features need to know about one token.
struct TokenInfo {
  std::string norm, stem, key;  // key: normalized without conjunction/preposition
  text::TokenKind kind = text::TokenKind::kWord;
  uint8_t clitics = 0;          // 1 conj, 2 prep, 4 article
  char gaz = 0;                 // covering gazetteer name: 'P'lace, 'O'rg, 'N'orp, 0 none
  bool gaz_begin = false;       // the name starts here
  char gaz_kind = 0;            // 'c'ountry, 'a'dmin1, 'C'apital, 'y' city, 'o' org
  bool title = false;           // part of a title/role ("العقيد", "المتحدث باسم")
  bool first_name = false;      // a common given name
  bool after_title = false;     // a title ends right before
  bool quote_before = false, quote_after = false;  // a quotation mark glued to it
  // How common the word was in the training corpus: 0 rare or unseen, 1 seen
  // a few times, 2 frequent. Unseen words are more often names.
  uint8_t freq = 0;
  // Document context (second pass only): how the first pass tagged the same
  // word elsewhere in the document: 'P'er, 'L'oc, 'O'rg, 'M'isc, 'n' never a
  // name, 0 not seen elsewhere.
  char doc = 0;
};

// Fills TokenInfo::doc of every token of a document from the first-pass tags
// of the whole document (model tag indices, one per token).
void SetDocumentContext(std::vector<TokenInfo>* doc, const std::vector<int>& tags);

// Hash of a token's key for the frequency vocabulary.
uint64_t VocabHash(const TokenInfo& x);

// Token infos for a tokenized sequence, with gazetteer and title marks.
std::vector<TokenInfo> MakeInfos(const std::vector<text::Token>& tokens, std::string_view text,
                                 const Gazetteer& gazetteer);

// Feature hashes of token i (appended to *out). The first kLexicalFeatures
// of them name the word itself; training sometimes hides them so the model
// learns to tag words it has never seen from their shape and context.
constexpr size_t kLexicalFeatures = 6;
// *doc_at (optional) gets where the kDocFeatures document-context features
// start in *out; they are the only ones TokenInfo::doc changes.
void Features(std::span<const TokenInfo> seq, size_t i, std::vector<uint64_t>* out, size_t* doc_at = nullptr);
constexpr size_t kDocFeatures = 4;
// The document-context features of token i, as Features gives them.
void DocFeatures(std::span<const TokenInfo> seq, size_t i, uint64_t out[kDocFeatures]);
// The gazetteer feature value of a token: "T" (title), "0" (none) or class + B/I.
std::string_view GazTag(const TokenInfo& x);

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_FEATURES_H_
