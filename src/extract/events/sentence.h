// One sentence with everything the event extractor reads from it (internal).
#ifndef RASD_EXTRACT_EVENTS_SENTENCE_H_
#define RASD_EXTRACT_EVENTS_SENTENCE_H_

#include <string>
#include <vector>

#include "extract/events/lexicon.h"
#include "rasd/events.h"

namespace rasd::events {

struct SentenceView {
  const Inputs* in = nullptr;
  size_t begin = 0, end = 0;             // token range
  Span span;                             // sentence span in the text
  const std::vector<std::string>* stems = nullptr;  // per token of the document
  std::vector<int> mentions;             // indices into in->mentions inside the sentence
  std::vector<int> dates;                // indices into in->dates
  std::vector<int> counts;               // indices into in->counts
  std::vector<TriggerMatch> triggers;

  const text::Token& tok(size_t i) const { return (*in->tokens)[i]; }
  const std::string& stem(size_t i) const { return (*stems)[i]; }
  const ner::Mention& mention(int m) const { return (*in->mentions)[m]; }
};

// Binary features of a sentence for the scorer, for triggers of `type`.
std::vector<std::string> Features(const SentenceView& s, std::string_view type);

// The scorer: logistic weights read from data/events/reported.model.
class Scorer {
 public:
  static const Scorer& Default();
  // Probability that the sentence reports an event of `type`.
  float Probability(const std::vector<std::string>& features, std::string_view type) const;
  float threshold(std::string_view type) const;
  // Whether the scorer was trained for `type` (it has a threshold for it).
  bool Knows(std::string_view type) const { return thresholds_.count(std::string(type)) > 0; }

 private:
  Scorer();
  std::unordered_map<std::string, float> weights_;
  std::unordered_map<std::string, float> thresholds_;  // per type; "" = default
};

}  // namespace rasd::events

#endif  // RASD_EXTRACT_EVENTS_SENTENCE_H_
