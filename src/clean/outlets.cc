#include <string>
#include <unordered_map>

#include "rasd/clean.h"
#include "rasd/data.h"
#include "rasd/text.h"

namespace rasd::clean {
namespace {

class OutletTable {
 public:
  OutletTable() {
    for (std::string_view line : data::Lines(data::Get("outlets.tsv"))) {
      auto f = data::Fields(line);
      std::string canonical(f[0]);
      names_[Key(f[0])] = canonical;
      if (f.size() > 1) ForEach(f[1], [&](std::string_view n) { names_[Key(n)] = canonical; });
      if (f.size() > 2) ForEach(f[2], [&](std::string_view h) { hosts_[std::string(h)] = canonical; });
    }
  }
  std::string ByName(std::string_view name) const {
    auto it = names_.find(Key(name));
    return it == names_.end() ? "" : it->second;
  }
  // Tries the host, then the host with its path's first segment ("bbc.com/arabic").
  std::string ByUrl(std::string_view url) const {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return "";
    std::string_view rest = url.substr(scheme + 3);
    size_t slash = rest.find('/');
    std::string host(rest.substr(0, slash));
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (host.starts_with("www.")) host.erase(0, 4);
    if (slash != std::string_view::npos) {
      std::string_view path = rest.substr(slash + 1);
      std::string first(path.substr(0, path.find('/')));
      if (auto it = hosts_.find(host + "/" + first); it != hosts_.end()) return it->second;
    }
    // Also match parent domains: "news.alhurra.com" → "alhurra.com".
    std::string h = host;
    while (!h.empty()) {
      if (auto it = hosts_.find(h); it != hosts_.end()) return it->second;
      size_t dot = h.find('.');
      if (dot == std::string::npos) break;
      h.erase(0, dot + 1);
    }
    return "";
  }

 private:
  static std::string Key(std::string_view s) {
    std::string k = text::NormalizeKey(s);
    std::string out;
    for (char c : k) {
      if (c == ' ' || c == '-' || c == '_' || c == '.') continue;
      out.push_back(c);
    }
    return out;
  }
  template <typename F>
  static void ForEach(std::string_view list, F f) {
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t bar = list.find('|', pos);
      if (bar == std::string_view::npos) bar = list.size();
      if (bar > pos) f(list.substr(pos, bar - pos));
      pos = bar + 1;
    }
  }
  std::unordered_map<std::string, std::string> names_;
  std::unordered_map<std::string, std::string> hosts_;
};

const OutletTable& Table() {
  static const OutletTable t;
  return t;
}

}  // namespace

std::string CanonicalOutlet(std::string_view name_or_url) {
  if (name_or_url.find("://") != std::string_view::npos) return Table().ByUrl(name_or_url);
  return Table().ByName(name_or_url);
}

}  // namespace rasd::clean
