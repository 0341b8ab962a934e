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
#include "rasd/dates.h"
#include "rasd/document.h"
#include "rasd/events.h"
#include "rasd/ingest.h"
#include "rasd/ner.h"
#include "rasd/numbers.h"
#include "rasd/quotes.h"
#include "rasd/resolve.h"
#include "rasd/status.h"
#include "rasd/text.h"

namespace rasd {

struct AnalyzeOptions {
  ingest::DecodeOptions decode;
  clean::CleanOptions clean;
  bool entities = true;  // run the named-entity recognizer (needs the shipped model)
  numbers::Options numbers;
  events::Options events;
  // Limits, so one pathological article cannot stall a batch: a document with
  // more tokens, or whose analysis runs longer, is refused with a
  // resource-exhausted error (a skip with its reason); a longer sentence is
  // cut into pieces of this many tokens.
  size_t max_tokens = 200000;
  size_t max_sentence_tokens = 400;
  double max_seconds = 10;
};

// Everything rasd knows about one document.
struct Analysis {
  Document doc;
  std::vector<text::Token> tokens;
  std::vector<Span> sentences;
  std::vector<ner::Mention> mentions;
  resolve::DocResolution entities;       // mentions linked within the document
  std::vector<std::string> entity_ids;   // per document entity: its corpus id (set by an EntityIndex)
  std::vector<quotes::Quote> quotes;
  std::vector<int> quote_speaker;        // per quote: the document entity that spoke it, or -1
  std::vector<dates::DateExpr> dates;
  std::vector<numbers::Count> counts;
  std::vector<events::Event> events;
};

class Analyzer {
 public:
  explicit Analyzer(AnalyzeOptions options = {});
  // Analyzes with a given recognizer instead of the shipped one (tests, experiments).
  Analyzer(AnalyzeOptions options, const ner::Recognizer* recognizer);
  // Analyses one raw input. Fails (with a message for the user) when the input
  // cannot be decoded or holds no article text.
  StatusOr<std::vector<Analysis>> Analyze(const RawDoc& raw) const;

 private:
  AnalyzeOptions options_;
  const ner::Recognizer* recognizer_ = nullptr;
};

// Sentences (text::SplitSentences) with those longer than `max_tokens`
// tokens cut into pieces of that many (0: no limit).
std::vector<Span> CapSentences(std::vector<Span> sentences, const std::vector<text::Token>& tokens,
                               size_t max_tokens);

// Gives every document entity of `a` its corpus id from `index` (which
// learns from it). Call in document order; not thread-safe.
void AssignEntityIds(resolve::EntityIndex* index, Analysis* a);

struct JsonOptions {
  bool tokens = false;       // include every token
  bool source_text = false;  // include the decoded source text
  bool pretty = false;
};

// One JSON object for an analysed document (the format of `rasd analyze`).
std::string ToJson(const Analysis& a, const JsonOptions& options);

// One JSON object listing the entities of an index: {"entities": [...]}.
std::string EntitiesJson(const resolve::EntityIndex& index, bool pretty);

// A readable audit of one document: metadata and where it came from, and
// every source line as kept or removed with its reason (`rasd analyze --explain`).
std::string Explain(const Analysis& a);

}  // namespace rasd

#endif  // RASD_PIPELINE_H_
