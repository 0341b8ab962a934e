// Event triggers and cue words (data/events/*.tsv), matched over token stems
// (internal to events).
#ifndef RASD_EXTRACT_EVENTS_LEXICON_H_
#define RASD_EXTRACT_EVENTS_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/text.h"

namespace rasd::events {

enum class Part { kVerb, kNoun, kInstrument };

struct TriggerForm {
  std::vector<std::string> words;  // stems (or exact normalized words when exact)
  bool exact = false;
  std::string type, mode;
  Part part = Part::kNoun;
  std::string surface;  // the form normalized, as written in the lexicon
};

struct TriggerMatch {
  size_t begin, end;  // token range
  const TriggerForm* form;
};

// A word as the lexicons see it: its light stem, and its normalized form
// without a conjunction.
std::string WordKey(const text::Token& t);

class Lexicon {
 public:
  static const Lexicon& Default();
  Lexicon(const Lexicon&) = delete;  // large tables
  Lexicon& operator=(const Lexicon&) = delete;

  // Every trigger in tokens [begin, end), longest form first at each position.
  std::vector<TriggerMatch> Triggers(const std::vector<text::Token>& tokens,
                                     const std::vector<std::string>& stems, size_t begin,
                                     size_t end) const;

  // Whether tokens[i..] starts a cue phrase of `kind`; returns its length in tokens (0: no).
  size_t CueAt(std::string_view kind, const std::vector<std::string>& stems, size_t i, size_t end) const;

 private:
  Lexicon();
  std::vector<TriggerForm> forms_;
  std::unordered_map<std::string, std::vector<size_t>> by_first_;  // first word → forms
  // kind → phrases (as word-stem sequences) indexed by first stem
  std::unordered_map<std::string, std::unordered_map<std::string, std::vector<std::vector<std::string>>>> cues_;
};

}  // namespace rasd::events

#endif  // RASD_EXTRACT_EVENTS_LEXICON_H_
