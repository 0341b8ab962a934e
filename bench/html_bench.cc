// rasd's Analyzer on one HTML page (content type text/html): decode with
// main-text extraction, clean, tokenize. Wall time per page, repeated until
// each repetition has lasted --seconds, after one untimed warm-up page.
// Writes the extracted text (every document, one after another) to --out.
#include <fstream>
#include <iostream>
#include <string>

#include "bench_util.h"
#include "rasd/pipeline.h"

namespace rasd::bench {
namespace {

int Main(int argc, char** argv) {
  const std::string html_path = Flag(argc, argv, "--html", "");
  const std::string section = Flag(argc, argv, "--section", "html");
  const std::string row = Flag(argc, argv, "--row", "rasd Analyzer");
  const std::string out_path = Flag(argc, argv, "--out", "");
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  const double min_seconds = std::stod(Flag(argc, argv, "--seconds", "0.5"));
  if (html_path.empty() || out_path.empty()) {
    std::cerr << "usage: html_bench --html FILE --out TEXT [--section S] [--row R] [--reps N] "
                 "[--seconds S]\n";
    return 1;
  }
  RawDoc raw;
  raw.uri = html_path;
  raw.content_type = "text/html";
  raw.bytes = ReadFileOrDie(html_path);
  Analyzer analyzer;

  auto first = analyzer.Analyze(raw);
  std::string text;
  if (first.ok()) {
    for (const Analysis& a : *first) text += a.doc.text + "\n";
  } else {
    std::cerr << "html_bench: " << html_path << ": " << first.status().message() << "\n";
  }
  std::ofstream(out_path, std::ios::binary) << text;
  // Measured after one page: a longer loop only measures the allocator.
  EmitValue(section, row, "peak RSS MB (one page)", PeakRssMb());

  for (int r = 0; r < reps; ++r) {
    size_t pages = 0;
    double t0 = WallSeconds(), elapsed = 0;
    do {
      auto result = analyzer.Analyze(raw);
      if (result.ok() && result->empty()) std::cerr << "html_bench: no document\n";
      ++pages;
      elapsed = WallSeconds() - t0;
    } while (elapsed < min_seconds || pages < 3);
    EmitValue(section, row, "ms/page", elapsed * 1e3 / static_cast<double>(pages));
  }
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
