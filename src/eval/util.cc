#include "eval/util.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace rasd::eval {

StatusOr<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open (is ../shared/data present? see --data)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Percent(const std::string& label, size_t n, size_t d) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s: %.1f%% (%zu/%zu)\n", label.c_str(), d ? 100.0 * n / d : 0.0, n, d);
  return buf;
}

std::string Prf(const std::string& label, size_t tp, size_t fp, size_t fn) {
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s: P %.3f R %.3f F1 %.3f (tp %zu, fp %zu, fn %zu)\n", label.c_str(),
                p, r, f, tp, fp, fn);
  return buf;
}

StatusOr<std::vector<std::vector<std::string>>> ReadCsv(const std::string& path) {
  auto bytes = ReadAll(path);
  if (!bytes.ok()) return bytes.status();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  const std::string& s = *bytes;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace rasd::eval
