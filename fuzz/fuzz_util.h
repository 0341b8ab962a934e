// Helpers shared by the rasd fuzz targets: invariant checks that abort (so
// libFuzzer records a crash with the input), and ways to carve one fuzz input
// into several arguments.
#ifndef RASD_FUZZ_FUZZ_UTIL_H_
#define RASD_FUZZ_FUZZ_UTIL_H_

#include <signal.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "rasd/document.h"
#include "rasd/utf8.h"

// Aborts with the failed condition and a message when `cond` is false.
#define FUZZ_CHECK(cond, ...)                                                       \
  do {                                                                              \
    if (!(cond)) {                                                                  \
      std::fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond); \
      std::fprintf(stderr, __VA_ARGS__);                                            \
      std::fprintf(stderr, "\n");                                                   \
      std::abort();                                                                 \
    }                                                                               \
  } while (0)

namespace rasd::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// True when `offset` is the start of a UTF-8 sequence in `s` or its end.
inline bool OnBoundary(std::string_view s, size_t offset) {
  if (offset > s.size()) return false;
  if (offset == s.size()) return true;
  return (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

// The span lies in `s`, is not reversed, and both ends fall on code point boundaries.
inline void CheckSpan(std::string_view s, const Span& span, const char* what) {
  FUZZ_CHECK(span.begin <= span.end, "%s span [%u,%u) reversed", what, span.begin, span.end);
  FUZZ_CHECK(span.end <= s.size(), "%s span [%u,%u) past the text size %zu", what, span.begin,
             span.end, s.size());
  FUZZ_CHECK(OnBoundary(s, span.begin) && OnBoundary(s, span.end),
             "%s span [%u,%u) not on UTF-8 boundaries", what, span.begin, span.end);
}

// Cuts the input into fields separated by the byte 0x1F (unit separator):
// Next() returns the next field, Rest() everything left.
class Fields {
 public:
  explicit Fields(std::string_view s) : s_(s) {}
  std::string_view Next() {
    size_t cut = s_.find('\x1f');
    std::string_view out = s_.substr(0, cut);
    s_.remove_prefix(cut == std::string_view::npos ? s_.size() : cut + 1);
    return out;
  }
  std::string_view Rest() const { return s_; }

 private:
  std::string_view s_;
};

// Removes what earlier runs left in `dir` under names "<prefix><pid>..." when
// that process is gone (a crash skips atexit cleanup).
inline void RemoveStale(const std::filesystem::path& dir, const std::string& prefix) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
      std::filesystem::remove_all(e.path(), ec);
    }
  }
}

}  // namespace rasd::fuzz

#endif  // RASD_FUZZ_FUZZ_UTIL_H_
