// Plain-text output for people: aligned tables and highlighted snippets.
#ifndef RASD_CLI_TABLE_H_
#define RASD_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::cli {

// Columns of a table; a column wider than `max_width` characters is cut with "…".
class Table {
 public:
  explicit Table(std::vector<std::string> header, size_t max_width = 48) : header_(std::move(header)), max_(max_width) {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_;
};

// Characters a terminal shows for `s` (code points, Arabic marks not counted).
size_t DisplayWidth(std::string_view s);
// `s` cut to `width` display characters, with "…" when cut.
std::string Fit(std::string_view s, size_t width);
// True when stdout is a terminal (then highlights use bold).
bool StdoutIsTty();
// `text` with the UTF-16 ranges in `marks` emphasised (bold on a terminal, «» otherwise).
std::string Emphasize(const std::string& text, const std::vector<std::pair<uint32_t, uint32_t>>& marks);

}  // namespace rasd::cli

#endif  // RASD_CLI_TABLE_H_
