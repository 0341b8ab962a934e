#include "cli/table.h"

#include <unistd.h>

#include <algorithm>

namespace rasd::cli {
namespace {

// Decodes one code point at s[i] (UTF-8, assumed valid); advances i.
uint32_t Next(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && *i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += static_cast<size_t>(n);
  return cp;
}

bool IsMark(uint32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED) || cp == 0x200F ||
         cp == 0x200E || (cp >= 0x0300 && cp <= 0x036F);
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    if (!IsMark(Next(s, &i))) ++w;
  }
  return w;
}

std::string Fit(std::string_view s, size_t width) {
  std::string flat;
  for (char c : s) flat.push_back(c == '\n' || c == '\t' ? ' ' : c);
  if (DisplayWidth(flat) <= width) return flat;
  size_t w = 0, i = 0;
  while (i < flat.size()) {
    size_t at = i;
    if (!IsMark(Next(flat, &i))) ++w;
    if (w >= width) return flat.substr(0, at) + "…";
  }
  return flat;
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> width(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size() && i < width.size(); ++i) {
      width[i] = std::max(width[i], std::min(max_, DisplayWidth(row[i])));
    }
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (size_t i = 0; i < header_.size(); ++i) {
      std::string cell = i < row.size() ? Fit(row[i], max_) : "";
      s += cell;
      if (i + 1 < header_.size()) s += std::string(width[i] - DisplayWidth(cell) + 2, ' ');
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  line(header_);
  for (const auto& r : rows_) line(r);
}

bool StdoutIsTty() { return isatty(STDOUT_FILENO) != 0; }

std::string Emphasize(const std::string& text, const std::vector<std::pair<uint32_t, uint32_t>>& marks) {
  const bool tty = StdoutIsTty();
  const std::string open = tty ? "\x1b[1m" : "«", close = tty ? "\x1b[0m" : "»";
  std::string out;
  uint32_t u16 = 0;
  size_t m = 0;
  for (size_t i = 0; i < text.size();) {
    while (m < marks.size() && marks[m].second <= u16) ++m;
    if (m < marks.size() && marks[m].first == u16) out += open;
    size_t start = i;
    uint32_t cp = Next(text, &i);
    out.append(text, start, i - start);
    u16 += cp >= 0x10000 ? 2 : 1;
    if (m < marks.size() && marks[m].second == u16) {
      out += close;
      ++m;
    }
  }
  return out;
}

}  // namespace rasd::cli
