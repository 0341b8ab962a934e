#include "rasd/data.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>

namespace rasd::data {
namespace internal {
struct Entry {
  const char* name;
  const char* begin;
  const char* end;
};
extern const Entry kEntries[];
extern const size_t kNumEntries;
}  // namespace internal

namespace {

// Files read from RASD_DATA_DIR, kept for the life of the process.
std::optional<std::string_view> FromOverrideDir(std::string_view name) {
  static const char* dir = std::getenv("RASD_DATA_DIR");
  if (dir == nullptr || *dir == '\0') return std::nullopt;
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<std::string>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) {
    if (!it->second) return std::nullopt;
    return std::string_view(*it->second);
  }
  std::ifstream in(std::string(dir) + "/" + std::string(name), std::ios::binary);
  std::unique_ptr<std::string> content;
  if (in) {
    std::ostringstream ss;
    ss << in.rdbuf();
    content = std::make_unique<std::string>(ss.str());
  }
  auto& slot = cache[std::string(name)];
  slot = std::move(content);
  if (!slot) return std::nullopt;
  return std::string_view(*slot);
}

}  // namespace

std::optional<std::string_view> Find(std::string_view name) {
  if (auto o = FromOverrideDir(name)) return o;
  for (size_t i = 0; i < internal::kNumEntries; ++i) {
    const auto& e = internal::kEntries[i];
    if (name == e.name) return std::string_view(e.begin, e.end - e.begin);
  }
  return std::nullopt;
}

std::string_view Get(std::string_view name) {
  auto f = Find(name);
  if (!f) {
    std::fprintf(stderr, "rasd: data file '%.*s' is missing from this build\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
  }
  return *f;
}

std::vector<std::string_view> List() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < internal::kNumEntries; ++i) names.push_back(internal::kEntries[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string_view> Lines(std::string_view file) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos < file.size()) {
    size_t nl = file.find('\n', pos);
    if (nl == std::string_view::npos) nl = file.size();
    std::string_view line = file.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line[0] != '#') out.push_back(line);
    pos = nl + 1;
  }
  return out;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(pos));
      break;
    }
    out.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
  return out;
}

}  // namespace rasd::data
