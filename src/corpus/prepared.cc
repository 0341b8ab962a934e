#include "corpus/prepared.h"

#include <nlohmann/json.hpp>

#include "corpus/codec.h"
#include "corpus/links.h"

namespace rasd::corpus {

std::string Layout(const Document& doc) {
  nlohmann::json j;
  auto& paras = j["paragraphs"] = nlohmann::json::array();
  for (const Paragraph& p : doc.paragraphs) paras.push_back({p.span.begin, p.span.end, p.source_begin});
  auto& removed = j["removed"] = nlohmann::json::array();
  for (const Removed& r : doc.removed) removed.push_back({r.source.begin, r.source.end, r.reason});
  return j.dump();
}

void ParseLayout(std::string_view text, Document* doc) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return;
  for (const auto& p : j.value("paragraphs", nlohmann::json::array())) {
    doc->paragraphs.push_back({Span{p[0].get<uint32_t>(), p[1].get<uint32_t>()}, p[2].get<uint32_t>()});
  }
  for (const auto& r : j.value("removed", nlohmann::json::array())) {
    doc->removed.push_back({Span{r[0].get<uint32_t>(), r[1].get<uint32_t>()}, r[2].get<std::string>()});
  }
}

std::string SourceKey(const RawDoc& raw) {
  std::string key = raw.uri;
  key.push_back('\0');
  key += raw.record;
  return key;
}

void Prepare(const Analyzer& analyzer, const dedupe::Options& dedupe, RawDoc raw, Prepared* out) {
  out->name = raw.Name();
  out->key = SourceKey(raw);
  out->uri = raw.uri;
  out->record = raw.record;
  out->bytes = raw.bytes.size();
  if (out->raw_hash.empty()) out->raw_hash = HashHex(raw.bytes);
  if (out->known_unchanged) return;
  auto analyses = analyzer.Analyze(raw);
  if (!analyses.ok()) {
    out->error = analyses.status().message();
    return;
  }
  out->raw_zstd = Compress(raw.bytes);
  for (Analysis& a : *analyses) {
    PreparedDoc p;
    p.layout_zstd = Compress(Layout(a.doc));
    // Appended articles share their source text with the main one; store it
    // once, and not at all when it is the raw bytes as read.
    if (a.doc.part == 0 && a.doc.source_text != raw.bytes) p.source_zstd = Compress(a.doc.source_text);
    a.doc.source_text.clear();
    p.exact_key = Hex64(dedupe::ExactKey(a.doc.text));
    p.signature = dedupe::MinHash(a.tokens, dedupe);
    p.band_keys = dedupe::BandKeys(p.signature, dedupe);
    p.title_terms = store::IndexTerms::Of(a.doc.title);
    p.text_terms = store::IndexTerms::FromTokens(a.tokens);
    p.key_terms = KeyTerms(a.doc.title, LeadOf(a.doc.text));
    p.token_count = a.tokens.size();
    p.sentence_count = a.sentences.size();
    a.tokens.clear();
    a.tokens.shrink_to_fit();
    p.a = std::move(a);
    out->docs.push_back(std::move(p));
  }
}

}  // namespace rasd::corpus
