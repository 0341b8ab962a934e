// dates::Extract on clean text (valid UTF-8), with and without a publication
// date to anchor relative expressions. Input: 0x1F-separated publication
// date text (parsed with calendar::ParseDateText) and the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/calendar.h"
#include "rasd/dates.h"
#include "rasd/utf8.h"

namespace dates = rasd::dates;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rasd::fuzz::Fields f(rasd::fuzz::AsView(data, size));
  std::string_view pub = f.Next();
  const std::string text = rasd::utf8::Sanitize(f.Rest());
  dates::Context ctx;
  if (auto p = rasd::calendar::ParseDateText(pub)) {
    ctx.publication.time = p->time;
    ctx.publication.precision = p->precision;
    ctx.publication.from = "fuzz";
  }
  std::vector<dates::DateExpr> found = dates::Extract(text, ctx);
  uint32_t last_end = 0;
  for (size_t i = 0; i < found.size(); ++i) {
    const dates::DateExpr& d = found[i];
    rasd::fuzz::CheckSpan(text, d.span, "date");
    FUZZ_CHECK(d.span.begin < d.span.end, "date %zu is empty", i);
    FUZZ_CHECK(i == 0 || d.span.begin >= last_end, "date %zu [%u,%u) overlaps the previous (end %u)",
               i, d.span.begin, d.span.end, last_end);
    FUZZ_CHECK(rasd::utf8::FindInvalid(d.value) == std::string::npos, "value invalid UTF-8");
    FUZZ_CHECK(rasd::utf8::FindInvalid(d.explanation) == std::string::npos, "explanation invalid UTF-8");
    dates::GranularityName(d.granularity);
    dates::ResolutionName(d.resolution);
    last_end = d.span.end;
  }
  return 0;
}
