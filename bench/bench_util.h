// Helpers shared by the benchmark drivers in bench/ (never part of rasd).
//
// Every driver prints its measurements to stdout as tab-separated records
// that bench/report.py aggregates:
//   V <section> <row> <metric> <value>   one measurement (one run of N)
//   I <key> <value>                      a fact about the inputs
// Human-readable progress goes to stderr.
#ifndef RASD_BENCH_BENCH_UTIL_H_
#define RASD_BENCH_BENCH_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench {

// The prepared corpus: article texts stored back to back, separated by NUL
// bytes (bench/prep writes it; article text never holds a NUL).
struct Corpus {
  std::string bytes;                   // the whole file
  std::vector<std::string_view> docs;  // each article, into `bytes`
  size_t text_bytes = 0;               // sum of the articles' sizes
};

// Reads a corpus file written by rasd_bench_prep; exits with a message on failure.
Corpus LoadCorpus(const std::string& path);

// Reads a whole file; exits with a message on failure.
std::string ReadFileOrDie(const std::string& path);

void EmitValue(std::string_view section, std::string_view row, std::string_view metric,
               double value);
void EmitInfo(std::string_view key, std::string_view value);

// Peak resident set size of this process so far, in MB (getrusage ru_maxrss).
double PeakRssMb();

// CPU time consumed by this process, in seconds.
double ProcessCpuSeconds();

// Monotonic wall-clock time, in seconds.
double WallSeconds();

// The value following `name` in argv ("--reps 5"), or `fallback`.
std::string Flag(int argc, char** argv, std::string_view name, std::string fallback);

}  // namespace rasd::bench

#endif  // RASD_BENCH_BENCH_UTIL_H_
