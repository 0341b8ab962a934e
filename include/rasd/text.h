// Arabic text analysis: normalization for matching (with a map back to the
// original bytes), tokenization with clitic boundaries, and a light stemmer.
//
//   rasd::text::Normalized n = rasd::text::Normalize("الدَّوْليّ");
//   // n.text == "الدولي"; n.norm_to_orig[i] is the byte of the input that
//   // produced byte i of n.text; n.norm_to_orig.back() == input size.
//
//   for (const rasd::text::Token& t : rasd::text::Tokenize(clean_text)) {
//     // t.span is the token in clean_text; t.stem is its search/match key.
//   }
//
// Normalized forms are keys for matching, never shown to users: spans always
// point into the original text.
#ifndef RASD_TEXT_H_
#define RASD_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"

namespace rasd::text {

struct NormalizeOptions {
  bool strip_diacritics = true;   // tashkeel, Quranic marks, tatweel, Latin accents
  bool fold_alef = true;          // أ إ آ ٱ → ا
  bool fold_hamza = true;         // ؤ → و, ئ → ي (hamza on a carrier)
  bool fold_ya = true;            // ى ی → ي
  bool fold_ta_marbuta = true;    // ة → ه
  bool fold_digits = true;        // ٠-٩ and ۰-۹ → 0-9
  bool fold_punctuation = true;   // ، ؛ ؟ ٪ ٫ ٬ → , ; ? % . ,
  bool lowercase = true;          // Latin and other cased scripts
};

// The normalized text and, for each of its bytes, the input byte it came from.
// Invariant: norm_to_orig.size() == text.size() + 1, non-decreasing, and
// norm_to_orig.back() == input.size().
struct Normalized {
  std::string text;
  std::vector<uint32_t> norm_to_orig;
  // The input span that produced normalized bytes [begin, end).
  Span ToOriginal(uint32_t begin, uint32_t end) const;
};

// NFKC (ICU) plus the Arabic folds in `options`; spaces and line breaks
// become ' ', invisible format characters (ZWJ, RLM, BOM) are dropped.
// Invalid UTF-8 is read as U+FFFD.
Normalized Normalize(std::string_view input, const NormalizeOptions& options = {});

// Normalize without the offset map (faster), appending to *out.
void NormalizeTo(std::string_view input, std::string* out, const NormalizeOptions& options = {});
std::string NormalizeKey(std::string_view input);

enum class TokenKind : uint8_t {
  kWord,     // Arabic (or other non-Latin) letters
  kLatin,    // Latin letters, possibly with digits: "MQ9", "sy24"
  kNumber,   // digits in any script, with inner separators: "2,500", "٢٠٢١", "1.5"
  kPunct,    // one punctuation or symbol character
  kUrl,      // http://…, www.…, pic.twitter.com/…
  kHashtag,  // #word
  kHandle,   // @name
};
const char* TokenKindName(TokenKind k);

struct Token {
  Span span;             // the whole token in the text
  uint32_t body_begin;   // span.begin moved past the proclitics و ف ب ل ك (ال stays):
                         // "والعراق" → "العراق"; "لماروتو" → "ماروتو"
  TokenKind kind;
  std::string norm;      // normalized surface
  std::string stem;      // light stem of norm for words; norm otherwise
  Span body() const { return {body_begin, span.end}; }
};

// Splits text into tokens. Whitespace is skipped; every other byte of valid
// UTF-8 lands in exactly one token, and text.substr(span) is the token's surface.
std::vector<Token> Tokenize(std::string_view text);

// Calls f(const Token&) for each token without building a vector.
template <typename F>
void ForEachToken(std::string_view text, F&& f);

// Light stemmer over a normalized word (light10 family, clitic-aware):
// strips conjunctions, prepositions, the article and common suffixes, but
// never a letter of a word listed in data/text/initial_letter_words.txt.
// "وتحالفات", "والتحالفات", "للتحالف", "التحالف" → "تحالف"; "والعراق" → "عراق".
std::string LightStem(std::string_view norm);

// How a normalized word splits into proclitics, the rest, and the stem.
struct Clitics {
  uint8_t conj = 0;     // 1 when it starts with و or ف used as a conjunction
  uint8_t prep = 0;     // 1 when a preposition ب ل ك follows (or starts)
  bool article = false; // the definite article ال (or the لل fusion)
  uint8_t prefix_chars = 0;  // letters of conj+prep (not the article)
};
Clitics SplitProclitics(std::string_view norm);

// Sentence spans over a text: breaks after . ! ? ؟ … and at line breaks,
// not inside numbers ("2.5") or before a closing quote. Spans exclude surrounding whitespace.
std::vector<Span> SplitSentences(std::string_view text);

// ---- implementation detail of ForEachToken ----
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}
  // Fills *t with the next token; false at the end of the text.
  bool Next(Token* t);

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

template <typename F>
void ForEachToken(std::string_view text, F&& f) {
  Tokenizer tz(text);
  Token t;
  while (tz.Next(&t)) f(static_cast<const Token&>(t));
}

}  // namespace rasd::text

#endif  // RASD_TEXT_H_
