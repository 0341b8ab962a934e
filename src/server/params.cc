#include "server/params.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace rasd::server {

StatusOr<Params> Params::Check(const Request& r, std::initializer_list<const char*> allowed) {
  std::set<std::string> seen;
  for (const auto& param : r.params) {
    const std::string& name = param.first;  // not a structured binding: clang 14 cannot capture those
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; });
    if (!known) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return Status::InvalidArgument("unknown parameter \"" + name + "\"" +
                                     (list.empty() ? " (this endpoint takes none)" : " (allowed: " + list + ")"));
    }
    if (!seen.insert(name).second) return Status::InvalidArgument("parameter \"" + name + "\" is given twice");
  }
  Params p;
  p.r_ = &r;
  return p;
}

std::string Params::Text(const char* name, const std::string& fallback) const {
  auto it = r_->params.find(name);
  return it == r_->params.end() ? fallback : it->second;
}

StatusOr<size_t> Params::Size(const char* name, size_t fallback, size_t max) const {
  auto it = r_->params.find(name);
  if (it == r_->params.end() || it->second.empty()) return fallback;
  const std::string& v = it->second;
  if (v.size() > 9 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::InvalidArgument(std::string(name) + " must be a whole number (got \"" + v + "\")");
  }
  size_t n = std::stoul(v);
  if (n > max) return Status::InvalidArgument(std::string(name) + " must be at most " + std::to_string(max));
  return n;
}

StatusOr<bool> Params::Flag(const char* name) const {
  auto it = r_->params.find(name);
  if (it == r_->params.end()) return false;
  const std::string& v = it->second;
  if (v == "" || v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no") return false;
  return Status::InvalidArgument(std::string(name) + " must be 1 or 0 (got \"" + v + "\")");
}

StatusOr<corpus::Filters> Params::Filters() const {
  corpus::Filters f;
  f.outlet = Text("outlet");
  f.from = Text("from");
  f.to = Text("to");
  f.entity = Text("entity");
  f.event_type = Text("event_type");
  auto q = Flag("has_quotes");
  if (!q.ok()) return q.status();
  f.has_quotes = *q;
  return f;
}

}  // namespace rasd::server
