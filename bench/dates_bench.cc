// rasd's date extraction (dates::Extract) over short Arabic time expressions
// and news phrases, one string at a time, single-threaded. The inputs file is
// what `bench/dateparser_bench.py inputs` writes: "set<TAB>string<TAB>expected
// day or empty<TAB>reference time"; each string is given with its reference
// time as the publication date, as dateparser_bench.py gives it to dateparser
// as RELATIVE_BASE.
//
// Prints per repetition strings/s per core (CPU time, the whole list again
// and again for at least --seconds), and once: how many strings got a date,
// and per set how many expected days were found, by the rule of
// dateparser_bench.py (the first date's day; any date's for saudinewsnet,
// whose strings hold words around the date).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "rasd/dates.h"

namespace rasd::bench {
namespace {

struct Input {
  std::string set, text, expected_day;
  dates::Context ctx;
};

// "2013-02-12T04:30" as a publication date to the minute.
dates::Context ContextAt(const std::string& reference) {
  dates::Context ctx;
  CivilTime& t = ctx.publication.time;
  if (std::sscanf(reference.c_str(), "%d-%d-%dT%d:%d", &t.year, &t.month, &t.day, &t.hour,
                  &t.minute) != 5) {
    std::cerr << "dates_bench: bad reference time \"" << reference << "\"\n";
    std::exit(1);
  }
  ctx.publication.precision = DatePrecision::kMinute;
  ctx.publication.from = "bench";
  return ctx;
}

std::vector<Input> ReadInputs(const std::string& path) {
  std::vector<Input> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    size_t a = line.find('\t');
    size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (c == std::string::npos) continue;
    out.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1, c - b - 1),
                   ContextAt(line.substr(c + 1))});
  }
  return out;
}

// The day of a resolved value that names one day or a time within it
// ("2013-02-12", "2013-02-12T15:00"); empty for months, weeks, intervals.
std::string DayOf(const std::string& value) {
  if (value.size() < 10 || value.find('/') != std::string::npos) return "";
  if (value.size() > 10 && value[10] != 'T') return "";
  if (value[4] != '-' || value[7] != '-') return "";
  return value.substr(0, 10);
}

int Main(int argc, char** argv) {
  const std::string inputs_path = Flag(argc, argv, "--inputs", "");
  const std::string row = Flag(argc, argv, "--row", "rasd dates::Extract");
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  const double min_seconds = std::stod(Flag(argc, argv, "--seconds", "0.5"));
  if (inputs_path.empty()) {
    std::cerr << "usage: dates_bench --inputs dates.tsv [--row NAME] [--reps N] [--seconds S]\n";
    return 1;
  }
  const std::vector<Input> inputs = ReadInputs(inputs_path);
  if (inputs.empty()) {
    std::cerr << "dates_bench: no inputs in " << inputs_path << "\n";
    return 1;
  }
  size_t found = 0;
  std::map<std::string, std::pair<size_t, size_t>> right;  // set -> (cases, right)
  for (const Input& in : inputs) {
    std::vector<dates::DateExpr> ds = dates::Extract(in.text, in.ctx);
    if (!ds.empty()) ++found;
    if (in.expected_day.empty()) continue;
    const bool any = in.set == "saudinewsnet";
    bool ok = false;
    for (size_t i = 0; i < ds.size() && (any || i == 0); ++i)
      ok |= DayOf(ds[i].value) == in.expected_day;
    ++right[in.set].first;
    right[in.set].second += ok;
  }

  size_t sink = 0;
  for (int r = 0; r < reps; ++r) {
    size_t strings = 0;
    const double t0 = ProcessCpuSeconds();
    double seconds = 0;
    do {
      for (const Input& in : inputs) sink += dates::Extract(in.text, in.ctx).size();
      strings += inputs.size();
      seconds = ProcessCpuSeconds() - t0;
    } while (seconds < min_seconds);
    EmitValue("dates", row, "strings/s per core", static_cast<double>(strings) / seconds);
    std::cerr << "dates: " << strings << " strings in " << seconds << " s CPU\n";
  }
  EmitValue("dates", row, "strings with a date found (of " + std::to_string(inputs.size()) + ")",
            static_cast<double>(found));
  for (const auto& [set, cr] : right) {
    EmitValue("dates", row, "days right: " + set + " (of " + std::to_string(cr.first) + ")",
              static_cast<double>(cr.second));
  }
  EmitValue("dates", row, "peak RSS MB", PeakRssMb());
  std::cerr << "dates: " << sink << " expressions per pass in total\n";
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
