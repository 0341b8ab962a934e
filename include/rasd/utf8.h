// UTF-8 helpers used by every stage. All functions take and return byte
// offsets; none allocate unless they return a string.
#ifndef RASD_UTF8_H_
#define RASD_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::utf8 {

// Decodes the code point at s[*pos] and advances *pos past it. Invalid,
// overlong or surrogate sequences decode as U+FFFD and advance one byte.
char32_t NextSlow(std::string_view s, size_t* pos);
inline char32_t Next(std::string_view s, size_t* pos) {
  const auto c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  if (c >= 0xC2 && c < 0xE0 && *pos + 1 < s.size()) {  // two bytes: Arabic, Latin-1
    const auto d = static_cast<unsigned char>(s[*pos + 1]);
    if ((d & 0xC0) == 0x80) {
      *pos += 2;
      return (static_cast<char32_t>(c & 0x1F) << 6) | (d & 0x3F);
    }
  }
  return NextSlow(s, pos);
}

// Decodes the code point that ends at s[*pos] (exclusive) and moves *pos back to its start.
char32_t Prev(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of c.
void Append(char32_t c, std::string* out);

// Byte offset of the first invalid sequence, or npos when s is valid UTF-8.
size_t FindInvalid(std::string_view s);

// Copies s, replacing every invalid sequence by U+FFFD.
std::string Sanitize(std::string_view s);

// Number of UTF-16 code units in s (what JavaScript's String.length counts).
size_t Utf16Length(std::string_view s);

// Maps UTF-8 byte offsets to UTF-16 code-unit offsets. Build once per text,
// then look up any offset that falls on a code point boundary.
class Utf16Index {
 public:
  explicit Utf16Index(std::string_view s);
  uint32_t ToUtf16(uint32_t byte_offset) const;

 private:
  // Every 64th byte offset's UTF-16 offset; the rest is counted from there.
  std::vector<uint32_t> checkpoints_;
  std::string_view s_;
};

}  // namespace rasd::utf8

#endif  // RASD_UTF8_H_
