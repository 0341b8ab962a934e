#include "corpus/codec.h"

#include <xxhash.h>
#include <zstd.h>

#include <cstdio>

#include "rasd/calendar.h"

namespace rasd::corpus {
namespace {

bool ParseDay(std::string_view s, int64_t* days) {
  int y, m, d;
  if (s.size() < 10 || std::sscanf(std::string(s.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
    return false;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *days = calendar::DaysFromCivil(y, m, d);
  return true;
}

}  // namespace

std::string Compress(std::string_view bytes, int level) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), level);
  if (ZSTD_isError(n)) return {};
  out.resize(n);
  return out;
}

StatusOr<std::string> Decompress(std::string_view blob) {
  if (blob.empty()) return std::string();
  unsigned long long size = ZSTD_getFrameContentSize(blob.data(), blob.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31)) {
    return Status::IoError("corrupt database: a stored blob is not a zstd frame");
  }
  std::string out(size, '\0');
  size_t n = ZSTD_decompress(out.data(), out.size(), blob.data(), blob.size());
  if (ZSTD_isError(n)) return Status::IoError(std::string("corrupt database: zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string HashHex(std::string_view bytes) { return Hex64(XXH3_64bits(bytes.data(), bytes.size())); }

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back('\x1f');
    out += items[i];
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t p = joined.find('\x1f', start);
    out.emplace_back(joined.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

Published ParsePublished(std::string_view iso, std::string_view from) {
  Published p;
  CivilTime& t = p.time;
  std::string s(iso);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d", &t.year, &t.month, &t.day, &t.hour, &t.minute) == 5) {
    p.precision = DatePrecision::kMinute;
  } else if (s.size() == 10 && std::sscanf(s.c_str(), "%4d-%2d-%2d", &t.year, &t.month, &t.day) == 3) {
    p.precision = DatePrecision::kDay;
  } else if (s.size() == 7 && std::sscanf(s.c_str(), "%4d-%2d", &t.year, &t.month) == 2) {
    p.precision = DatePrecision::kMonth;
  } else if (s.size() == 4 && std::sscanf(s.c_str(), "%4d", &t.year) == 1) {
    p.precision = DatePrecision::kYear;
  }
  if (p.known()) p.from = std::string(from);
  return p;
}

std::string AddDays(std::string_view iso_day, int days) {
  int64_t z;
  if (!ParseDay(iso_day, &z)) return "";
  int y, m, d;
  calendar::CivilFromDays(z + days, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int DaysBetween(std::string_view a, std::string_view b) {
  int64_t x, y;
  if (!ParseDay(a, &x) || !ParseDay(b, &y)) return 0;
  return static_cast<int>(y - x);
}

}  // namespace rasd::corpus
