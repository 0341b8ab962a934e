// rasd's named-entity recognizer over article text: Recognizer::Default().Find
// on each article of the first --mb MB of the prepared corpus, one article at
// a time, single-threaded (Find tokenizes, tags with both passes, looks up
// the gazetteers and disambiguates places). Tokens are rasd's own
// (text::Tokenize, counted once outside the timed runs).
//
// Prints per repetition tokens/s and MB/s per core (CPU time), and once the
// mentions found, the model load time and the process's peak RSS (the whole
// corpus file, the shipped model and gazetteers included), and the peak
// before the model was loaded (the corpus alone).
#include <iostream>
#include <string>

#include "bench_util.h"
#include "rasd/ner.h"
#include "rasd/text.h"

namespace rasd::bench {
namespace {

int Main(int argc, char** argv) {
  const std::string corpus_path = Flag(argc, argv, "--corpus", "");
  const std::string row = Flag(argc, argv, "--row", "rasd Recognizer::Find");
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  const double mb = std::stod(Flag(argc, argv, "--mb", "5"));
  if (corpus_path.empty()) {
    std::cerr << "usage: ner_bench --corpus corpus.bin [--mb 5] [--row NAME] [--reps N]\n";
    return 1;
  }
  Corpus corpus = LoadCorpus(corpus_path);
  std::vector<std::string_view> docs;
  size_t bytes = 0, tokens = 0;
  for (std::string_view d : corpus.docs) {
    if (bytes >= mb * 1e6) break;
    docs.push_back(d);
    bytes += d.size();
    tokens += text::Tokenize(d).size();
  }
  const double rss_before = PeakRssMb();
  double t0 = ProcessCpuSeconds();
  const ner::Recognizer& recognizer = ner::Recognizer::Default();
  const double load_seconds = ProcessCpuSeconds() - t0;

  size_t mentions = 0;
  for (int r = 0; r < reps; ++r) {
    mentions = 0;
    t0 = ProcessCpuSeconds();
    for (std::string_view d : docs) mentions += recognizer.Find(d).size();
    const double seconds = ProcessCpuSeconds() - t0;
    EmitValue("ner", row, "tokens/s per core", static_cast<double>(tokens) / seconds);
    EmitValue("ner", row, "MB/s per core", static_cast<double>(bytes) / seconds / 1e6);
    std::cerr << "ner: " << docs.size() << " articles, " << tokens << " tokens in " << seconds
              << " s CPU\n";
  }
  EmitValue("ner", row, "articles", static_cast<double>(docs.size()));
  EmitValue("ner", row, "tokens per pass", static_cast<double>(tokens));
  EmitValue("ner", row, "mentions per 1,000 tokens",
            1000.0 * static_cast<double>(mentions) / static_cast<double>(tokens));
  EmitValue("ner", row, "model load s", load_seconds);
  EmitValue("ner", row, "peak RSS MB", PeakRssMb());
  EmitValue("ner", row, "peak RSS before the model MB", rss_before);
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
