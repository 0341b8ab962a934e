// The per-article pipeline as one call: decode → clean → tokenize → (extract).
// This is what `rasd analyze` runs; it needs no database and keeps no global
// state besides read-only lexicons, so documents can be analysed in parallel.
//
//   rasd::Analyzer analyzer;
//   auto result = analyzer.Analyze(raw);   // one RawDoc can yield several documents
//   for (const rasd::Analysis& a : *result) std::cout << rasd::ToJson(a, {}) << "\n";
#ifndef RASD_PIPELINE_H_
#define RASD_PIPELINE_H_

#include <string>
#include <vector>

#include "rasd/clean.h"
#include "rasd/document.h"
#include "rasd/ingest.h"
#include "rasd/quotes.h"
#include "rasd/status.h"
#include "rasd/text.h"

namespace rasd {

struct AnalyzeOptions {
  ingest::DecodeOptions decode;
  clean::CleanOptions clean;
  bool keep_tokens = false;  // keep the token list (memory) instead of only counting
};

// Everything rasd knows about one document.
struct Analysis {
  Document doc;
  size_t token_count = 0;
  std::vector<text::Token> tokens;  // filled when keep_tokens
  std::vector<Span> sentences;
  std::vector<quotes::Quote> quotes;
};

class Analyzer {
 public:
  explicit Analyzer(AnalyzeOptions options = {});
  // Analyses one raw input. Fails (with a message for the user) when the input
  // cannot be decoded or holds no article text.
  StatusOr<std::vector<Analysis>> Analyze(const RawDoc& raw) const;

 private:
  AnalyzeOptions options_;
};

struct JsonOptions {
  bool tokens = false;       // include every token
  bool source_text = false;  // include the decoded source text
  bool pretty = false;
};

// One JSON object for an analysed document (the format of `rasd analyze`).
std::string ToJson(const Analysis& a, const JsonOptions& options);

// A readable audit of one document: metadata and where it came from, and
// every source line as kept or removed with its reason (`rasd analyze --explain`).
std::string Explain(const Analysis& a);

}  // namespace rasd

#endif  // RASD_PIPELINE_H_
