// Token analyzers over the prepared saudinewsnet corpus (Google Benchmark),
// plus the passes that bound them from above (memory read, UTF-8 validation).
//
//   analyzers_bench --corpus corpus.bin --reps 5 --only rasd       one analyzer
//   analyzers_bench --corpus corpus.bin --reps 5 --only limit      the limit passes
//   analyzers_bench --stem lucene --words vocab.txt                terms per word
//
// Speeds are per core: bytes (or terms) over the benchmark thread's CPU time.
#include <benchmark/benchmark.h>

#include <iostream>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "analyzers.h"
#include "bench_util.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::bench {
namespace {

// What one pass of a benchmark processes, and where its figures are reported.
struct Workload {
  double bytes = 0;
  double tokens = 0;                                      // 0 when the pass produces no tokens
  std::vector<std::pair<std::string, std::string>> rows;  // (section, row)
};
std::map<std::string, Workload>& Workloads() {
  static std::map<std::string, Workload> w;
  return w;
}

// Prints the usual console table on stderr and one V record per repetition on stdout.
class RecordReporter : public benchmark::ConsoleReporter {
 public:
  RecordReporter() : ConsoleReporter(OO_Tabular) { SetOutputStream(&std::cerr); }

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred || run.iterations == 0) continue;
      auto it = Workloads().find(run.run_name.function_name);
      if (it == Workloads().end()) continue;
      const Workload& w = it->second;
      double seconds = run.cpu_accumulated_time / static_cast<double>(run.iterations);
      for (const auto& [section, row] : w.rows) {
        EmitValue(section, row, "MB/s per core", w.bytes / seconds / 1e6);
        if (w.tokens > 0) EmitValue(section, row, "tokens/s per core", w.tokens / seconds);
      }
    }
  }
};

template <typename Fn>
void Register(const std::string& name, double bytes,
              std::vector<std::pair<std::string, std::string>> rows, int reps, Fn fn) {
  Workloads()[name] = Workload{bytes, 0, std::move(rows)};
  benchmark::RegisterBenchmark(name.c_str(),
                               [name, fn](benchmark::State& state) {
                                 size_t tokens = 0;
                                 for (auto _ : state) tokens = fn();
                                 Workloads()[name].tokens = static_cast<double>(tokens);
                               })
      ->Repetitions(reps)
      ->MinTime(0.2)
      ->Unit(benchmark::kMillisecond);
}

const char* RowName(const std::string& analyzer) {
  if (analyzer == "rasd") return "rasd ForEachToken";
  if (analyzer == "lucene") return "Lucene++ ArabicAnalyzer";
  if (analyzer == "snowball") return "Snowball arabic (libstemmer)";
  return nullptr;
}

int StemWords(const std::string& name, const std::string& words_path) {
  std::unique_ptr<TokenAnalyzer> analyzer = MakeAnalyzer(name);
  if (!analyzer) {
    std::cerr << "analyzers_bench: unknown analyzer " << name << "\n";
    return 1;
  }
  std::string words = ReadFileOrDie(words_path);
  std::string out;
  size_t pos = 0;
  while (pos < words.size()) {
    size_t nl = words.find('\n', pos);
    if (nl == std::string::npos) nl = words.size();
    std::vector<std::string> terms = analyzer->Terms(std::string_view(words).substr(pos, nl - pos));
    for (size_t i = 0; i < terms.size(); ++i) out += (i ? " " : "") + terms[i];
    out += '\n';
    pos = nl + 1;
  }
  std::cout << out;
  return 0;
}

int Main(int argc, char** argv) {
  const std::string stem = Flag(argc, argv, "--stem", "");
  if (!stem.empty()) return StemWords(stem, Flag(argc, argv, "--words", "/dev/stdin"));

  const std::string corpus_path = Flag(argc, argv, "--corpus", "");
  const std::string only = Flag(argc, argv, "--only", "");
  const int reps = std::stoi(Flag(argc, argv, "--reps", "5"));
  if (corpus_path.empty() || only.empty()) {
    std::cerr << "usage: analyzers_bench --corpus FILE --only rasd|lucene|snowball|limit "
                 "[--reps N]\n       analyzers_bench --stem NAME --words FILE\n";
    return 1;
  }
  const Corpus corpus = LoadCorpus(corpus_path);  // outlives the benchmark run
  const double text_bytes = static_cast<double>(corpus.text_bytes);
  const double all_bytes = static_cast<double>(corpus.bytes.size());

  std::unique_ptr<TokenAnalyzer> analyzer;  // outlives the benchmark run
  if (only == "limit") {
    Register("memory_read", all_bytes, {{"limit", "read every byte (sum)"}}, reps, [&corpus] {
      const auto* p = reinterpret_cast<const unsigned char*>(corpus.bytes.data());
      size_t sum = std::accumulate(p, p + corpus.bytes.size(), size_t{0});
      benchmark::DoNotOptimize(sum);
      return size_t{0};
    });
    Register("utf8_validation", all_bytes, {{"limit", "UTF-8 validation (utf8::FindInvalid)"}},
             reps, [&corpus] {
               benchmark::DoNotOptimize(utf8::FindInvalid(corpus.bytes));
               return size_t{0};
             });
    Register("normalize_to", text_bytes, {{"limit", "rasd NormalizeTo (no offset map)"}}, reps,
             [&corpus] {
               std::string out;
               for (std::string_view doc : corpus.docs) {
                 out.clear();
                 text::NormalizeTo(doc, &out);
                 benchmark::DoNotOptimize(out.data());
               }
               return size_t{0};
             });
    Register("normalize", text_bytes, {{"limit", "rasd Normalize (with offset map)"}}, reps,
             [&corpus] {
               size_t n = 0;
               for (std::string_view doc : corpus.docs) n += text::Normalize(doc).text.size();
               benchmark::DoNotOptimize(n);
               return size_t{0};
             });
  } else {
    const char* row = RowName(only);
    analyzer = MakeAnalyzer(only);
    if (row == nullptr || !analyzer) {
      std::cerr << "analyzers_bench: unknown analyzer " << only << "\n";
      return 1;
    }
    std::vector<std::pair<std::string, std::string>> rows = {{"analyzers", row}};
    // rasd's full analysis is also the reference point of the limit section.
    if (only == "rasd") rows.emplace_back("limit", "rasd ForEachToken (normalize+tokenize+stem)");
    TokenAnalyzer* a = analyzer.get();
    Register(only, text_bytes, rows, reps, [&corpus, a] {
      size_t tokens = 0;
      for (std::string_view doc : corpus.docs) tokens += a->Analyze(doc);
      return tokens;
    });
  }

  int bench_argc = 1;
  benchmark::Initialize(&bench_argc, argv);
  RecordReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  if (only != "limit") {
    const Workload& w = Workloads()[only];
    EmitValue("analyzers", RowName(only), "tokens per pass", w.tokens);
  }
  return 0;
}

}  // namespace
}  // namespace rasd::bench

int main(int argc, char** argv) { return rasd::bench::Main(argc, argv); }
