#include <simdjson.h>

#include <map>
#include <sstream>

#include "eval/util.h"
#include "rasd/eval.h"
#include "rasd/pipeline.h"

namespace rasd::eval {
namespace {

std::map<std::string, int> Bag(std::string_view s) {
  std::map<std::string, int> bag;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    size_t b = pos;
    while (pos < s.size() && !std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos > b) ++bag[std::string(s.substr(b, pos - b))];
  }
  return bag;
}

// Token-level (bag of whitespace tokens) F1 of `got` against `want`.
double TokenF1(std::string_view got, std::string_view want, double* p, double* r) {
  auto g = Bag(got), w = Bag(want);
  size_t common = 0, ng = 0, nw = 0;
  for (const auto& [t, n] : g) {
    ng += n;
    auto it = w.find(t);
    if (it != w.end()) common += std::min(n, it->second);
  }
  for (const auto& [t, n] : w) nw += n;
  *p = ng ? static_cast<double>(common) / ng : 0;
  *r = nw ? static_cast<double>(common) / nw : 0;
  return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

StatusOr<std::string> MainText(const std::string& html, const std::string& uri) {
  RawDoc raw;
  raw.uri = uri;
  raw.content_type = "text/html";
  raw.bytes = html;
  Analyzer analyzer;
  auto r = analyzer.Analyze(raw);
  if (!r.ok()) return r.status();
  std::string text;
  for (const Analysis& a : *r) text += a.doc.text + "\n";
  return text;
}

}  // namespace

StatusOr<std::string> Html(const EvalOptions& options) {
  std::ostringstream out;
  // 1. CNN Arabic page with its expected body.
  std::string dir = options.data_dir + "/extraction-html-cnn-arabic";
  auto html = ReadAll(dir + "/arabic_article.html");
  if (!html.ok()) return html.status();
  auto want = ReadAll(dir + "/arabic.txt");
  if (!want.ok()) return want.status();
  auto got = MainText(*html, "arabic_article.html");
  if (!got.ok()) return got.status();
  double p, r;
  double f1 = TokenF1(*got, *want, &p, &r);
  char buf[256];
  std::snprintf(buf, sizeof buf, "extraction-html-cnn-arabic: token P %.3f R %.3f F1 %.3f\n", p, r, f1);
  out << buf;

  // 2. trafilatura's Arabic page: snippets that must and must not appear.
  std::string tdir = options.data_dir + "/trafilatura-ar";
  auto entries = ReadAll(tdir + "/evaldata_ar_entries.json");
  if (!entries.ok()) return entries.status();
  simdjson::dom::parser parser;
  simdjson::padded_string padded(*entries);
  simdjson::dom::object root;
  if (parser.parse(padded).get(root)) return Status::InvalidArgument("bad trafilatura entries");
  int with_ok = 0, with_n = 0, without_ok = 0, without_n = 0;
  for (auto [url, entry] : root) {
    std::string_view file;
    if (entry["file"].get(file)) continue;
    auto page = ReadAll(tdir + "/" + std::string(file));
    if (!page.ok()) return page.status();
    auto text = MainText(*page, std::string(file));
    if (!text.ok()) return text.status();
    simdjson::dom::array with, without;
    if (!entry["with"].get(with)) {
      for (auto s : with) {
        std::string_view v;
        if (s.get(v)) continue;
        ++with_n;
        bool found = text->find(v) != std::string::npos;
        with_ok += found;
        if (!found) out << "  missing required snippet: " << v << "\n";
      }
    }
    if (!entry["without"].get(without)) {
      for (auto s : without) {
        std::string_view v;
        if (s.get(v)) continue;
        ++without_n;
        bool found = text->find(v) != std::string::npos;
        without_ok += !found;
        if (found) out << "  present forbidden snippet: " << v << "\n";
      }
    }
  }
  out << "trafilatura-ar: with " << with_ok << "/" << with_n << " present, without " << without_ok
      << "/" << without_n << " absent\n";
  return out.str();
}

}  // namespace rasd::eval
