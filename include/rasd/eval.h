// Scoring rasd against public gold data (../shared/data). Each evaluator
// reads its gold files from a directory, runs the relevant stage, and returns
// a report: the figures, and every miss when asked.
#ifndef RASD_EVAL_H_
#define RASD_EVAL_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "rasd/status.h"

namespace rasd::ner {
struct TaggedSentence;
}

namespace rasd::eval {

struct EvalOptions {
  std::string data_dir;  // the folder holding the gold data sets (../shared/data)
  int max_misses = 50;   // misses listed in the report (-1 for all)
  std::string model_path;  // NER model to evaluate (empty: the shipped one)
  // Events: score the even (development) rows of arabic_event_gsr instead of the
  // held-out odd rows, for work on the extractor without looking at the test rows.
  bool development_rows = false;
};

// Entity-level (conlleval) precision/recall/F1 of BIO tag sequences.
struct EntityScores {
  struct Counts {
    size_t tp = 0, fp = 0, fn = 0;
  };
  std::map<std::string, Counts> by_type;
  Counts overall;
  double F1(const Counts& c) const;
};
// Scores predicted tags against gold tags, sentence by sentence. Types not in
// `keep` (when non-empty) are ignored on both sides.
EntityScores ScoreEntities(const std::vector<std::vector<std::string>>& gold,
                           const std::vector<std::vector<std::string>>& predicted,
                           const std::set<std::string>& keep = {});

// NER: conlleval scores on the ANERcorp CAMeL test split, and out of domain
// on AQMAR (PER/LOC/ORG; its article-specific MISC classes ignored).
StatusOr<std::string> Ner(const EvalOptions& options);
// The same conlleval report for a model (the bytes `rasd train ner` writes)
// on any tagged sentences, e.g. a development tail of the training corpus;
// *scores (optional) gets the counts.
StatusOr<std::string> NerOn(const std::string& model, const std::vector<ner::TaggedSentence>& data,
                            const std::string& title, EntityScores* scores = nullptr);

// Events: sentence-level ASSAULT and PROTEST detection on the odd-numbered
// rows of arabic_event_gsr ("yes" against "easy no" + "difficult no"), and
// agent/target span overlap against *_spans.json.
StatusOr<std::string> Events(const EvalOptions& options);

// Duplicates: exact and near-duplicate counts on SaudiNewsNet (the exact
// ones checked against an independent count), and ANS stance pairs.
StatusOr<std::string> Dedupe(const EvalOptions& options);

// Trains the event-report scorer on the even-numbered rows of
// arabic_event_gsr (the development half), choosing its threshold by
// cross-validation; fills *model with the file data/events/reported.model.
StatusOr<std::string> TrainEvents(const EvalOptions& options, std::string* model);

// The light stemmer against arabic-stemming-golden (word → stem).
StatusOr<std::string> Stemmer(const EvalOptions& options);

// HTML main-text extraction against extraction-html-cnn-arabic (token F1)
// and trafilatura-ar (must / must-not snippets).
StatusOr<std::string> Html(const EvalOptions& options);

// Dates: duckling-ar Time corpus (reference time 2013-02-12T04:30 UTC-2),
// dateparser-ar cases, timeml-arabic-news TIMEX3 DATE values.
StatusOr<std::string> Dates(const EvalOptions& options);

// Numbers: duckling-ar Numeral (AR, AR_EG) and Ordinal corpora.
StatusOr<std::string> Numbers(const EvalOptions& options);

}  // namespace rasd::eval

#endif  // RASD_EVAL_H_
