#include <unicode/uchar.h>

#include <cstring>

#include "rasd/text.h"
#include "rasd/utf8.h"
#include "text/chars.h"

namespace rasd::text {

CharClass ClassifySlow(char32_t c) {
  if (c < 0x80) return Classify(c);
  if (IsArabicLetter(c)) return CharClass::kArabic;
  if (IsWordMark(c)) return CharClass::kMark;
  if (IsArabicDigit(c)) return CharClass::kDigit;
  if (IsSpace(c)) return CharClass::kSpace;
  if (u_isalpha(c)) return CharClass::kLatin;  // Latin and every other alphabetic script
  if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK) return CharClass::kMark;
  if (u_isdigit(c)) return CharClass::kDigit;
  return CharClass::kOther;
}

const char* TokenKindName(TokenKind k) {
  switch (k) {
    case TokenKind::kWord: return "word";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kNumber: return "number";
    case TokenKind::kPunct: return "punct";
    case TokenKind::kUrl: return "url";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kHandle: return "handle";
  }
  return "?";
}

namespace {

bool StartsWithAsciiCI(std::string_view s, size_t pos, const char* prefix) {
  size_t n = std::strlen(prefix);
  if (pos + n > s.size()) return false;
  for (size_t i = 0; i < n; ++i) {
    char a = s[pos + i];
    if (a >= 'A' && a <= 'Z') a += 32;
    if (a != prefix[i]) return false;
  }
  return true;
}

bool LooksLikeUrl(std::string_view s, size_t pos) {
  return StartsWithAsciiCI(s, pos, "http://") || StartsWithAsciiCI(s, pos, "https://") ||
         StartsWithAsciiCI(s, pos, "www.") || StartsWithAsciiCI(s, pos, "pic.twitter.com/") ||
         StartsWithAsciiCI(s, pos, "t.co/");
}

// End of a URL: up to whitespace or a closing bracket/quote; trailing punctuation excluded.
size_t UrlEnd(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size()) {
    size_t next = end;
    char32_t c = utf8::Next(s, &next);
    if (IsSpace(c) || c == '"' || c == '<' || c == '>' || c == ')' || c == ']' || c == 0x201D ||
        c == 0x201C || c == 0xBB || c == 0xAB || IsArabicLetter(c)) {
      break;
    }
    end = next;
  }
  while (end > pos && std::strchr(".,;:!?'", s[end - 1]) != nullptr) --end;
  return end;
}

char32_t Peek(std::string_view s, size_t pos, size_t* next) {
  *next = pos;
  if (pos >= s.size()) return 0;
  return utf8::Next(s, next);
}

bool IsDigitClass(char32_t c) { return c != 0 && Classify(c) == CharClass::kDigit; }

// After the first digit: digits, and a separator followed by a digit. Digits
// are those Classify calls digits (any script), so the first always counts.
size_t NumberEnd(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t next;
    char32_t c = Peek(s, pos, &next);
    if (IsDigitClass(c)) {
      pos = next;
      continue;
    }
    if (c == '.' || c == ',' || c == 0x066B || c == 0x066C) {
      size_t after;
      char32_t d = Peek(s, next, &after);
      if (IsDigitClass(d)) {
        if (c == ',' || c == 0x066C) {
          // A thousands separator is followed by exactly three digits.
          size_t p = next;
          int n = 0;
          char32_t e;
          size_t q;
          while ((e = Peek(s, p, &q)) != 0 && IsDigitClass(e)) {
            ++n;
            p = q;
          }
          if (n != 3) break;
        }
        pos = after;
        continue;
      }
    }
    break;
  }
  return pos;
}

}  // namespace

void AnalyzeWord(std::string_view surface, Token* t);  // stem.cc

bool Tokenizer::Next(Token* t) {
  const std::string_view s = text_;
  size_t pos = pos_;
  // Skip whitespace.
  while (pos < s.size()) {
    size_t next = pos;
    char32_t c = utf8::Next(s, &next);
    if (Classify(c) != CharClass::kSpace) break;
    pos = next;
  }
  if (pos >= s.size()) {
    pos_ = pos;
    return false;
  }
  const size_t start = pos;
  size_t next = pos;
  char32_t c = utf8::Next(s, &next);
  CharClass cls = Classify(c);
  TokenKind kind = TokenKind::kPunct;
  size_t end = next;

  if ((cls == CharClass::kLatin || c == 'p' || c == 't' || c == 'w') && LooksLikeUrl(s, start)) {
    kind = TokenKind::kUrl;
    end = UrlEnd(s, start);
  } else if ((c == '#' || c == '@') && next < s.size()) {
    size_t n2;
    char32_t d = Peek(s, next, &n2);
    CharClass dc = Classify(d);
    bool word_follows = dc == CharClass::kArabic || dc == CharClass::kLatin || dc == CharClass::kDigit || d == '_';
    if (word_follows && (c == '#' || dc != CharClass::kArabic)) {
      kind = c == '#' ? TokenKind::kHashtag : TokenKind::kHandle;
      end = next;
      while (end < s.size()) {
        size_t n3;
        char32_t e = Peek(s, end, &n3);
        CharClass ec = Classify(e);
        if (ec == CharClass::kArabic || ec == CharClass::kLatin || ec == CharClass::kDigit ||
            ec == CharClass::kMark || e == '_') {
          end = n3;
        } else {
          break;
        }
      }
    }
  } else if (cls == CharClass::kArabic || (cls == CharClass::kMark && c != 0x200C && c != 0x200D)) {
    kind = TokenKind::kWord;
    while (end < s.size()) {
      size_t n2;
      char32_t d = Peek(s, end, &n2);
      CharClass dc = Classify(d);
      if (dc == CharClass::kArabic || dc == CharClass::kMark) {
        end = n2;
      } else {
        break;
      }
    }
  } else if (cls == CharClass::kDigit) {
    kind = TokenKind::kNumber;
    end = NumberEnd(s, start);
    // Digits glued to Latin letters ("22nd", "4G") make one Latin token.
    size_t n2;
    char32_t d = Peek(s, end, &n2);
    if (Classify(d) == CharClass::kLatin) {
      kind = TokenKind::kLatin;
      while (end < s.size()) {
        char32_t e = Peek(s, end, &n2);
        CharClass ec = Classify(e);
        if (ec == CharClass::kLatin || (ec == CharClass::kDigit && e < 0x80) || ec == CharClass::kMark) {
          end = n2;
        } else {
          break;
        }
      }
    }
  } else if (cls == CharClass::kLatin) {
    kind = TokenKind::kLatin;
    while (end < s.size()) {
      size_t n2;
      char32_t d = Peek(s, end, &n2);
      CharClass dc = Classify(d);
      if (dc == CharClass::kLatin || (dc == CharClass::kDigit && d < 0x80) || dc == CharClass::kMark) {
        end = n2;
      } else {
        break;
      }
    }
  }
  // else: a single punctuation/symbol code point.

  if (end <= start) end = next;  // always consume at least one code point
  pos_ = end;
  t->span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  t->body_begin = t->span.begin;
  t->kind = kind;
  t->norm.clear();
  t->stem.clear();
  std::string_view surface = s.substr(start, end - start);
  if (kind == TokenKind::kWord) {
    AnalyzeWord(surface, t);
  } else {
    NormalizeTo(surface, &t->norm);
    if (kind == TokenKind::kHashtag && t->norm.size() > 1) {
      t->stem = LightStem(std::string_view(t->norm).substr(1));
    } else {
      t->stem = t->norm;
    }
  }
  return true;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 7);
  Tokenizer tz(text);
  Token t;
  while (tz.Next(&t)) out.push_back(std::move(t));
  return out;
}

}  // namespace rasd::text
