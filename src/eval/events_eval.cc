#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "eval/util.h"
#include "rasd/eval.h"
#include "rasd/events.h"
#include "rasd/text.h"

namespace rasd::eval {
namespace {

struct Row {
  long index = -1;  // the file's own row number (first column)
  std::string id, label, text;
  int accept = 0, total = 0;  // the coders' votes
};

StatusOr<std::vector<Row>> ReadGsr(const std::string& path) {
  auto csv = ReadCsv(path);
  if (!csv.ok()) return csv.status();
  if (csv->empty()) return Status::InvalidArgument(path + ": empty");
  const auto& header = csv->front();
  auto col = [&](const char* name) {
    return std::find(header.begin(), header.end(), name) - header.begin();
  };
  size_t id = col("id"), label = col("label"), text = col("text"), accept = col("accept"),
         total = col("total");
  std::vector<Row> rows;
  for (size_t r = 1; r < csv->size(); ++r) {
    const auto& f = (*csv)[r];
    if (f.size() <= std::max({id, label, text})) continue;
    Row row;
    row.index = std::strtol(f[0].c_str(), nullptr, 10);
    row.id = f[id];
    row.label = f[label];
    row.text = f[text];
    if (accept < f.size()) row.accept = std::atoi(f[accept].c_str());
    if (total < f.size()) row.total = std::atoi(f[total].c_str());
    rows.push_back(std::move(row));
  }
  return rows;
}

bool Usable(const Row& r) { return r.label == "yes" || r.label == "easy no" || r.label == "difficult no"; }

std::vector<std::string> Augment(const std::vector<std::string>& f, const std::string& type) {
  std::vector<std::string> out;
  for (const std::string& x : f) {
    out.push_back(x);
    out.push_back(type + ":" + x);
  }
  return out;
}

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double R() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
  std::string Line(const std::string& label) const {
    char buf[256];
    std::snprintf(buf, sizeof buf, "  %-10s P %.3f  R %.3f  F1 %.3f  (tp %zu, fp %zu, fn %zu)\n", label.c_str(), P(),
                  R(), F(), tp, fp, fn);
    return buf;
  }
};

const char* kTypes[] = {"ASSAULT", "PROTEST"};

std::string FileOf(const std::string& dir, const std::string& type) {
  return dir + "/arabic_event_gsr/" + (type == "ASSAULT" ? "assault" : "protest") + "_gsr.csv";
}

// Whitespace tokens of a string, normalized.
std::set<std::string> TokenSet(std::string_view s) {
  std::set<std::string> out;
  for (const text::Token& t : text::Tokenize(s)) {
    if (t.kind != text::TokenKind::kPunct) out.insert(t.stem);
  }
  return out;
}

bool Overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

}  // namespace

StatusOr<std::string> TrainEvents(const EvalOptions& options, std::string* model) {
  std::ostringstream report;
  std::vector<events::Example> all;
  std::vector<std::string> texts;  // per example, for debugging output
  std::map<std::string, std::vector<std::pair<size_t, bool>>> by_type;  // example index, label
  for (const char* type : kTypes) {
    auto rows = ReadGsr(FileOf(options.data_dir, type));
    if (!rows.ok()) return rows.status();
    size_t yes = 0, no = 0, no_trigger = 0;
    for (const Row& r : *rows) {
      if (r.index % 2 != 0 || !Usable(r)) continue;  // develop on even rows only
      auto f = events::SentenceFeatures(r.text, type);
      bool label = r.label == "yes";
      (label ? yes : no)++;
      if (f.empty()) {
        if (label && std::getenv("RASD_DEBUG_ERRORS")) report << "NOTRIG " << type << " " << r.text.substr(0, 200) << "\n";
        ++no_trigger;
        by_type[type].push_back({SIZE_MAX, label});
        continue;
      }
      by_type[type].push_back({all.size(), label});
      all.push_back({Augment(f, type), label});
      texts.push_back(r.text);
    }
    report << type << ": " << yes << " yes and " << no << " no among the even rows; " << no_trigger
           << " have no " << type << " trigger\n";
  }
  const int epochs = std::getenv("RASD_EV_EPOCHS") ? std::atoi(std::getenv("RASD_EV_EPOCHS")) : 30;
  const double l2 = std::getenv("RASD_EV_L2") ? std::atof(std::getenv("RASD_EV_L2")) : 1e-3;
  // Threshold per type by 5-fold cross-validation over the even rows: the
  // highest F1 among thresholds whose precision is at least 0.85.
  std::vector<double> oof(all.size(), 0);
  for (int fold = 0; fold < 5; ++fold) {
    std::vector<events::Example> train;
    for (size_t i = 0; i < all.size(); ++i) {
      if (static_cast<int>(i % 5) != fold) train.push_back(all[i]);
    }
    std::string text = events::TrainScorer(train, epochs, l2);
    std::map<std::string, double> w;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      w[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
    }
    for (size_t i = 0; i < all.size(); ++i) {
      if (static_cast<int>(i % 5) != fold) continue;
      double z = 0;
      for (const auto& f : all[i].features) {
        if (auto it = w.find(f); it != w.end()) z += it->second;
      }
      oof[i] = 1 / (1 + std::exp(-z));
    }
  }
  if (const char* dbg = std::getenv("RASD_DEBUG_ERRORS")) {
    for (auto [i, label] : by_type[dbg]) {
      if (i == SIZE_MAX) {
        if (label) report << "NOTRIG " << "\n";
        continue;
      }
      bool pred = oof[i] >= 0.5;
      if (pred != label) report << (label ? "FN " : "FP ") << oof[i] << " " << texts[i].substr(0, 250) << "\n";
    }
  }
  std::string thresholds;
  for (const char* type : kTypes) {
    // The highest F1 whose precision reaches 0.85; when none does, the highest F1.
    double best_t = 0.5, best_f = -1, any_t = 0.5, any_f = -1;
    Counts best, any;
    for (int k = 5; k <= 95; ++k) {
      double t = k / 100.0;
      Counts prf;
      for (auto [i, label] : by_type[type]) {
        bool pred = i != SIZE_MAX && oof[i] >= t;
        if (pred && label) ++prf.tp;
        else if (pred) ++prf.fp;
        else if (label) ++prf.fn;
      }
      if (std::getenv("RASD_DEBUG_THRESHOLDS") && k % 5 == 0) report << "    t=" << t << " " << prf.Line(type);
      if (prf.F() > any_f) {
        any_f = prf.F();
        any_t = t;
        any = prf;
      }
      if (prf.P() >= 0.85 && prf.F() > best_f) {
        best_f = prf.F();
        best_t = t;
        best = prf;
      }
    }
    if (best_f < 0) {
      report << type << ": no threshold reaches precision 0.85 in cross-validation; using the best F1\n";
      best_t = any_t;
      best = any;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "@threshold:%s\t%.2f\n", type, best_t);
    thresholds += buf;
    report << "cross-validated on the even rows, threshold " << best_t << ":\n" << best.Line(type);
  }
  *model = events::TrainScorer(all, epochs, l2) + thresholds;
  return report.str();
}

StatusOr<std::string> Events(const EvalOptions& options) {
  std::ostringstream out;
  const int rows_kept = options.development_rows ? 0 : 1;
  out << (options.development_rows
              ? "arabic_event_gsr, even-numbered rows (development; the held-out figures are without --dev)\n"
              : "arabic_event_gsr, odd-numbered rows (held out; rasd was developed on the even rows)\n");
  std::map<std::string, std::string> type_of_id;
  for (const char* type : kTypes) {
    auto rows = ReadGsr(FileOf(options.data_dir, type));
    if (!rows.ok()) return rows.status();
    Counts prf;
    std::vector<const Row*> misses;
    for (const Row& r : *rows) {
      if (r.index % 2 != rows_kept || !Usable(r)) continue;
      type_of_id[r.id] = type;
      float score = events::SentenceScore(r.text, type);
      bool pred = score >= 0.5f;  // the confidence rasd keeps events at by default
      bool gold = r.label == "yes";
      if (pred && gold) ++prf.tp;
      else if (pred) { ++prf.fp; misses.push_back(&r); }
      else if (gold) { ++prf.fn; misses.push_back(&r); }
    }
    out << prf.Line(type);
    // How well one coder agrees with a gold whose "yes" needs every coder: on
    // each row a coder says yes with the row's share of accept votes.
    double one_tp = 0, one_fp = 0;
    for (const Row& r : *rows) {
      if (r.index % 2 != rows_kept || !Usable(r) || r.total <= 0) continue;
      (r.label == "yes" ? one_tp : one_fp) += static_cast<double>(r.accept) / r.total;
    }
    if (one_tp > 0) {
      double p = one_tp / (one_tp + one_fp);
      char buf[160];
      std::snprintf(buf, sizeof buf, "    one coder against this gold (expected from the votes): P %.3f  R 1.000  F1 %.3f\n",
                    p, 2 * p / (p + 1));
      out << buf;
    }
    int listed = 0;
    for (const Row* r : misses) {
      if (options.max_misses >= 0 && listed++ >= options.max_misses) break;
      out << "    " << (r->label == "yes" ? "missed: " : "false:  ") << r->text.substr(0, 300) << "\n";
    }
  }
  // Agent and target spans against the coders' spans, on held-out "yes" sentences.
  Counts agents, targets;
  for (const char* type : kTypes) {
    std::string path = options.data_dir + "/arabic_event_gsr/" + (std::string(type) == "ASSAULT" ? "assault" : "protest") +
                       "_spans.json";
    auto bytes = ReadAll(path);
    if (!bytes.ok()) return bytes.status();
    simdjson::dom::parser parser;
    simdjson::padded_string padded(*bytes);
    simdjson::dom::array items;
    if (parser.parse(padded).get(items)) return Status::InvalidArgument(path + ": not a JSON array");
    for (auto item : items) {
      std::string_view id, text;
      if (item["source"].get(id) || item["text"].get(text)) continue;
      auto it = type_of_id.find(std::string(id));
      if (it == type_of_id.end() || it->second != type) continue;  // the rows scored above
      std::vector<std::set<std::string>> gold_src, gold_tgt;
      std::vector<std::string> gold_src_text, gold_tgt_text;  // for RASD_DEBUG_SPANS
      simdjson::dom::array spans;
      if (item["spans"].get(spans)) continue;
      for (auto sp : spans) {
        for (auto [key, list] : {std::pair{"source_actor", &gold_src}, std::pair{"target_actor", &gold_tgt}}) {
          simdjson::dom::array words;
          if (sp[key].get(words)) continue;
          std::string joined;
          for (auto w : words) {
            std::string_view v;
            if (!w.get(v)) joined += std::string(v) + " ";
          }
          auto set = TokenSet(joined);
          // The coders' tuples repeat one another; count each distinct span once.
          if (!set.empty() && std::find(list->begin(), list->end(), set) == list->end()) {
            list->push_back(set);
            (list == &gold_src ? gold_src_text : gold_tgt_text).push_back(joined);
          }
        }
      }
      std::vector<std::set<std::string>> pred_src, pred_tgt;
      std::vector<std::string> pred_src_text, pred_tgt_text;
      events::Options all_events;
      all_events.keep_all = true;  // arguments are scored given the event, whatever its score
      for (const events::Event& e : events::ExtractFromSentence(text, all_events)) {
        if (e.type != type) continue;
        for (const auto& a : e.agents) {
          pred_src.push_back(TokenSet(a.span.Of(text)));
          pred_src_text.emplace_back(a.span.Of(text));
        }
        for (const auto& a : e.targets) {
          pred_tgt.push_back(TokenSet(a.span.Of(text)));
          pred_tgt_text.emplace_back(a.span.Of(text));
        }
      }
      if (std::getenv("RASD_DEBUG_SPANS")) {
        // Every sentence with its gold and predicted spans; "-" marks a miss.
        auto list = [&](const char* label, const std::vector<std::set<std::string>>& sets,
                        const std::vector<std::string>& texts,
                        const std::vector<std::set<std::string>>& other) {
          out << "    " << label;
          for (size_t i = 0; i < sets.size(); ++i) {
            bool hit = false;
            for (const auto& o : other) hit = hit || Overlap(sets[i], o);
            out << (hit ? " [+" : " [-") << texts[i] << "]";
          }
          out << "\n";
        };
        out << "SPANS " << type << " " << text << "\n";
        list("gold agents: ", gold_src, gold_src_text, pred_src);
        list("ours agents: ", pred_src, pred_src_text, gold_src);
        list("gold targets:", gold_tgt, gold_tgt_text, pred_tgt);
        list("ours targets:", pred_tgt, pred_tgt_text, gold_tgt);
      }
      for (auto [pred, gold, prf] : {std::tuple{&pred_src, &gold_src, &agents}, std::tuple{&pred_tgt, &gold_tgt, &targets}}) {
        for (const auto& p : *pred) {
          bool hit = false;
          for (const auto& g : *gold) hit = hit || Overlap(p, g);
          (hit ? prf->tp : prf->fp)++;
        }
        for (const auto& g : *gold) {
          bool hit = false;
          for (const auto& p : *pred) hit = hit || Overlap(p, g);
          if (!hit) prf->fn++;
        }
      }
    }
  }
  Counts both{agents.tp + targets.tp, agents.fp + targets.fp, agents.fn + targets.fn};
  out << "agent/target span overlap on the \"yes\" sentences of these rows in *_spans.json:\n"
      << agents.Line("agents") << targets.Line("targets") << both.Line("both");
  return out.str();
}

}  // namespace rasd::eval
