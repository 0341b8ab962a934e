// Quotes and who said them: direct quotes in any quotation style, indirect
// ("قال X إن ..."), attribution phrases ("وبحسب X، فإن ...", "وفقاً لـ X"),
// and cues with no subject ("وأضاف", "وتابع", "مشيراً إلى أن") that continue
// the previous speaker.
//
//   std::vector<rasd::quotes::Quote> qs = rasd::quotes::Extract(doc.text);
//   for (const auto& q : qs) {
//     // q.span: the quoted words; q.speaker: the phrase naming the speaker as
//     // written (for a continuation, the speaker of q.speaker_from).
//   }
#ifndef RASD_QUOTES_H_
#define RASD_QUOTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/text.h"

namespace rasd::quotes {

enum class SpeakerKind {
  kNamed,         // a phrase with a name: "المتحدث باسم التحالف، العقيد واين ماروتو"
  kOrganization,  // an institution speaking: "المكتب الإعلامي للتحالف الدولي", "التحالف الدولي"
  kAnonymous,     // an unnamed source kept as described: "مصدر دبلوماسي أميركي", "مصادر محلية"
  kUnknown,       // a cue whose speaker could not be found
};
const char* SpeakerKindName(SpeakerKind k);

struct Quote {
  Span span;         // the quoted words (inside the marks for direct quotes)
  bool direct = false;
  Span cue;          // the cue word as written: "قال", "وأضاف", "مشيراً", "وبحسب"
  std::string cue_lemma;  // its base form, normalized: "قال", "اضاف", "اشار", "حسب"
  Span speaker;      // the speaker phrase as written in this sentence; empty for a continuation
  SpeakerKind speaker_kind = SpeakerKind::kUnknown;
  // For a continuation ("وأضاف"), or a description that refers back to an
  // earlier speaker ("المسؤول الأميركي" after "المبعوث الأميركي ... إيان مكاري"),
  // the index of the quote whose speaker this one shares; -1 otherwise.
  int speaker_from = -1;
  bool continuation = false;  // the cue had no subject of its own
};

// Quotes in `text`, in order. Spans are byte offsets into `text`.
std::vector<Quote> Extract(std::string_view text);
// The same over tokens already made by text::Tokenize(text).
std::vector<Quote> Extract(std::string_view text, const std::vector<text::Token>& tokens);

// The quote whose speaker phrase names the speaker of qs[i], following
// continuations back to the start (qs[i] itself when it names one).
int SpeakerSource(const std::vector<Quote>& qs, int i);

}  // namespace rasd::quotes

#endif  // RASD_QUOTES_H_
