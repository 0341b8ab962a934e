// The whole per-article pipeline: Analyzer::Analyze on a RawDoc, then the
// JSON output and the --explain audit. Input: 0x1F-separated flags, title,
// date, url and outlet hints (raw bytes, as a WARC header may give them),
// then the document bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/pipeline.h"
#include "rasd/utf8.h"

namespace {

void CheckAnalysis(const rasd::Analysis& a) {
  const rasd::Document& d = a.doc;
  const std::string& text = d.text;
  for (const rasd::Paragraph& p : d.paragraphs) {
    rasd::fuzz::CheckSpan(text, p.span, "paragraph");
    FUZZ_CHECK(static_cast<size_t>(p.source_begin) + p.span.size() <= d.source_text.size() &&
                   p.span.Of(text) == std::string_view(d.source_text).substr(p.source_begin, p.span.size()),
               "paragraph [%u,%u) is not the source bytes at %u", p.span.begin, p.span.end,
               p.source_begin);
  }
  for (const rasd::Removed& r : d.removed) {
    FUZZ_CHECK(r.source.begin <= r.source.end && r.source.end <= d.source_text.size(),
               "removed span [%u,%u) outside the source", r.source.begin, r.source.end);
  }
  for (const rasd::text::Token& t : a.tokens) rasd::fuzz::CheckSpan(text, t.span, "token");
  for (const rasd::Span& s : a.sentences) rasd::fuzz::CheckSpan(text, s, "sentence");
  for (const rasd::ner::Mention& m : a.mentions) rasd::fuzz::CheckSpan(text, m.span, "mention");
  for (const rasd::quotes::Quote& q : a.quotes) {
    rasd::fuzz::CheckSpan(text, q.span, "quote");
    rasd::fuzz::CheckSpan(text, q.speaker, "quote speaker");
  }
  FUZZ_CHECK(a.quote_speaker.size() == a.quotes.size(), "quote_speaker has %zu entries for %zu quotes",
             a.quote_speaker.size(), a.quotes.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rasd::Analyzer analyzer;
  static const rasd::Analyzer no_split = [] {
    rasd::AnalyzeOptions o;
    o.clean.split_appended = false;
    o.entities = false;
    return rasd::Analyzer(o);
  }();
  rasd::fuzz::Fields f(rasd::fuzz::AsView(data, size));
  std::string_view flags = f.Next();
  const uint8_t mode = flags.empty() ? 0 : static_cast<uint8_t>(flags[0]);
  rasd::RawDoc raw;
  raw.uri = (mode & 4) ? "" : "fuzz/article";
  raw.record = (mode & 8) ? "line 3" : "";
  raw.content_type = (mode & 1) ? "text/html" : "text/plain";
  raw.hints.title = std::string(f.Next());
  if (!raw.hints.title.empty()) raw.hints.title_from = "warc:title";
  raw.hints.date = std::string(f.Next());
  if (!raw.hints.date.empty()) raw.hints.date_from = "warc:WARC-Date";
  raw.hints.url = std::string(f.Next());
  raw.hints.outlet = std::string(f.Next());
  raw.bytes = std::string(f.Rest());
  const rasd::Analyzer& an = (mode & 2) ? no_split : analyzer;
  auto result = an.Analyze(raw);
  if (!result.ok()) return 0;
  rasd::resolve::EntityIndex index;
  for (rasd::Analysis& a : *result) {
    CheckAnalysis(a);
    rasd::AssignEntityIds(&index, &a);
    rasd::JsonOptions jo;
    jo.tokens = mode & 16;
    jo.source_text = mode & 32;
    std::string json = rasd::ToJson(a, jo);
    FUZZ_CHECK(rasd::utf8::FindInvalid(json) == std::string::npos, "ToJson output is invalid UTF-8");
    if (mode & 64) rasd::Explain(a);
  }
  rasd::EntitiesJson(index, false);
  return 0;
}
