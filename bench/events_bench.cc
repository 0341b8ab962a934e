// Event extraction, single-threaded, over the first --mb MB of article text
// of the saudinewsnet zips the corpus came from (read into memory first with
// rasd's Reader, so no row times unzipping):
//   analyze      Analyzer::Analyze: the whole per-article pipeline (decode,
//                clean, tokens, sentences, entities, quotes, dates, counts,
//                events)
//   analyze-noner  the same with AnalyzeOptions::entities off
//   extract      events::Extract alone, on the tokens, sentences, mentions,
//                dates, counts and quotes one Analyze run made (untimed)
// docs/s counts input articles for the Analyze rows and the documents
// Analyze made of them for the Extract row. Peak RSS is the process's
// maximum (the articles in memory included).
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "rasd/events.h"
#include "rasd/ingest.h"
#include "rasd/pipeline.h"

namespace rasd::bench {
namespace {

int Main(int argc, char** argv) {
  const std::string zips_path = Flag(argc, argv, "--zips", "");
  const std::string stage = Flag(argc, argv, "--stage", "analyze");
  const std::string row = Flag(argc, argv, "--row", stage);
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  const double mb = std::stod(Flag(argc, argv, "--mb", "3"));
  if (zips_path.empty() || (stage != "analyze" && stage != "analyze-noner" && stage != "extract")) {
    std::cerr << "usage: events_bench --zips zips.txt --stage analyze|analyze-noner|extract "
                 "[--mb 3] [--row NAME] [--reps N]\n";
    return 1;
  }
  std::vector<std::string> zips;
  std::ifstream in(zips_path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) zips.push_back(line);
  }
  std::vector<RawDoc> raws;
  size_t bytes = 0;
  ingest::Reader reader;
  reader.Read(
      zips,
      [&](RawDoc&& raw) {
        if (bytes >= mb * 1e6) return false;
        bytes += raw.bytes.size();
        raws.push_back(std::move(raw));
        return true;
      },
      [](const ingest::ReadError&) {});
  if (raws.empty()) {
    std::cerr << "events_bench: no articles read\n";
    return 1;
  }

  AnalyzeOptions options;
  options.entities = stage != "analyze-noner";
  Analyzer analyzer(options);
  size_t refused = 0, events = 0, documents = 0;

  if (stage == "extract") {
    std::vector<Analysis> analyses;
    for (const RawDoc& raw : raws) {
      auto result = analyzer.Analyze(raw);
      if (!result.ok()) {
        ++refused;
        continue;
      }
      for (Analysis& a : *result) analyses.push_back(std::move(a));
    }
    documents = analyses.size();
    size_t text_bytes = 0;
    for (const Analysis& a : analyses) text_bytes += a.doc.text.size();
    for (int r = 0; r < reps; ++r) {
      events = 0;
      const double t0 = ProcessCpuSeconds();
      for (const Analysis& a : analyses) {
        events::Inputs in;
        in.text = a.doc.text;
        in.tokens = &a.tokens;
        in.sentences = &a.sentences;
        in.mentions = &a.mentions;
        in.dates = &a.dates;
        in.counts = &a.counts;
        in.quotes = &a.quotes;
        in.published = a.doc.published;
        events += events::Extract(in, options.events).size();
      }
      const double seconds = ProcessCpuSeconds() - t0;
      EmitValue("events", row, "docs/s per core", static_cast<double>(documents) / seconds);
      EmitValue("events", row, "MB/s per core", static_cast<double>(text_bytes) / seconds / 1e6);
      std::cerr << "events extract: " << documents << " documents in " << seconds << " s CPU\n";
    }
  } else {
    for (int r = 0; r < reps; ++r) {
      events = documents = refused = 0;
      const double t0 = ProcessCpuSeconds();
      for (const RawDoc& raw : raws) {
        auto result = analyzer.Analyze(raw);
        if (!result.ok()) {
          ++refused;
          continue;
        }
        documents += result->size();
        for (const Analysis& a : *result) events += a.events.size();
      }
      const double seconds = ProcessCpuSeconds() - t0;
      EmitValue("events", row, "docs/s per core", static_cast<double>(raws.size()) / seconds);
      EmitValue("events", row, "MB/s per core", static_cast<double>(bytes) / seconds / 1e6);
      std::cerr << "events " << stage << ": " << raws.size() << " articles in " << seconds
                << " s CPU\n";
    }
  }
  EmitValue("events", row, "articles in", static_cast<double>(raws.size()));
  EmitValue("events", row, "documents", static_cast<double>(documents));
  EmitValue("events", row, "events found", static_cast<double>(events));
  EmitValue("events", row, "peak RSS MB", PeakRssMb());
  if (refused > 0) EmitValue("events", row, "articles refused", static_cast<double>(refused));
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
