#include "clean/metadata.h"

#include <re2/re2.h>

#include <tuple>

#include "rasd/calendar.h"
#include "rasd/clean.h"

namespace rasd::clean {
namespace {

bool Parse(const std::string& text, const std::string& from, Published* out) {
  if (text.empty()) return false;
  auto p = calendar::ParseDateText(text);
  if (!p) return false;
  out->time = p->time;
  out->precision = p->precision;
  out->from = from;
  return true;
}

}  // namespace

bool DateFromUrl(const std::string& url, Published* out) {
  static const RE2 kSlashed(R"(/((?:19|20)\d\d)/(\d\d?)/(\d\d?)(?:/|$))");
  static const RE2 kCompact(R"([/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$))");
  int y, m, d;
  if (RE2::PartialMatch(url, kSlashed, &y, &m, &d) || RE2::PartialMatch(url, kCompact, &y, &m, &d)) {
    if (!calendar::IsValidDate(y, m, d)) return false;
    out->time = {y, m, d, -1, -1};
    out->precision = DatePrecision::kDay;
    out->from = "url";
    return true;
  }
  return false;
}

void ResolveMetadata(const MetadataHints& hints, const Findings& found, Document* doc) {
  if (doc->title.empty() && !hints.title.empty()) {
    doc->title = hints.title;
    doc->title_from = hints.title_from.empty() ? "metadata" : hints.title_from;
  }
  doc->author = hints.author;
  doc->description = hints.description;

  // Date: structured field > header line > crawl date > URL.
  Published p;
  bool crawl = hints.date_from.starts_with("warc:");
  if (!crawl && Parse(hints.date, hints.date_from.empty() ? "metadata" : hints.date_from, &p)) {
  } else if (Parse(found.date_text, "header-line", &p)) {
  } else if (crawl && Parse(hints.date, hints.date_from, &p)) {
  } else if (!DateFromUrl(hints.url, &p)) {
    for (const std::string& d : found.embed_dates) {
      Published q;
      if (Parse(d, "embedded-post", &q) && q.precision >= DatePrecision::kDay &&
          (!p.known() || std::tie(q.time.year, q.time.month, q.time.day) >
                             std::tie(p.time.year, p.time.month, p.time.day))) {
        p = q;
        p.precision = DatePrecision::kDay;
      }
    }
  }
  doc->published = p;

  // Outlet: a named field > a signature in the text > the URL's host.
  auto canonical = [](const std::string& s) {
    std::string c = CanonicalOutlet(s);
    return c.empty() ? s : c;
  };
  if (!hints.outlet.empty()) {
    doc->outlet = canonical(hints.outlet);
    doc->outlet_from = hints.outlet_from.empty() ? "metadata" : hints.outlet_from;
  } else if (!found.outlet_text.empty()) {
    doc->outlet = canonical(found.outlet_text);
    doc->outlet_from = "signature-line";
  } else if (!hints.url.empty()) {
    std::string c = CanonicalOutlet(hints.url);
    if (!c.empty()) {
      doc->outlet = c;
      doc->outlet_from = "url";
    }
  }
}

}  // namespace rasd::clean
