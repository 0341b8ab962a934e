// events::Extract fed the way Analyzer feeds it: tokens, sentences (capped at
// a maximum length as AnalyzeOptions::max_sentence_tokens does), mentions,
// dates resolved against a publication date, counts and quotes of one clean
// text (valid UTF-8). Mentions come either from the shipped recognizer (with
// gazetteer entries) or, much faster, from a fuzzed list of token ranges and
// types, so the argument logic sees every arrangement of names.
//
// Input: 0x1F-separated mode byte, publication date text (parsed with
// calendar::ParseDateText), mention list (3 bytes per mention: first token,
// length, type), then the text.
//
// Checked: every span (trigger, sentence, arguments, place, date, counts,
// reported_by) lies in the text on UTF-8 boundaries; the trigger is inside
// its sentence; mention indexes are in range; confidence is a number in
// [0, 1] and at least min_confidence unless keep_all; counts are not NaN; type,
// mode, role and date strings are valid UTF-8; ExtractFromSentence and
// SentenceScore of the first sentence obey the same rules.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/calendar.h"
#include "rasd/dates.h"
#include "rasd/events.h"
#include "rasd/ner.h"
#include "rasd/numbers.h"
#include "rasd/pipeline.h"
#include "rasd/quotes.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace events = rasd::events;
using rasd::fuzz::CheckSpan;

namespace {

void CheckString(const std::string& s, const char* what) {
  FUZZ_CHECK(rasd::utf8::FindInvalid(s) == std::string::npos, "%s is invalid UTF-8", what);
}

void CheckEvents(std::string_view text, const std::vector<events::Event>& evs, size_t mentions,
                 const events::Options& o) {
  for (size_t i = 0; i < evs.size(); ++i) {
    const events::Event& e = evs[i];
    FUZZ_CHECK(!e.type.empty(), "event %zu has no type", i);
    CheckString(e.type, "type");
    CheckString(e.mode, "mode");
    CheckString(e.date, "date");
    CheckString(e.date_from, "date_from");
    CheckString(e.date_relative, "date_relative");
    CheckSpan(text, e.trigger, "trigger");
    FUZZ_CHECK(!e.trigger.empty(), "event %zu has an empty trigger", i);
    CheckSpan(text, e.sentence, "sentence");
    FUZZ_CHECK(e.sentence.begin <= e.trigger.begin && e.trigger.end <= e.sentence.end,
               "event %zu trigger [%u,%u) outside its sentence [%u,%u)", i, e.trigger.begin, e.trigger.end,
               e.sentence.begin, e.sentence.end);
    for (const auto* args : {&e.agents, &e.targets}) {
      for (const events::Argument& a : *args) {
        CheckSpan(text, a.span, "argument");
        FUZZ_CHECK(a.mention >= -1 && a.mention < static_cast<int>(mentions), "argument mention %d of %zu",
                   a.mention, mentions);
      }
    }
    FUZZ_CHECK(e.location_mention >= -1 && e.location_mention < static_cast<int>(mentions),
               "location_mention %d of %zu", e.location_mention, mentions);
    CheckSpan(text, e.location, "location");
    CheckSpan(text, e.date_span, "date_span");
    CheckSpan(text, e.reported_by, "reported_by");
    for (const events::EventCount& c : e.counts) {
      CheckSpan(text, c.span, "event count");
      CheckString(c.role, "count role");
      FUZZ_CHECK(!std::isnan(c.value) && !std::isnan(c.high), "NaN count in event %zu", i);
    }
    FUZZ_CHECK(e.confidence >= 0 && e.confidence <= 1, "event %zu confidence %f", i, e.confidence);
    FUZZ_CHECK(o.keep_all || e.confidence >= o.min_confidence, "event %zu confidence %f under %f", i,
               e.confidence, o.min_confidence);
    events::ModalityName(e.modality);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rasd::fuzz::Fields f(rasd::fuzz::AsView(data, size));
  const std::string_view flags = f.Next();
  const uint8_t mode = flags.empty() ? 0 : static_cast<uint8_t>(flags[0]);
  const std::string_view pub = f.Next();
  const std::string_view spec = f.Next();
  const std::string text = rasd::utf8::Sanitize(f.Rest());

  const std::vector<rasd::text::Token> tokens = rasd::text::Tokenize(text);
  const size_t cap = (mode & 4) ? 6 : 400;  // AnalyzeOptions::max_sentence_tokens is 400
  const std::vector<rasd::Span> sentences = rasd::CapSentences(rasd::text::SplitSentences(text), tokens, cap);

  std::vector<rasd::ner::Mention> mentions;
  if (mode & 1) {
    mentions = rasd::ner::Recognizer::Default().Find(text, tokens);
  } else if (!tokens.empty()) {
    // Token ranges from the spec, in order and not overlapping, like the tagger's.
    std::vector<std::pair<size_t, size_t>> ranges;
    std::vector<uint8_t> types;
    for (size_t k = 0; k + 3 <= spec.size(); k += 3) {
      size_t first = static_cast<uint8_t>(spec[k]) % tokens.size();
      size_t len = 1 + static_cast<uint8_t>(spec[k + 1]) % 3;
      ranges.emplace_back(first, std::min(tokens.size(), first + len));
      types.push_back(static_cast<uint8_t>(spec[k + 2]));
    }
    std::vector<size_t> order(ranges.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a] < ranges[b]; });
    size_t next_free = 0;
    for (size_t k : order) {
      auto [first, last] = ranges[k];
      if (first < next_free) continue;
      rasd::ner::Mention m;
      m.span = {tokens[first].body_begin, tokens[last - 1].span.end};
      m.type = static_cast<rasd::ner::EntityType>(types[k] % 6);
      m.confidence = (types[k] >> 3) / 31.0f;
      if (types[k] & 0x80 && first > 0) m.role = tokens[first - 1].span;
      m.key = rasd::text::NormalizeKey(m.span.Of(text));
      mentions.push_back(std::move(m));
      next_free = last;
    }
  }

  rasd::dates::Context dc;
  if (auto p = rasd::calendar::ParseDateText(pub)) {
    dc.publication.time = p->time;
    dc.publication.precision = p->precision;
    dc.publication.from = "fuzz";
  }
  const std::vector<rasd::dates::DateExpr> dates = rasd::dates::Extract(text, dc);
  rasd::numbers::Options no;
  no.acled_vague_numbers = mode & 8;
  const std::vector<rasd::numbers::Count> counts = rasd::numbers::ExtractCounts(text, no);
  const std::vector<rasd::quotes::Quote> quotes = rasd::quotes::Extract(text, tokens);

  events::Inputs in;
  in.text = text;
  in.tokens = &tokens;
  in.sentences = &sentences;
  in.mentions = (mode & 16) ? nullptr : &mentions;
  in.dates = (mode & 32) ? nullptr : &dates;
  in.counts = &counts;
  in.quotes = (mode & 64) ? nullptr : &quotes;
  in.published = dc.publication;
  events::Options o;
  o.keep_all = mode & 2;
  CheckEvents(text, events::Extract(in, o), in.mentions ? mentions.size() : 0, o);

  if ((mode & 128) && !sentences.empty()) {
    // One sentence on its own (what `rasd train events` and eval use); spans are into the sentence.
    const std::string sentence(sentences[0].Of(text));
    CheckEvents(sentence, events::ExtractFromSentence(sentence, o), 1u << 30, o);
    for (const char* type : {"ASSAULT", "PROTEST", "COERCE"}) {
      float s = events::SentenceScore(sentence, type);
      FUZZ_CHECK(s >= 0 && s <= 1, "SentenceScore %f", s);
    }
  }
  return 0;
}
