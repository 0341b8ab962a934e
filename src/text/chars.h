// Character classes the tokenizer and sentence splitter share (internal).
#ifndef RASD_TEXT_CHARS_H_
#define RASD_TEXT_CHARS_H_

namespace rasd::text {

enum class CharClass : unsigned char { kSpace, kArabic, kMark, kDigit, kLatin, kOther };

inline bool IsArabicDigit(char32_t c) {
  return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);
}

inline bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || IsArabicDigit(c); }

inline int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);
  return -1;
}

// Marks that live inside a word: tashkeel, Quranic marks, tatweel, ZWNJ/ZWJ.
inline bool IsWordMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0610 && c <= 0x061A) ||
         (c >= 0x06D6 && c <= 0x06ED && c != 0x06DD && c != 0x06DE && c != 0x06E9) ||
         c == 0x0640 || c == 0x200C || c == 0x200D;
}

inline bool IsArabicLetter(char32_t c) {
  return (c >= 0x0620 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) || c == 0x066E ||
         c == 0x066F || (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || c == 0x06EE ||
         c == 0x06EF || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF ||
         (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9) ||
         (c >= 0xFB50 && c <= 0xFDFB) || (c >= 0xFE70 && c <= 0xFEFC);
}

inline bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x200E || c == 0x200F ||
         c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202F) || c == 0x205F ||
         (c >= 0x2060 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF || c == 0x061C || c == 0;
}

CharClass ClassifySlow(char32_t c);

// The class of a code point; ASCII and the Arabic letters are answered inline.
inline CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLatin;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0) return CharClass::kSpace;
    return CharClass::kOther;
  }
  if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A)) return CharClass::kArabic;
  return ClassifySlow(c);
}

}  // namespace rasd::text

#endif  // RASD_TEXT_CHARS_H_
