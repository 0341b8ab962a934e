#include "rasd/utf8.h"

namespace rasd::utf8 {
namespace {

inline bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence starting at s[pos], or 0 when invalid.
inline size_t ValidLength(std::string_view s, size_t pos, char32_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  size_t left = s.size() - pos;
  unsigned char c = p[0];
  if (c < 0x80) {
    *out = c;
    return 1;
  }
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (left < 2 || !IsCont(p[1])) return 0;
    *out = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (left < 3 || !IsCont(p[1]) || !IsCont(p[2])) return 0;
    char32_t cp = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    *out = cp;
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || !IsCont(p[1]) || !IsCont(p[2]) || !IsCont(p[3])) return 0;
    char32_t cp =
        ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    *out = cp;
    return 4;
  }
  return 0;
}

}  // namespace

char32_t NextSlow(std::string_view s, size_t* pos) {
  char32_t cp = 0;
  size_t n = ValidLength(s, *pos, &cp);
  if (n == 0) {
    ++*pos;
    return 0xFFFD;
  }
  *pos += n;
  return cp;
}

char32_t Prev(std::string_view s, size_t* pos) {
  size_t end = *pos;
  size_t start = end - 1;
  int back = 0;
  while (start > 0 && back < 3 && IsCont(static_cast<unsigned char>(s[start]))) {
    --start;
    ++back;
  }
  char32_t cp = 0;
  size_t n = ValidLength(s, start, &cp);
  if (n != end - start) {
    *pos = end - 1;
    return 0xFFFD;
  }
  *pos = start;
  return cp;
}

void Append(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t FindInvalid(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    // Fast path over ASCII, eight bytes at a time.
    while (pos + 8 <= s.size()) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + pos, 8);
      if (w & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= s.size()) break;
    char32_t cp = 0;
    size_t n = ValidLength(s, pos, &cp);
    if (n == 0) return pos;
    pos += n;
  }
  return std::string_view::npos;
}

std::string Sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = 0;
    size_t n = ValidLength(s, pos, &cp);
    if (n == 0) {
      Append(0xFFFD, &out);
      ++pos;
    } else {
      out.append(s.data() + pos, n);
      pos += n;
    }
  }
  return out;
}

size_t Utf16Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if (!IsCont(c)) n += (c >= 0xF0) ? 2 : 1;
  }
  return n;
}

Utf16Index::Utf16Index(std::string_view s) : s_(s) {
  checkpoints_.reserve(s.size() / 64 + 1);
  uint32_t units = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i % 64 == 0) checkpoints_.push_back(units);
    auto c = static_cast<unsigned char>(s[i]);
    if (!IsCont(c)) units += (c >= 0xF0) ? 2 : 1;
  }
  if (s.size() % 64 == 0) checkpoints_.push_back(units);
}

uint32_t Utf16Index::ToUtf16(uint32_t byte_offset) const {
  if (byte_offset > s_.size()) byte_offset = static_cast<uint32_t>(s_.size());
  size_t block = byte_offset / 64;
  uint32_t units = checkpoints_[block];
  for (size_t i = block * 64; i < byte_offset; ++i) {
    auto c = static_cast<unsigned char>(s_[i]);
    if (!IsCont(c)) units += (c >= 0xF0) ? 2 : 1;
  }
  return units;
}

}  // namespace rasd::utf8
