// Tokens of normalized text for the date grammar (internal): words with the
// lexicon entry of their base (after the proclitics و ف ب ل ك), digit runs,
// and single punctuation characters. Phrases of the lexicon ("كانون الثاني",
// "عيد الفطر", "أول أمس") become one token. URLs, @handles and #hashtags are skipped.
#ifndef RASD_EXTRACT_DATES_SCAN_H_
#define RASD_EXTRACT_DATES_SCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/dates/lexicon.h"
#include "rasd/text.h"

namespace rasd::dates::internal {

enum class TokType : uint8_t { kWord, kNum, kPunct };

struct Tok {
  uint32_t b = 0, e = 0;  // bytes of the normalized text
  TokType type = TokType::kWord;
  bool space_before = true;  // whitespace (or the start of text) before it
  bool conj = false;         // a leading و/ف was stripped to find the entry
  bool prep = false;         // a leading ب/ل/ك was stripped
  bool madda = false;        // the original word starts with آ (آب is August, أب is "father")
  uint8_t ndigits = 0;
  int32_t num = -1;        // value of a digit run of at most 9 digits
  char punct = 0;          // ASCII punctuation; 0 for other symbols
  uint8_t words = 1;       // words in a merged phrase
  uint8_t clitic_len = 0;  // bytes of the stripped proclitics (not part of a date's span)
  const Entry* lex = nullptr;
  std::string_view s;     // the normalized token
  std::string_view base;  // the form its entry was found under (s when none)

  bool Has(uint32_t role) const { return lex != nullptr && (lex->roles & role) != 0; }
  bool IsNum() const { return type == TokType::kNum; }
  bool IsPunct(char c) const { return type == TokType::kPunct && punct == c; }
};

// Scans `n.text`; `original` is the text Normalize was given (for the آ check).
void Scan(const text::Normalized& n, std::string_view original, std::vector<Tok>* out);

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_SCAN_H_
