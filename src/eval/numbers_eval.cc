// `rasd eval numbers`: ExtractNumbers against the duckling-ar Numeral (AR,
// AR_EG) and Ordinal corpora. An input is right when rasd finds exactly one
// number, spanning the whole input, with the expected value (and the ordinal
// flag for the Ordinal corpus).
#include <simdjson.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "eval/util.h"
#include "rasd/eval.h"
#include "rasd/numbers.h"

namespace rasd::eval {
namespace {

struct Corpus {
  const char* file;
  bool ordinal;
};

// "NumeralValue (-1.2)" → -1.2; "OrdinalData 11" → 11.
bool ExpectedValue(std::string_view expr, double* value) {
  size_t space = expr.find(' ');
  if (space == std::string_view::npos) return false;
  std::string rest(expr.substr(space + 1));
  std::string digits;
  for (char c : rest) {
    if (c != '(' && c != ')' && c != ' ') digits += c;
  }
  char* end = nullptr;
  *value = std::strtod(digits.c_str(), &end);
  return end != digits.c_str() && *end == '\0';
}

bool Same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

std::string Describe(const std::vector<numbers::Number>& got, std::string_view input) {
  if (got.empty()) return "nothing";
  std::ostringstream out;
  for (size_t i = 0; i < got.size(); ++i) {
    const numbers::Number& n = got[i];
    if (i) out << ", ";
    out << n.value;
    if (n.is_range) out << "-" << n.high;
    if (n.ordinal) out << " ordinal";
    out << " \"" << n.span.Of(input) << "\"";
  }
  return out.str();
}

}  // namespace

StatusOr<std::string> Numbers(const EvalOptions& options) {
  static const Corpus kCorpora[] = {
      {"Numeral_AR_Corpus.jsonl", false},
      {"Numeral_AR_EG_Corpus.jsonl", false},
      {"Ordinal_AR_Corpus.jsonl", true},
  };
  std::ostringstream report, misses;
  report << "numbers vs duckling-ar (right: one number spanning the input, with the expected "
            "value)\n";
  int listed = 0;
  simdjson::dom::parser parser;
  for (const Corpus& corpus : kCorpora) {
    std::string path = options.data_dir + "/duckling-ar/" + corpus.file;
    auto bytes = ReadAll(path);
    if (!bytes.ok()) return bytes.status();
    size_t total = 0, right = 0;
    std::istringstream lines(*bytes);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      simdjson::dom::element row;
      if (parser.parse(line).get(row)) return Status::InvalidArgument(path + ": bad JSON line");
      std::string_view expected_expr;
      simdjson::dom::array inputs;
      if (row["expected"].get(expected_expr) || row["inputs"].get(inputs)) continue;
      double expected;
      if (!ExpectedValue(expected_expr, &expected)) continue;
      for (simdjson::dom::element e : inputs) {
        std::string_view input;
        if (e.get(input)) continue;
        ++total;
        std::vector<numbers::Number> got = numbers::ExtractNumbers(input);
        size_t begin = input.find_first_not_of(' ');
        size_t end = input.find_last_not_of(' ') + 1;
        bool ok = got.size() == 1 && got[0].span.begin == begin && got[0].span.end == end &&
                  Same(got[0].value, expected) && !got[0].is_range &&
                  got[0].ordinal == corpus.ordinal;
        if (ok) {
          ++right;
          continue;
        }
        if (options.max_misses >= 0 && listed >= options.max_misses) continue;
        ++listed;
        misses << "  " << corpus.file << "  " << input << "  expected " << expected
               << (corpus.ordinal ? " ordinal" : "") << "  got " << Describe(got, input) << "\n";
      }
    }
    std::string name(corpus.file);
    report << Percent(name.substr(0, name.find('.')), right, total);
  }
  if (listed > 0) report << "misses (corpus  input  expected  got):\n" << misses.str();
  return report.str();
}

}  // namespace rasd::eval
