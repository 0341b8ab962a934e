// The search query language and its translation to SQLite FTS5.
//
//   قوات سوريا                words (all must match, in any form: التحالف finds وللتحالف)
//   "قوات سوريا الديمقراطية"  a phrase
//   تحال*                     a prefix
//   داعش -العراق              NOT (also: داعش NOT العراق)
//   غارة OR قصف               OR (also: أو); AND is implied (also: AND, و)
//   (غارة OR قصف) إدلب        grouping
//
// Words are analysed like the indexed text (normalization, clitics, light
// stem), so a query never needs diacritics or a particular spelling.
#ifndef RASD_SEARCH_H_
#define RASD_SEARCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"

namespace rasd::search {

struct ParsedQuery {
  std::string fts;  // an FTS5 MATCH expression; every word is a quoted string
  // Stems of the words to highlight (NOT words excluded); prefixes end with '*'.
  std::vector<std::string> highlight;
};

constexpr size_t kMaxQueryBytes = 1000;

// Parses the query language above. Unbalanced quotes or parentheses, a
// dangling operator, or a query with only NOT terms are errors with a message
// for the user; nothing the user types reaches FTS5 unquoted.
StatusOr<ParsedQuery> Parse(std::string_view query);

// The term FTS5 indexes for a word (and for a prefix query, its prefix):
// the light stem of the normalized word.
std::string IndexTerm(std::string_view word);

}  // namespace rasd::search

#endif  // RASD_SEARCH_H_
