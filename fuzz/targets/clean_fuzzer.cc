// clean::Clean on decoded source text. Input: fields separated by 0x1F:
// flags, title hint, date hint, outlet hint, url hint, then the text (made
// valid UTF-8 as Decode would). Checks that every paragraph's bytes are the
// source's bytes at source_begin and that removed spans lie in the source.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/clean.h"
#include "rasd/utf8.h"

namespace {

void CheckDocument(const rasd::Document& d) {
  const std::string& src = d.source_text;
  const std::string& text = d.text;
  FUZZ_CHECK(rasd::utf8::FindInvalid(text) == std::string::npos, "clean text is invalid UTF-8");
  size_t covered = 0;
  uint32_t last_end = 0;
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    const rasd::Paragraph& p = d.paragraphs[i];
    rasd::fuzz::CheckSpan(text, p.span, "paragraph");
    FUZZ_CHECK(i == 0 || p.span.begin >= last_end, "paragraph %zu out of order", i);
    FUZZ_CHECK(static_cast<size_t>(p.source_begin) + p.span.size() <= src.size(),
               "paragraph %zu source [%u,+%u) past the source (%zu)", i, p.source_begin,
               p.span.size(), src.size());
    FUZZ_CHECK(p.span.Of(text) == std::string_view(src).substr(p.source_begin, p.span.size()),
               "paragraph %zu [%u,%u) differs from the source bytes at %u", i, p.span.begin,
               p.span.end, p.source_begin);
    covered += p.span.size();
    last_end = p.span.end;
  }
  // The clean text is the paragraphs joined by '\n'.
  if (!d.paragraphs.empty()) {
    FUZZ_CHECK(covered + d.paragraphs.size() - 1 == text.size(),
               "paragraphs (%zu bytes in %zu) do not make up the clean text (%zu bytes)", covered,
               d.paragraphs.size(), text.size());
  }
  for (const rasd::Removed& r : d.removed) {
    FUZZ_CHECK(r.source.begin <= r.source.end && r.source.end <= src.size(),
               "removed span [%u,%u) outside the source (%zu), reason %s", r.source.begin,
               r.source.end, src.size(), r.reason.c_str());
    FUZZ_CHECK(rasd::fuzz::OnBoundary(src, r.source.begin) && rasd::fuzz::OnBoundary(src, r.source.end),
               "removed span [%u,%u) splits a code point (%s)", r.source.begin, r.source.end,
               r.reason.c_str());
    FUZZ_CHECK(!r.reason.empty(), "removed span without a reason");
  }
  FUZZ_CHECK(d.id.size() == 16, "document id '%s' is not 16 hex digits", d.id.c_str());
  d.published.Iso();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rasd::fuzz::Fields f(rasd::fuzz::AsView(data, size));
  std::string_view flags = f.Next();
  rasd::RawDoc raw;
  raw.uri = flags.size() > 1 && (flags[1] & 1) ? "" : "fuzz.txt";
  raw.content_type = "text/plain";
  rasd::SourceText src;
  src.encoding = "utf-8";
  src.hints.title = rasd::utf8::Sanitize(f.Next());
  if (!src.hints.title.empty()) src.hints.title_from = "jsonl:title";
  src.hints.date = rasd::utf8::Sanitize(f.Next());
  if (!src.hints.date.empty()) src.hints.date_from = "jsonl:date";
  src.hints.outlet = rasd::utf8::Sanitize(f.Next());
  if (!src.hints.outlet.empty()) src.hints.outlet_from = "jsonl:source";
  src.hints.url = rasd::utf8::Sanitize(f.Next());
  src.text = rasd::utf8::Sanitize(f.Rest());
  raw.hints = src.hints;
  raw.bytes = src.text;
  // An HTML-like dropped block over the first line, as Decode would give.
  if (!flags.empty() && (flags[0] & 1)) {
    size_t nl = src.text.find('\n');
    if (nl != std::string::npos) src.dropped.push_back({{0, static_cast<uint32_t>(nl)}, "nav"});
  }
  rasd::clean::CleanOptions o;
  if (!flags.empty()) {
    o.split_appended = !(flags[0] & 2);
    o.appended_min_paragraphs = 1 + ((flags[0] >> 2) & 3);
    o.long_paragraph_words = 1 + ((flags[0] >> 4) & 15);
  }
  auto docs = rasd::clean::Clean(raw, src, o);
  if (!docs.ok()) return 0;
  FUZZ_CHECK(!docs->empty(), "Clean succeeded with no document");
  for (const rasd::Document& d : *docs) {
    CheckDocument(d);
  }
  rasd::clean::CanonicalOutlet(src.hints.outlet);
  return 0;
}
