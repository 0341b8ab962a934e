// quotes::Extract on clean text (valid UTF-8): quote, cue and speaker spans in
// bounds and on boundaries; speaker_from points to an earlier quote, and
// SpeakerSource always ends on a valid index.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/quotes.h"
#include "rasd/utf8.h"

namespace quotes = rasd::quotes;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = rasd::utf8::Sanitize(rasd::fuzz::AsView(data, size));
  std::vector<quotes::Quote> qs = quotes::Extract(text);
  for (size_t i = 0; i < qs.size(); ++i) {
    const quotes::Quote& q = qs[i];
    rasd::fuzz::CheckSpan(text, q.span, "quote");
    rasd::fuzz::CheckSpan(text, q.cue, "cue");
    rasd::fuzz::CheckSpan(text, q.speaker, "speaker");
    FUZZ_CHECK(q.speaker_from >= -1 && q.speaker_from < static_cast<int>(qs.size()),
               "quote %zu speaker_from %d out of range (%zu quotes)", i, q.speaker_from, qs.size());
    quotes::SpeakerKindName(q.speaker_kind);
    int src = quotes::SpeakerSource(qs, static_cast<int>(i));
    FUZZ_CHECK(src >= 0 && src < static_cast<int>(qs.size()), "SpeakerSource(%zu) = %d", i, src);
  }
  // The overload over given tokens must agree with the one that tokenizes.
  std::vector<quotes::Quote> again = quotes::Extract(text, rasd::text::Tokenize(text));
  FUZZ_CHECK(again.size() == qs.size(), "Extract(text, tokens) found %zu quotes, Extract(text) %zu",
             again.size(), qs.size());
  return 0;
}
