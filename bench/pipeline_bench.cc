// rasd's per-article pipeline over the saudinewsnet zips the corpus came
// from, one stage deeper per --stage, single-threaded:
//   read     Reader (libzip inflate + JSON array parse) only
//   decode   + ingest::Decode
//   clean    + clean::Clean
//   tokenize + text::ForEachToken over the clean text
//   analyze  Reader + Analyzer (decode, clean, tokenize, sentences)
// MB/s counts the article text bytes the Reader yields. Peak RSS is this
// process's getrusage maximum after all repetitions.
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "rasd/clean.h"
#include "rasd/ingest.h"
#include "rasd/pipeline.h"
#include "rasd/text.h"

namespace rasd::bench {
namespace {

struct Pass {
  size_t docs = 0;      // RawDocs read
  size_t bytes = 0;     // their text bytes
  size_t failed = 0;    // RawDocs a stage refused
  size_t out_docs = 0;  // documents out of cleaning (appended articles split off)
  size_t tokens = 0;
  size_t read_errors = 0;
};

// Logs the first few refusals of the first run, so a change in them can be traced.
void Refused(Pass* p, const RawDoc& raw, const Status& status) {
  static int logged = 0;
  if (logged < 5) {
    ++logged;
    std::cerr << "refused: " << raw.Name() << ": " << status.message() << "\n";
  }
  ++p->failed;
}

Pass RunOnce(const std::vector<std::string>& zips, const std::string& stage) {
  ingest::Reader reader;
  Analyzer analyzer;
  Pass p;
  reader.Read(
      zips,
      [&](RawDoc&& raw) {
        ++p.docs;
        p.bytes += raw.bytes.size();
        if (stage == "read") return true;
        if (stage == "analyze") {
          auto result = analyzer.Analyze(raw);
          if (!result.ok()) {
            Refused(&p, raw, result.status());
            return true;
          }
          for (const Analysis& a : *result) p.tokens += a.tokens.size();
          p.out_docs += result->size();
          return true;
        }
        auto source = ingest::Decode(raw);
        if (!source.ok()) {
          Refused(&p, raw, source.status());
          return true;
        }
        if (stage == "decode") return true;
        auto docs = clean::Clean(raw, *source);
        if (!docs.ok()) {
          Refused(&p, raw, docs.status());
          return true;
        }
        p.out_docs += docs->size();
        if (stage == "clean") return true;
        for (const Document& d : *docs) {
          text::ForEachToken(d.text, [&](const text::Token&) { ++p.tokens; });
        }
        return true;
      },
      [&](const ingest::ReadError&) { ++p.read_errors; });
  return p;
}

int Main(int argc, char** argv) {
  const std::string zips_path = Flag(argc, argv, "--zips", "");
  const std::string stage = Flag(argc, argv, "--stage", "analyze");
  const std::string row = Flag(argc, argv, "--row", stage);
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  if (zips_path.empty() || (stage != "read" && stage != "decode" && stage != "clean" &&
                            stage != "tokenize" && stage != "analyze")) {
    std::cerr << "usage: pipeline_bench --zips zips.txt --stage read|decode|clean|tokenize|analyze "
                 "[--row NAME] [--reps N]\n";
    return 1;
  }
  std::vector<std::string> zips;
  std::ifstream in(zips_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) zips.push_back(line);
  }
  Pass p;
  for (int i = 0; i < reps; ++i) {
    double t0 = ProcessCpuSeconds();
    p = RunOnce(zips, stage);
    double seconds = ProcessCpuSeconds() - t0;
    EmitValue("pipeline", row, "MB/s per core", static_cast<double>(p.bytes) / seconds / 1e6);
    EmitValue("pipeline", row, "docs/s per core", static_cast<double>(p.docs) / seconds);
    if (stage == "tokenize" || stage == "analyze") {
      EmitValue("pipeline", row, "tokens/s per core", static_cast<double>(p.tokens) / seconds);
    }
    std::cerr << "pipeline " << stage << ": " << p.docs << " docs, " << p.bytes << " bytes, "
              << seconds << " s CPU\n";
  }
  EmitValue("pipeline", row, "peak RSS MB", PeakRssMb());
  EmitValue("pipeline", row, "docs refused", static_cast<double>(p.failed + p.read_errors));
  if (stage != "read" && stage != "decode") {
    EmitValue("pipeline", row, "documents out", static_cast<double>(p.out_docs));
  }
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
