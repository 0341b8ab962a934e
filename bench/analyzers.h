// The token analyzers compared in bench/analyzers_bench.cc, behind one
// interface so the speed loop and the conflation check treat them alike.
#ifndef RASD_BENCH_ANALYZERS_H_
#define RASD_BENCH_ANALYZERS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench {

class TokenAnalyzer {
 public:
  virtual ~TokenAnalyzer() = default;
  // Analyzes one article (UTF-8) and returns the number of terms produced.
  // Each term's bytes are consumed so the work cannot be optimized away.
  virtual size_t Analyze(std::string_view text) = 0;
  // The terms (stems) produced for one word, in order; empty when the
  // analyzer drops the word (a stop word, a number).
  virtual std::vector<std::string> Terms(std::string_view word) = 0;
  // A value that depends on every term seen by Analyze.
  size_t checksum() const { return checksum_; }

 protected:
  size_t checksum_ = 0;
};

// "rasd", "lucene", "snowball"; nullptr for an unknown name.
std::unique_ptr<TokenAnalyzer> MakeRasdAnalyzer();
std::unique_ptr<TokenAnalyzer> MakeLuceneAnalyzer();
std::unique_ptr<TokenAnalyzer> MakeSnowballAnalyzer();
std::unique_ptr<TokenAnalyzer> MakeAnalyzer(std::string_view name);

}  // namespace rasd::bench

#endif  // RASD_BENCH_ANALYZERS_H_
