// Conflict events: who did what to whom, where, when and how many.
//
// Triggers come from a lexicon (data/events/triggers.tsv) over word stems;
// each trigger becomes an event candidate with PLOVER type and mode, its
// arguments are found around it (agents, targets, place, date, counts), its
// modality is read from cues (negated, future, hypothetical, whose claim),
// and a sentence-level scorer (data/events/reported.model, a logistic model
// over rasd's own features) decides whether the sentence reports a concrete
// occurrence or only mentions one ("بعد اغتيال رفيق الحريري").
//
//   rasd::events::Inputs in{doc.text, tokens, sentences, mentions, dates, counts, doc.published};
//   for (const rasd::events::Event& e : rasd::events::Extract(in)) { ... }
#ifndef RASD_EVENTS_H_
#define RASD_EVENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/dates.h"
#include "rasd/document.h"
#include "rasd/ner.h"
#include "rasd/numbers.h"
#include "rasd/quotes.h"
#include "rasd/text.h"

namespace rasd::events {

enum class Modality { kAsserted, kNegated, kFuture, kHypothetical };
const char* ModalityName(Modality m);

// An actor or victim: a mention when there is one, else the phrase as written
// ("اثنين من الإرهابيين على صلة بخلية تنظيم داعش", "عنصر من فرق الهندسة").
struct Argument {
  Span span;
  int mention = -1;  // index into Inputs::mentions, or -1 for a description
};

struct EventCount {
  std::string role;  // "killed", "injured", "arrested", "operations", "troops", "other"
  double value = 0, high = 0;
  bool approximate = false;
  bool vague = false;  // a vague quantity: عشرات، مئات (value is its low end)
  Span span;
};

struct Event {
  std::string type;  // PLOVER: ASSAULT, COERCE, PROTEST, ...
  std::string mode;  // aerial, shelling, armed-clash, bombing, arrest, raid, ...
  Span trigger;
  Span sentence;
  std::vector<Argument> agents, targets;
  bool claimed = false;  // the agent claimed it ("تبنّى التنظيم اغتيال …")
  // The most specific place named for it, and what contains it.
  int location_mention = -1;
  const ner::GazetteerEntry* place = nullptr;
  const ner::GazetteerEntry* within = nullptr;
  Span location;
  // When: a date expression of the sentence, else the publication date.
  std::string date;        // ISO value or interval; empty when unknown
  std::string date_from;   // "text", "text-unresolved", "publication", ""
  Span date_span;
  std::string date_relative;  // the relative meaning when unresolved ("weekday:0:this")
  std::vector<EventCount> counts;
  Modality modality = Modality::kAsserted;
  Span reported_by;        // "أفادت مصادر محلية", "بحسب المرصد"
  float confidence = 0;    // how sure rasd is that the sentence reports this event
};

struct Inputs {
  std::string_view text;
  const std::vector<text::Token>* tokens = nullptr;
  const std::vector<Span>* sentences = nullptr;
  const std::vector<ner::Mention>* mentions = nullptr;
  const std::vector<dates::DateExpr>* dates = nullptr;
  const std::vector<numbers::Count>* counts = nullptr;
  const std::vector<quotes::Quote>* quotes = nullptr;  // events inside direct quotes are claims
  Published published;
};

struct Options {
  float min_confidence = 0.5f;  // events scored lower are not reported
  bool keep_all = false;         // keep low-scored candidates too (marked by confidence)
};

// Events of a document, in order.
std::vector<Event> Extract(const Inputs& in, const Options& options = {});

// Sentence-level detection for evaluation: the best confidence of an event of
// `type` in a single sentence (0 when there is no trigger of that type).
float SentenceScore(std::string_view sentence, std::string_view type);

// Events of one sentence analysed on its own (spans are into `sentence`).
std::vector<Event> ExtractFromSentence(std::string_view sentence, const Options& options = {});

// The report threshold the scorer uses for `type` (from data/events/reported.model).
float Threshold(std::string_view type);

// The features the sentence scorer uses, for training it (`rasd train events`).
struct Example {
  std::vector<std::string> features;
  bool label = false;
};
std::vector<std::string> SentenceFeatures(std::string_view sentence, std::string_view type);
// Trains the scorer (logistic regression, deterministic); returns the model file text.
std::string TrainScorer(const std::vector<Example>& examples, int epochs, double l2);

}  // namespace rasd::events

#endif  // RASD_EVENTS_H_
