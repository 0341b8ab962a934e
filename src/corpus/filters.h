// Filters turned into SQL (internal). Every value is a bound parameter.
#ifndef RASD_CORPUS_FILTERS_H_
#define RASD_CORPUS_FILTERS_H_

#include <string>
#include <vector>

#include "rasd/corpus.h"
#include "store/sqlite.h"

namespace rasd::corpus {

struct Sql {
  std::string where;                 // " AND ..." conditions (empty when no filter)
  std::vector<std::string> params;   // text parameters, numbered from `first`
  int first = 1;
  // Appends a condition; each '?' in `cond` becomes the next numbered parameter.
  void Add(const std::string& cond, std::vector<std::string> values);
  void BindAll(store::Stmt* s) const;
  int Next() const { return first + static_cast<int>(params.size()); }
};

// Entity ids for an id or a name (any variant, normalized); empty when unknown.
std::vector<std::string> EntityIds(store::Db* db, const std::string& id_or_name);

// Checks an ISO date filter ("2015", "2015-07", "2015-07-21").
Status CheckDate(const std::string& value, const char* what);

// A PLOVER type in upper case, or an error naming the types rasd extracts.
StatusOr<std::string> EventType(const std::string& raw);

// Conditions on documents aliased `d` for the shared filters (the event type
// filter included). Fails on a malformed date or an unknown entity.
StatusOr<Sql> DocumentFilters(store::Db* db, const Filters& f, int first_param);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_FILTERS_H_
