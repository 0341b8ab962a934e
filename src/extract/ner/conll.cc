#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>

#include "rasd/ner.h"

namespace rasd::ner {

StatusOr<std::vector<TaggedSentence>> ReadConll(const std::string& path, bool split_on_period) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<TaggedSentence> out;
  TaggedSentence cur;
  auto flush = [&] {
    if (!cur.tokens.empty()) out.push_back(std::move(cur));
    cur = TaggedSentence();
  };
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    size_t sep = line.find_last_of(" \t");
    if (sep != std::string::npos && line.find_first_not_of(" \t") == sep + 1) continue;  // " O": no token
    if (sep == std::string::npos) {
      return Status::InvalidArgument(path + ": line " + std::to_string(line_no) + ": expected 'token TAG'");
    }
    std::string token = line.substr(0, sep);
    std::string tag = line.substr(sep + 1);
    size_t end = token.find_last_not_of(" \t");
    token.resize(end + 1);
    cur.tokens.push_back(token);
    cur.tags.push_back(tag);
    if (split_on_period && (token == "." || token == "!" || token == "?" || token == "؟")) flush();
  }
  flush();
  return out;
}

size_t SplitDevTail(std::vector<TaggedSentence>* train, double fraction, std::vector<TaggedSentence>* dev) {
  dev->clear();
  if (!(fraction > 0)) return 0;
  const size_t n = train->size();
  size_t moved = fraction >= 1 ? n : static_cast<size_t>(static_cast<double>(n) * fraction + 0.5);
  moved = std::min(moved, n);
  dev->assign(std::make_move_iterator(train->end() - static_cast<long>(moved)),
              std::make_move_iterator(train->end()));
  train->resize(n - moved);
  return moved;
}

}  // namespace rasd::ner

#include <unordered_set>

namespace rasd::ner {
namespace {

// Hashes of every run of n tokens (whole sentence when shorter).
template <typename F>
void ForEachRun(const TaggedSentence& s, size_t n, F f) {
  std::hash<std::string> h;
  if (s.tokens.size() < n) {
    std::string all;
    for (const auto& t : s.tokens) all += t + "\x1f";
    f(h(all));
    return;
  }
  for (size_t i = 0; i + n <= s.tokens.size(); ++i) {
    std::string run;
    for (size_t k = i; k < i + n; ++k) run += s.tokens[k] + "\x1f";
    f(h(run));
  }
}

}  // namespace

size_t RemoveOverlap(std::vector<TaggedSentence>* train, const std::vector<TaggedSentence>& test,
                     size_t n) {
  std::unordered_set<size_t> runs;
  for (const TaggedSentence& s : test) ForEachRun(s, n, [&](size_t h) { runs.insert(h); });
  size_t before = train->size();
  std::erase_if(*train, [&](const TaggedSentence& s) {
    bool hit = false;
    ForEachRun(s, n, [&](size_t h) { hit = hit || runs.count(h) > 0; });
    return hit;
  });
  return before - train->size();
}

}  // namespace rasd::ner
