#include "rasd/pipeline.h"

namespace rasd {

Analyzer::Analyzer(AnalyzeOptions options) : options_(std::move(options)) {}

StatusOr<std::vector<Analysis>> Analyzer::Analyze(const RawDoc& raw) const {
  auto source = ingest::Decode(raw, options_.decode);
  if (!source.ok()) return source.status();
  auto docs = clean::Clean(raw, *source, options_.clean);
  if (!docs.ok()) return docs.status();
  std::vector<Analysis> out;
  out.reserve(docs->size());
  for (Document& d : *docs) {
    Analysis a;
    a.doc = std::move(d);
    if (options_.keep_tokens) {
      a.tokens = text::Tokenize(a.doc.text);
      a.token_count = a.tokens.size();
    } else {
      text::ForEachToken(a.doc.text, [&](const text::Token&) { ++a.token_count; });
    }
    a.sentences = text::SplitSentences(a.doc.text);
    a.quotes = quotes::Extract(a.doc.text);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace rasd
