// Lucene++'s contrib ArabicAnalyzer: ArabicLetterTokenizer, lower-casing,
// the default Arabic stop set, ArabicNormalizationFilter, ArabicStemFilter.
#include <ArabicAnalyzer.h>
#include <LuceneHeaders.h>
#include <StringUtils.h>
#include <TermAttribute.h>

#include "analyzers.h"

namespace rasd::bench {
namespace {

class LuceneArabic : public TokenAnalyzer {
 public:
  LuceneArabic()
      : analyzer_(Lucene::newLucene<Lucene::ArabicAnalyzer>(Lucene::LuceneVersion::LUCENE_30)) {}

  // Lucene++ reads wchar_t text, so decoding the UTF-8 input is part of its cost.
  size_t Analyze(std::string_view text) override {
    Lucene::String wide = Lucene::StringUtils::toUnicode(
        reinterpret_cast<const uint8_t*>(text.data()), static_cast<int32_t>(text.size()));
    Lucene::TokenStreamPtr stream =
        analyzer_->reusableTokenStream(L"body", Lucene::newLucene<Lucene::StringReader>(wide));
    Lucene::TermAttributePtr term = stream->addAttribute<Lucene::TermAttribute>();
    size_t n = 0;
    while (stream->incrementToken()) {
      checksum_ += static_cast<size_t>(term->termLength());
      ++n;
    }
    stream->end();
    return n;
  }

  std::vector<std::string> Terms(std::string_view word) override {
    Lucene::String wide = Lucene::StringUtils::toUnicode(
        reinterpret_cast<const uint8_t*>(word.data()), static_cast<int32_t>(word.size()));
    Lucene::TokenStreamPtr stream =
        analyzer_->reusableTokenStream(L"body", Lucene::newLucene<Lucene::StringReader>(wide));
    Lucene::TermAttributePtr term = stream->addAttribute<Lucene::TermAttribute>();
    std::vector<std::string> out;
    while (stream->incrementToken()) {
      out.push_back(Lucene::StringUtils::toUTF8(term->termBufferArray(), term->termLength()));
    }
    stream->end();
    return out;
  }

 private:
  Lucene::AnalyzerPtr analyzer_;
};

}  // namespace

std::unique_ptr<TokenAnalyzer> MakeLuceneAnalyzer() { return std::make_unique<LuceneArabic>(); }

}  // namespace rasd::bench
