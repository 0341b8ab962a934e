// Query parameters of an API request, checked (internal to server).
#ifndef RASD_SERVER_PARAMS_H_
#define RASD_SERVER_PARAMS_H_

#include <initializer_list>
#include <optional>
#include <string>

#include "rasd/corpus.h"
#include "rasd/server.h"

namespace rasd::server {

class Params {
 public:
  // Fails when the request has a parameter not in `allowed` (a typo would
  // otherwise be silently ignored) or one given twice.
  static StatusOr<Params> Check(const Request& r, std::initializer_list<const char*> allowed);

  std::string Text(const char* name, const std::string& fallback = "") const;
  StatusOr<size_t> Size(const char* name, size_t fallback, size_t max) const;
  StatusOr<bool> Flag(const char* name) const;
  // outlet, from, to, entity, event_type, has_quotes.
  StatusOr<corpus::Filters> Filters() const;

 private:
  const Request* r_ = nullptr;
};

// The filter parameters every listing accepts.
#define RASD_FILTER_PARAMS "outlet", "from", "to", "entity", "event_type", "has_quotes"

}  // namespace rasd::server

#endif  // RASD_SERVER_PARAMS_H_
