#include <libstemmer.h>

#include <cstdlib>
#include <iostream>

#include "analyzers.h"

namespace rasd::bench {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Snowball's Arabic stemmer (libstemmer) over whitespace-separated words,
// which is how it is usually driven: it has no tokenizer of its own.
class SnowballAnalyzer : public TokenAnalyzer {
 public:
  SnowballAnalyzer() : stemmer_(sb_stemmer_new("arabic", "UTF_8")) {
    if (stemmer_ == nullptr) {
      // liblucene++-contrib exports an older sb_stemmer_new without Arabic;
      // it wins when -lstemmer is not linked before Lucene++.
      std::cerr << "bench: sb_stemmer_new(\"arabic\") failed (link order of -lstemmer?)\n";
      std::exit(1);
    }
  }
  ~SnowballAnalyzer() override { sb_stemmer_delete(stemmer_); }

  size_t Analyze(std::string_view text) override {
    size_t n = 0, pos = 0;
    while (pos < text.size()) {
      while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
      size_t begin = pos;
      while (pos < text.size() && !IsAsciiSpace(text[pos])) ++pos;
      if (pos == begin) break;
      sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(text.data() + begin),
                      static_cast<int>(pos - begin));
      checksum_ += static_cast<size_t>(sb_stemmer_length(stemmer_));
      ++n;
    }
    return n;
  }

  std::vector<std::string> Terms(std::string_view word) override {
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    return {std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_))};
  }

 private:
  sb_stemmer* stemmer_;
};

}  // namespace

std::unique_ptr<TokenAnalyzer> MakeSnowballAnalyzer() {
  return std::make_unique<SnowballAnalyzer>();
}

}  // namespace rasd::bench
