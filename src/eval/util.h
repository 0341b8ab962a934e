// Helpers shared by the evaluators (internal).
#ifndef RASD_EVAL_UTIL_H_
#define RASD_EVAL_UTIL_H_

#include <string>
#include <vector>

#include "rasd/status.h"

namespace rasd::eval {

StatusOr<std::string> ReadAll(const std::string& path);

// "label: 12.3% (45/366)\n"
std::string Percent(const std::string& label, size_t n, size_t d);

// Precision/recall/F1 line: "label: P 0.912 R 0.850 F1 0.880 (tp 10, fp 1, fn 2)\n".
std::string Prf(const std::string& label, size_t tp, size_t fp, size_t fn);

// Rows of a CSV file (RFC 4180: quoted fields may hold commas, quotes, newlines).
StatusOr<std::vector<std::vector<std::string>>> ReadCsv(const std::string& path);

}  // namespace rasd::eval

#endif  // RASD_EVAL_UTIL_H_
