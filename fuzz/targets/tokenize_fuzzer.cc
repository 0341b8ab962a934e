// text::Tokenize / ForEachToken / SplitProclitics: token spans in bounds,
// ordered and not overlapping, on UTF-8 boundaries (for valid text),
// body_begin inside the span, and ForEachToken equal to Tokenize.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace text = rasd::text;

namespace {

void CheckTokens(std::string_view s, bool valid) {
  std::vector<text::Token> tokens = text::Tokenize(s);
  uint32_t last_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    FUZZ_CHECK(t.span.begin < t.span.end, "token %zu is empty [%u,%u)", i, t.span.begin, t.span.end);
    FUZZ_CHECK(t.span.end <= s.size(), "token %zu [%u,%u) past the end %zu", i, t.span.begin,
               t.span.end, s.size());
    FUZZ_CHECK(t.span.begin >= last_end, "token %zu starts at %u before the previous end %u", i,
               t.span.begin, last_end);
    FUZZ_CHECK(t.body_begin >= t.span.begin && t.body_begin <= t.span.end,
               "token %zu body_begin %u outside [%u,%u)", i, t.body_begin, t.span.begin, t.span.end);
    if (valid) {
      rasd::fuzz::CheckSpan(s, t.span, "token");
      FUZZ_CHECK(rasd::fuzz::OnBoundary(s, t.body_begin), "token %zu body_begin %u splits a code point",
                 i, t.body_begin);
      FUZZ_CHECK(rasd::utf8::FindInvalid(t.norm) == std::string::npos, "token %zu norm invalid", i);
      FUZZ_CHECK(rasd::utf8::FindInvalid(t.stem) == std::string::npos, "token %zu stem invalid", i);
    }
    text::TokenKindName(t.kind);
    last_end = t.span.end;
  }
  size_t k = 0;
  text::ForEachToken(s, [&](const text::Token& t) {
    FUZZ_CHECK(k < tokens.size() && t.span == tokens[k].span && t.body_begin == tokens[k].body_begin &&
                   t.kind == tokens[k].kind && t.norm == tokens[k].norm && t.stem == tokens[k].stem,
               "ForEachToken differs from Tokenize at token %zu", k);
    ++k;
  });
  FUZZ_CHECK(k == tokens.size(), "ForEachToken gave %zu tokens, Tokenize %zu", k, tokens.size());
  for (const text::Token& t : tokens) {
    if (t.kind != text::TokenKind::kWord) continue;
    text::Clitics c = text::SplitProclitics(t.norm);
    FUZZ_CHECK(c.conj <= 1 && c.prep <= 1 && c.prefix_chars <= t.norm.size(), "odd clitics");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in = rasd::fuzz::AsView(data, size);
  const bool valid = rasd::utf8::FindInvalid(in) == std::string::npos;
  CheckTokens(in, valid);
  if (!valid) CheckTokens(rasd::utf8::Sanitize(in), true);
  return 0;
}
