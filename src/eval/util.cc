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

}  // namespace rasd::eval
