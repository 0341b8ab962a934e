#include "bench_util.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace rasd::bench {

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "bench: cannot read " << path << "\n";
    std::exit(1);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

Corpus LoadCorpus(const std::string& path) {
  Corpus c;
  c.bytes = ReadFileOrDie(path);
  std::string_view all(c.bytes);
  size_t pos = 0;
  while (pos < all.size()) {
    size_t end = all.find('\0', pos);
    if (end == std::string_view::npos) end = all.size();
    if (end > pos) {
      c.docs.push_back(all.substr(pos, end - pos));
      c.text_bytes += end - pos;
    }
    pos = end + 1;
  }
  if (c.docs.empty()) {
    std::cerr << "bench: " << path << " holds no articles\n";
    std::exit(1);
  }
  return c;
}

void EmitValue(std::string_view section, std::string_view row, std::string_view metric,
               double value) {
  std::printf("V\t%.*s\t%.*s\t%.*s\t%.9g\n", static_cast<int>(section.size()), section.data(),
              static_cast<int>(row.size()), row.data(), static_cast<int>(metric.size()),
              metric.data(), value);
  std::fflush(stdout);
}

void EmitInfo(std::string_view key, std::string_view value) {
  std::printf("I\t%.*s\t%.*s\n", static_cast<int>(key.size()), key.data(),
              static_cast<int>(value.size()), value.data());
  std::fflush(stdout);
}

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;  // Linux reports KiB
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Flag(int argc, char** argv, std::string_view name, std::string fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (name == argv[i]) return argv[i + 1];
  }
  return fallback;
}

}  // namespace rasd::bench
