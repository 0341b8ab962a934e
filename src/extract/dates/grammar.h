// The date grammar (internal): finds date expressions in scanned tokens and
// says what each one means (Expr), without anchoring it.
//
//   std::vector<Match> found;
//   ParseTokens(tokens, &found);   // in order, not overlapping
#ifndef RASD_EXTRACT_DATES_GRAMMAR_H_
#define RASD_EXTRACT_DATES_GRAMMAR_H_

#include <vector>

#include "extract/dates/expr.h"
#include "extract/dates/scan.h"

namespace rasd::dates::internal {

struct Match {
  int begin = 0, end = 0;  // tokens [begin, end)
  Expr x;
};

void ParseTokens(const std::vector<Tok>& tokens, std::vector<Match>* out);

}  // namespace rasd::dates::internal

#endif  // RASD_EXTRACT_DATES_GRAMMAR_H_
