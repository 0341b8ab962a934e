#include <simdjson.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "eval/util.h"
#include "rasd/eval.h"
#include "rasd/text.h"

namespace rasd::eval {

StatusOr<std::string> Stemmer(const EvalOptions& options) {
  std::string path = options.data_dir + "/arabic-stemming-golden/golden_corpus_arabic.json";
  auto bytes = ReadAll(path);
  if (!bytes.ok()) return bytes.status();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::padded_string padded(*bytes);
  if (parser.parse(padded).get(root) || !root.is_array()) {
    return Status::InvalidArgument(path + ": not a JSON array");
  }
  struct Row {
    std::string word, gold, ours;
  };
  std::vector<Row> rows;
  simdjson::dom::array items;
  if (root.get_array().get(items)) return Status::InvalidArgument(path + ": not an array");
  for (simdjson::dom::element e : items) {
    std::string_view w, s;
    if (e["word"].get(w) || e["stem"].get(s)) continue;
    std::string norm = text::NormalizeKey(w);
    rows.push_back({std::string(w), text::NormalizeKey(s), text::LightStem(norm)});
  }
  size_t exact = 0, longer = 0, shorter = 0, other = 0;
  std::vector<const Row*> misses;
  for (const Row& r : rows) {
    if (r.ours == r.gold) {
      ++exact;
      continue;
    }
    if (r.ours.find(r.gold) != std::string::npos) {
      ++longer;  // we left affixes the gold strips
    } else if (r.gold.find(r.ours) != std::string::npos) {
      ++shorter;  // we cut into the gold stem
    } else {
      ++other;
    }
    misses.push_back(&r);
  }
  // Conflation: words the gold gives one stem should share one of ours.
  std::map<std::string, std::map<std::string, int>> groups;
  for (const Row& r : rows) ++groups[r.gold][r.ours];
  size_t in_majority = 0;
  for (const auto& [gold, ours] : groups) {
    int best = 0;
    for (const auto& [s, n] : ours) best = std::max(best, n);
    in_majority += best;
  }
  // Over-merging: distinct gold stems that end up with the same stem of ours.
  std::map<std::string, std::set<std::string>> ours_to_gold;
  for (const Row& r : rows) ours_to_gold[r.ours].insert(r.gold);
  size_t merged = 0;
  for (const auto& [s, golds] : ours_to_gold) {
    if (golds.size() > 1) merged += golds.size() - 1;
  }

  std::ostringstream out;
  out << "stemmer vs arabic-stemming-golden (" << rows.size() << " words, " << groups.size()
      << " gold stems)\n";
  out << Percent("exact stem match", exact, rows.size());
  out << Percent("  ours keeps affixes the gold strips", longer, rows.size());
  out << Percent("  ours cuts into the gold stem", shorter, rows.size());
  out << Percent("  other difference", other, rows.size());
  out << Percent("words in their gold group's majority stem (conflation)", in_majority, rows.size());
  out << "gold stems merged with another by ours: " << merged << "\n";
  int listed = 0;
  if (options.max_misses != 0 && !misses.empty()) out << "misses (word  gold  ours):\n";
  for (const Row* r : misses) {
    if (options.max_misses >= 0 && listed++ >= options.max_misses) break;
    out << "  " << r->word << "  " << r->gold << "  " << r->ours << "\n";
  }
  return out.str();
}

}  // namespace rasd::eval
