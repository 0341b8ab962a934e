#include "analyzers.h"
#include "rasd/text.h"

namespace rasd::bench {
namespace {

// rasd::text::ForEachToken normalizes, tokenizes and stems in one pass.
class RasdAnalyzer : public TokenAnalyzer {
 public:
  size_t Analyze(std::string_view text) override {
    size_t n = 0;
    text::ForEachToken(text, [&](const text::Token& t) {
      ++n;
      checksum_ += t.stem.size();
    });
    return n;
  }

  std::vector<std::string> Terms(std::string_view word) override {
    std::vector<std::string> out;
    text::ForEachToken(word, [&](const text::Token& t) { out.push_back(t.stem); });
    return out;
  }
};

}  // namespace

std::unique_ptr<TokenAnalyzer> MakeRasdAnalyzer() { return std::make_unique<RasdAnalyzer>(); }

std::unique_ptr<TokenAnalyzer> MakeAnalyzer(std::string_view name) {
  if (name == "rasd") return MakeRasdAnalyzer();
  if (name == "lucene") return MakeLuceneAnalyzer();
  if (name == "snowball") return MakeSnowballAnalyzer();
  return nullptr;
}

}  // namespace rasd::bench
