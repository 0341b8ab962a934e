// What an analysis worker hands to the corpus writer for one input
// (internal): the analysed documents and everything that can be computed
// without the database, so the single writer thread only writes.
#ifndef RASD_CORPUS_PREPARED_H_
#define RASD_CORPUS_PREPARED_H_

#include <string>
#include <vector>

#include "rasd/dedupe.h"
#include "rasd/ingest.h"
#include "rasd/pipeline.h"
#include "store/fts.h"

namespace rasd::corpus {

struct PreparedDoc {
  Analysis a;               // tokens dropped
  std::string layout_zstd;  // paragraphs and removed spans (Layout)
  std::string source_zstd;  // empty when the source text is the raw bytes (or the main article's)
  std::string exact_key;
  size_t token_count = 0, sentence_count = 0;
  dedupe::Signature signature;
  std::vector<uint64_t> band_keys;
  store::IndexTerms title_terms, text_terms;  // what the search index gets
  std::vector<std::string> key_terms;         // KeyTerms of the title and lead, in order
};

struct Prepared {
  size_t seq = 0;
  std::string name;       // RawDoc::Name(), for messages
  std::string key;        // uri NUL record
  std::string uri, record;
  std::string raw_hash;
  std::string raw_zstd;
  size_t bytes = 0;
  bool known_unchanged = false;  // the reader saw this exact input already stored
  std::string error;             // non-empty: the input was skipped for this reason
  std::vector<PreparedDoc> docs;
};

// Paragraphs and removed spans as stored (JSON: {"paragraphs": [[begin, end,
// source_begin]...], "removed": [[source_begin, source_end, reason]...]}).
std::string Layout(const Document& doc);
void ParseLayout(std::string_view json, Document* doc);

// The source key of a raw input.
std::string SourceKey(const RawDoc& raw);

// Runs the pipeline on one input (any thread).
void Prepare(const Analyzer& analyzer, const dedupe::Options& dedupe, RawDoc raw, Prepared* out);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_PREPARED_H_
