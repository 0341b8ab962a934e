// Scoring rasd against public gold data (../shared/data). Each evaluator
// reads its gold files from a directory, runs the relevant stage, and returns
// a report: the figures, and every miss when asked.
#ifndef RASD_EVAL_H_
#define RASD_EVAL_H_

#include <string>

#include "rasd/status.h"

namespace rasd::eval {

struct EvalOptions {
  std::string data_dir;  // the folder holding the gold data sets (../shared/data)
  int max_misses = 50;   // misses listed in the report (-1 for all)
};

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
