// Token features for the sequence tagger, shared by training and tagging
// (internal to ner).
#ifndef RASD_EXTRACT_NER_FEATURES_H_
#define RASD_EXTRACT_NER_FEATURES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "extract/ner/gazetteer.h"
#include "rasd/text.h"

namespace rasd::ner {

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
  bool org_head = false;        // a word organisation names start with (وزارة, حزب, جامعة ...)
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

// Gazetteer::LongestAt at each token, where it was asked (MakeInfos asks
// at every token no name covers), so callers need not search again.
struct LongestMatches {
  std::vector<uint8_t> known;  // 1 where `at` holds the answer
  std::vector<std::optional<Gazetteer::Match>> at;
};

// Token infos for a tokenized sequence, with gazetteer and title marks.
std::vector<TokenInfo> MakeInfos(const std::vector<text::Token>& tokens, std::string_view text,
                                 const Gazetteer& gazetteer, LongestMatches* longest = nullptr);

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
// Features() grouped for the tagger's fast path (tagger.cc), which caches
// them per word; together with the pair and small-valued features the tagger
// builds itself they must give exactly Features()'s keys (tagger_test.cc).
// Those of the word alone (the word, affixes, shape, frequency, given name,
// letter trigrams, bias):
void WordFeatures(const TokenInfo& x, std::vector<uint64_t>* out);
// Those of a word seen from a neighbour: kPrev1 when it is the token before,
// kPrev2 two before, kNext1 the token after, kNext2 two after. Outside the
// sentence the words are fh::kBos and fh::kEos.
enum NeighbourRole { kPrev1, kPrev2, kNext1, kNext2 };
void NeighbourFeatures(std::string_view norm, std::string_view stem, NeighbourRole role,
                       std::vector<uint64_t>* out);
// Where the nearest organisation head word (TokenInfo::org_head) is among the
// 4 tokens before token i, with no punctuation between: 1..4 tokens back, 0
// none. Organisation names that never occur in training mostly follow one
// ("وزارة الداخلية", "حزب العمال الكردستاني").
int OrgHeadBefore(std::span<const TokenInfo> seq, size_t i);
// The gazetteer feature value of a token: "T" (title), "0" (none) or class + B/I.
std::string_view GazTag(const TokenInfo& x);

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_FEATURES_H_
