#include <algorithm>
#include <cstdio>
#include <tuple>
#include <filesystem>
#include <sstream>

#include "eval/util.h"
#include "rasd/eval.h"
#include "rasd/ner.h"

namespace rasd::eval {
namespace {

struct Chunk {
  size_t begin, end;
  std::string type;
  bool operator<(const Chunk& o) const {
    return std::tie(begin, end, type) < std::tie(o.begin, o.end, o.type);
  }
};

std::string TypeOf(const std::string& tag) {
  if (tag.size() < 3 || tag[1] != '-') return "";
  std::string t = tag.substr(2);
  if (t == "PERS") return "PER";
  if (t.rfind("MIS", 0) == 0) return "MISC";
  if (t == "GPE") return "LOC";
  if (t == "NORP") return "";
  return t;
}

// Chunks of a BIO (or IOB1) sequence: an I- tag that does not continue the
// previous type starts a chunk, as conlleval reads it.
std::set<Chunk> Chunks(const std::vector<std::string>& tags, const std::set<std::string>& keep) {
  std::set<Chunk> out;
  std::string cur;
  size_t start = 0;
  auto close = [&](size_t end) {
    if (!cur.empty() && (keep.empty() || keep.count(cur))) out.insert({start, end, cur});
    cur.clear();
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string type = TypeOf(tags[i]);
    bool begin = !tags[i].empty() && tags[i][0] == 'B';
    if (type.empty()) {
      close(i);
    } else if (begin || type != cur) {
      close(i);
      cur = type;
      start = i;
    }
  }
  close(tags.size());
  return out;
}

std::string Line(const std::string& label, const EntityScores::Counts& c) {
  double p = c.tp + c.fp ? 100.0 * c.tp / (c.tp + c.fp) : 0;
  double r = c.tp + c.fn ? 100.0 * c.tp / (c.tp + c.fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  char buf[256];
  std::snprintf(buf, sizeof buf, "  %-8s precision %6.2f  recall %6.2f  F1 %6.2f  (gold %zu, found %zu)\n",
                label.c_str(), p, r, f, c.tp + c.fn, c.tp + c.fp);
  return buf;
}

StatusOr<std::string> Evaluate(const ner::Recognizer& rec, const std::vector<ner::TaggedSentence>& data,
                               const std::set<std::string>& keep, const std::string& title,
                               EntityScores* scores = nullptr) {
  // The corpora have no article breaks; blocks of 20 consecutive sentences
  // stand in for documents (the second pass uses document context).
  std::vector<std::vector<std::string>> gold, pred;
  size_t tokens = 0;
  constexpr size_t kBlock = 20;
  for (size_t b = 0; b < data.size(); b += kBlock) {
    std::vector<std::vector<std::string>> block;
    for (size_t i = b; i < std::min(data.size(), b + kBlock); ++i) {
      block.push_back(data[i].tokens);
      gold.push_back(data[i].tags);
      tokens += data[i].tokens.size();
    }
    for (auto& t : rec.TagDocument(block)) pred.push_back(std::move(t));
  }
  EntityScores sc = ScoreEntities(gold, pred, keep);
  if (scores) *scores = sc;
  std::ostringstream out;
  out << title << " (" << data.size() << " sentences, " << tokens << " tokens)\n";
  out << Line("overall", sc.overall);
  for (const auto& [type, c] : sc.by_type) out << Line(type, c);
  return out.str();
}

}  // namespace

double EntityScores::F1(const Counts& c) const {
  double p = c.tp + c.fp ? static_cast<double>(c.tp) / (c.tp + c.fp) : 0;
  double r = c.tp + c.fn ? static_cast<double>(c.tp) / (c.tp + c.fn) : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

EntityScores ScoreEntities(const std::vector<std::vector<std::string>>& gold,
                           const std::vector<std::vector<std::string>>& predicted,
                           const std::set<std::string>& keep) {
  EntityScores sc;
  for (size_t s = 0; s < gold.size() && s < predicted.size(); ++s) {
    std::set<Chunk> g = Chunks(gold[s], keep), p = Chunks(predicted[s], keep);
    for (const Chunk& c : p) {
      auto& counts = sc.by_type[c.type];
      if (g.count(c)) {
        ++counts.tp;
        ++sc.overall.tp;
      } else {
        ++counts.fp;
        ++sc.overall.fp;
      }
    }
    for (const Chunk& c : g) {
      if (!p.count(c)) {
        ++sc.by_type[c.type].fn;
        ++sc.overall.fn;
      }
    }
  }
  return sc;
}

StatusOr<std::string> NerOn(const std::string& model, const std::vector<ner::TaggedSentence>& data,
                            const std::string& title, EntityScores* scores) {
  auto rec = ner::Recognizer::FromModel(model);
  if (!rec.ok()) return rec.status();
  return Evaluate(**rec, data, {}, title, scores);
}

StatusOr<std::string> Ner(const EvalOptions& options) {
  std::unique_ptr<ner::Recognizer> own;
  const ner::Recognizer* rec = nullptr;
  if (options.model_path.empty()) {
    rec = &ner::Recognizer::Default();
  } else {
    auto bytes = ReadAll(options.model_path);
    if (!bytes.ok()) return bytes.status();
    auto r = ner::Recognizer::FromModel(*bytes);
    if (!r.ok()) return r.status();
    own = std::move(*r);
    rec = own.get();
  }
  std::string report;
  auto test = ner::ReadConll(options.data_dir + "/anercorp/ANERCorp_CamelLab_test.txt", false);
  if (!test.ok()) return test.status();
  auto a = Evaluate(*rec, *test, {}, "ANERcorp CAMeL test split, conlleval entity level");
  if (!a.ok()) return a.status();
  report += *a;
  // AQMAR: every article file, PER/LOC/ORG only.
  std::vector<ner::TaggedSentence> aqmar;
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(options.data_dir + "/aqmar", ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto s = ner::ReadConll(f, false);
    if (!s.ok()) return s.status();
    aqmar.insert(aqmar.end(), s->begin(), s->end());
  }
  if (!aqmar.empty()) {
    auto b = Evaluate(*rec, aqmar, {"PER", "LOC", "ORG"},
                      "AQMAR (Wikipedia, out of domain; PER/LOC/ORG, its MISC classes ignored)");
    if (!b.ok()) return b.status();
    report += *b;
  }
  return report;
}

}  // namespace rasd::eval
