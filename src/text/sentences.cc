#include "rasd/text.h"
#include "rasd/utf8.h"
#include "text/chars.h"

namespace rasd::text {
namespace {

bool IsTerminal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0xBB || c == 0x201C;
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  auto emit = [&](size_t b, size_t e) {
    // Trim whitespace on both sides.
    while (b < e) {
      size_t n = b;
      char32_t c = utf8::Next(text, &n);
      if (!IsSpace(c)) break;
      b = n;
    }
    while (e > b) {
      size_t p = e;
      char32_t c = utf8::Prev(text, &p);
      if (!IsSpace(c)) break;
      e = p;
    }
    if (e > b) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = pos;
    char32_t c = utf8::Next(text, &next);
    if (c == '\n') {
      emit(start, pos);
      start = next;
    } else if (IsTerminal(c)) {
      // "2.5" and "U.S." stay inside a sentence: a break needs space (or the end) after.
      size_t end = next;
      while (end < text.size()) {
        size_t n2 = end;
        char32_t d = utf8::Next(text, &n2);
        if (IsTerminal(d) || IsClosing(d)) {
          end = n2;
        } else {
          break;
        }
      }
      size_t after = end;
      char32_t d = 0;
      if (after < text.size()) d = utf8::Next(text, &after);
      if (end >= text.size() || IsSpace(d)) {
        emit(start, end);
        start = end;
      }
      next = end;
    }
    pos = next;
  }
  emit(start, text.size());
  return out;
}

}  // namespace rasd::text
