// `rasd eval dates`: the date extractor against three public gold sets.
//
//   duckling-ar/Time_AR_Corpus.jsonl    one expression per input, reference time
//                                       Tue 2013-02-12 04:30 (used as the publication date)
//   dateparser-ar/dateparser_ar_test_cases.jsonl   dateparser's Arabic test cases
//   timeml-arabic-news/Corpus_test/*.tml           TIMEX3 type=DATE in running news text
//
// Comparison rules (also printed with the figures):
// - duckling: each expected value is turned into a time interval: an instant at
//   grain G covers [t, t + 1 G), an interval (a, b) covers [a, b); rasd's value
//   is turned into the interval it names (a day, a week, "T15:00/T16:00" covers
//   15:00-17:00, ...). They must be equal. Seconds are compared as minutes (rasd
//   has no seconds). Where duckling collapses a part of a month to one day
//   ("منتصف آذار" = the 15th, "بداية شهر 3" = the 1st), a rasd range of at most
//   ten days containing that day counts too. The expression compared is rasd's
//   longest one in the input; a negative input passes when rasd finds nothing.
// - dateparser: expected datetimes are compared at the granularity rasd gives
//   (minute when rasd found a time). Relative cases use dateparser's own "now"
//   (2014-09-01 10:30) as the publication date.
// - timeml: gold DATE values against rasd's values in exact string form after
//   mapping rasd's notation to TimeML's: "199X" → "199", a century "1900/1999"
//   → "19", rasd's relative "now"/"present"/"past-ref"/"future-ref" →
//   PRESENT_REF/PAST_REF/FUTURE_REF, a part of a period compared by its base
//   (TimeML's value; the part is its mod), and gold values with mod=START/MID/END →
//   the early/mid/late part rasd writes as a range. The figures are printed
//   again without the gold values data/eval/timeml_gold_errors.tsv judges wrong. The corpus has no document
//   creation time; every deictic gold value ("اليوم") is 2015-12-24, so that
//   date is each document's publication date. Precision counts rasd expressions
//   that overlap a gold DATE or no gold TIMEX3 at all (those overlapping gold
//   DURATION/SET/TIME are another task).
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "eval/util.h"
#include "rasd/calendar.h"
#include "rasd/data.h"
#include "rasd/dates.h"
#include "rasd/eval.h"
#include "rasd/text.h"

namespace rasd::eval {
namespace {

using dates::DateExpr;
using dates::Granularity;

// Minutes since 1970-01-01 00:00.
using Minute = int64_t;
constexpr Minute kDay = 1440;

Minute At(int y, int m, int d, int h = 0, int mi = 0) {
  return calendar::DaysFromCivil(y, m, d) * kDay + h * 60 + mi;
}
Minute AddMonths(Minute t, int n) {
  int64_t days = t / kDay;
  int y, m, d;
  calendar::CivilFromDays(days, &y, &m, &d);
  int total = y * 12 + m - 1 + n;
  return At(total / 12, total % 12 + 1, d) + t % kDay;
}

struct Interval {
  Minute begin = 0, end = 0;  // [begin, end)
  bool ok = false;
  friend bool operator==(const Interval& a, const Interval& b) {
    return a.ok && b.ok && a.begin == b.begin && a.end == b.end;
  }
};

// One endpoint of a rasd value: "2021-02-22", "2021-W07", "2021-02", "2021-Q1", "2021",
// "199X", "2021-02-22T13:43", "2021-02-22T13:00". `unit` says how long it lasts.
bool ParsePoint(const std::string& s, Granularity unit, Interval* out) {
  int y = 0, m = 0, d = 0, h = 0, mi = 0;
  if (s.size() == 4 && s[3] == 'X') {
    y = std::atoi(s.substr(0, 3).c_str()) * 10;
    *out = {At(y, 1, 1), At(y + 10, 1, 1), true};
    return true;
  }
  if (s.size() >= 8 && s[5] == 'W') {
    y = std::atoi(s.c_str());
    int w = std::atoi(s.c_str() + 6);
    int64_t jan4 = calendar::DaysFromCivil(y, 1, 4);
    int wd = static_cast<int>(((jan4 % 7) + 7 + 3) % 7);  // Monday = 0
    int64_t monday = jan4 - wd + 7 * (w - 1);
    *out = {monday * kDay, (monday + 7) * kDay, true};
    return true;
  }
  if (s.size() >= 7 && s[5] == 'Q') {
    y = std::atoi(s.c_str());
    int q = s[6] - '0';
    Minute b = At(y, (q - 1) * 3 + 1, 1);
    *out = {b, AddMonths(b, 3), true};
    return true;
  }
  if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d", &y, &m, &d, &h, &mi) == 5) {
    Minute b = At(y, m, d, h, mi);
    *out = {b, b + (unit == Granularity::kHour ? 60 : 1), true};
    return true;
  }
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3) {
    *out = {At(y, m, d), At(y, m, d) + kDay, true};
    return true;
  }
  if (std::sscanf(s.c_str(), "%d-%d", &y, &m) == 2) {
    *out = {At(y, m, 1), AddMonths(At(y, m, 1), 1), true};
    return true;
  }
  if (s.size() == 4 && std::sscanf(s.c_str(), "%d", &y) == 1) {
    *out = {At(y, 1, 1), At(y + 1, 1, 1), true};
    return true;
  }
  return false;
}

Interval OfValue(const DateExpr& d) {
  Interval r;
  if (d.value.empty()) return r;
  size_t slash = d.value.find('/');
  if (slash == std::string::npos) {
    ParsePoint(d.value, d.granularity, &r);
    return r;
  }
  Interval a, b;
  std::string lo = d.value.substr(0, slash), hi = d.value.substr(slash + 1);
  Granularity unit = lo.find('T') != std::string::npos ? Granularity::kHour : Granularity::kDay;
  if (!ParsePoint(lo, unit, &a) || !ParsePoint(hi, unit, &b)) return r;
  return {a.begin, b.end, true};
}

// ---- duckling ----

struct DucklingValue {
  Interval span;
  std::string grain;
  bool day_instant = false;
  std::string text;
};

bool ParseTuple(const std::string& s, size_t* pos, int v[6]) {
  size_t open = s.find('(', *pos);
  if (open == std::string::npos) return false;
  while (open + 1 < s.size() && s[open + 1] == '(') ++open;
  size_t close = s.find(')', open);
  if (close == std::string::npos) return false;
  if (std::sscanf(s.c_str() + open + 1, "%d, %d, %d, %d, %d, %d", &v[0], &v[1], &v[2], &v[3], &v[4],
                  &v[5]) != 6) {
    return false;
  }
  *pos = close + 1;
  return true;
}

Minute GrainLength(const std::string& g, Minute start, Minute* end) {
  if (g == "Second" || g == "Minute") return *end = start + 1;
  if (g == "Hour") return *end = start + 60;
  if (g == "Day") return *end = start + kDay;
  if (g == "Week") return *end = start + 7 * kDay;
  if (g == "Month") return *end = AddMonths(start, 1);
  if (g == "Year") return *end = AddMonths(start, 12);
  return *end = start;
}

bool ParseDuckling(const std::string& e, DucklingValue* out) {
  out->text = e;
  int a[6], b[6];
  size_t pos = 0;
  bool interval = e.rfind("datetimeInterval", 0) == 0 || e.rfind("datetimeIntervalHoliday", 0) == 0;
  if (!ParseTuple(e, &pos, a)) return false;
  if (interval && !ParseTuple(e, &pos, b)) return false;
  size_t g0 = e.find_first_not_of(") ", pos);
  if (g0 == std::string::npos) return false;
  size_t g1 = e.find_first_of(" \"", g0);
  out->grain = e.substr(g0, g1 == std::string::npos ? std::string::npos : g1 - g0);
  Minute start = At(a[0], a[1], a[2], a[3], a[4]);
  if (interval) {
    out->span = {start, At(b[0], b[1], b[2], b[3], b[4]), true};
  } else {
    Minute end;
    GrainLength(out->grain, start, &end);
    out->span = {start, end, true};
    out->day_instant = out->grain == "Day";
  }
  return true;
}

std::string Describe(const std::vector<DateExpr>& found, std::string_view input) {
  if (found.empty()) return "(nothing)";
  std::string s;
  for (const DateExpr& d : found) {
    if (!s.empty()) s += " | ";
    s += "[" + std::string(d.span.Of(input)) + "] " + (d.value.empty() ? "-" : d.value) + " " +
         dates::GranularityName(d.granularity);
  }
  return s;
}

const DateExpr* Longest(const std::vector<DateExpr>& found) {
  const DateExpr* best = nullptr;
  for (const DateExpr& d : found) {
    if (best == nullptr || d.span.size() > best->span.size()) best = &d;
  }
  return best;
}

struct Section {
  std::ostringstream report;
  std::vector<std::string> misses;
};

void AddMisses(const EvalOptions& options, const std::vector<std::string>& misses,
               std::ostringstream* out) {
  if (options.max_misses == 0 || misses.empty()) return;
  *out << "  misses:\n";
  int listed = 0;
  for (const std::string& m : misses) {
    if (options.max_misses >= 0 && listed++ >= options.max_misses) {
      *out << "    ... " << misses.size() - options.max_misses << " more\n";
      break;
    }
    *out << "    " << m << "\n";
  }
}

Status EvalDuckling(const EvalOptions& options, std::ostringstream* out, double* accuracy) {
  std::string path = options.data_dir + "/duckling-ar/Time_AR_Corpus.jsonl";
  auto bytes = ReadAll(path);
  if (!bytes.ok()) return bytes.status();
  dates::Context ctx;
  ctx.publication.time = {2013, 2, 12, 4, 30};
  ctx.publication.precision = DatePrecision::kMinute;
  ctx.publication.from = "duckling reference time";
  simdjson::dom::parser parser;
  std::map<std::string, std::pair<size_t, size_t>> by_category;  // category → (ok, total)
  std::vector<std::string> misses;
  size_t ok_all = 0, total = 0, contained = 0;
  std::istringstream lines(*bytes);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) return Status::InvalidArgument(path + ": bad JSON line");
    bool negative = false;
    if (e["negative"].get(negative)) negative = false;
    std::string expected;
    std::string_view ev;
    if (!negative && !e["expected"].get(ev)) expected = std::string(ev);
    DucklingValue want;
    std::string category = "negative";
    if (!negative) {
      if (!ParseDuckling(expected, &want)) continue;
      bool holiday = expected.find("Holiday") != std::string::npos;
      bool interval = expected.rfind("datetimeInterval", 0) == 0;
      category = holiday ? "holiday" : interval ? "interval" : "instant:" + want.grain;
      if (category == "instant:Second") category = "instant:Minute";
    }
    simdjson::dom::array inputs;
    if (e["inputs"].get(inputs)) continue;
    for (simdjson::dom::element in : inputs) {
      std::string_view input;
      if (in.get(input)) continue;
      std::vector<DateExpr> found = dates::Extract(input, ctx);
      bool pass;
      bool by_containment = false;
      if (negative) {
        pass = found.empty();
      } else {
        const DateExpr* best = Longest(found);
        Interval got = best ? OfValue(*best) : Interval();
        pass = got == want.span;
        if (!pass && got.ok && want.day_instant && got.begin <= want.span.begin &&
            got.end >= want.span.end && got.end - got.begin <= 10 * kDay) {
          pass = by_containment = true;
        }
      }
      ++total;
      auto& c = by_category[category];
      ++c.second;
      if (pass) {
        ++ok_all;
        ++c.first;
        contained += by_containment;
      } else {
        misses.push_back(std::string(input) + "  want " + (negative ? "nothing" : expected) +
                         "  got " + Describe(found, input));
      }
    }
  }
  *out << "duckling-ar Time corpus (reference 2013-02-12T04:30 as the publication date)\n";
  *out << "  " << Percent("inputs resolved to the expected value", ok_all, total);
  for (const auto& [cat, c] : by_category) {
    *out << "    " << Percent(cat, c.first, c.second);
  }
  *out << "    (" << contained
       << " of them: a rasd range of <= 10 days containing duckling's day)\n";
  AddMisses(options, misses, out);
  *accuracy = total ? static_cast<double>(ok_all) / total : 0;
  return Status::Ok();
}

// ---- dateparser ----

// Minutes of "2014-09-01T10:30:00".
bool ParseIsoMinute(std::string_view s, Minute* t, bool* has_time) {
  int y, m, d, h = 0, mi = 0;
  int n = std::sscanf(std::string(s).c_str(), "%d-%d-%dT%d:%d", &y, &m, &d, &h, &mi);
  if (n < 3) return false;
  *t = At(y, m, d, h, mi);
  *has_time = n == 5;
  return true;
}

// rasd's value compared with an expected minute at rasd's granularity.
bool SameAtOurGrain(const DateExpr& d, Minute want) {
  Interval got = OfValue(d);
  return got.ok && got.begin <= want && want < got.end;
}

// "6 january 2015 05:16 pm" (a translation) or the tokens of test_split.
bool ParseTranslated(const std::vector<std::string>& words, Minute* t) {
  int day = 0, month = 0, year = 0, h = -1, mi = 0;
  bool pm = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.empty()) continue;
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      int v = std::atoi(w.c_str());
      size_t colon = w.find(':');
      if (colon != std::string::npos) {
        h = v;
        mi = std::atoi(w.c_str() + colon + 1);
      } else if (i + 2 < words.size() && words[i + 1] == ":") {
        h = v;
        mi = std::atoi(words[i + 2].c_str());
        i += 2;
      } else if (day == 0 && v <= 31) {
        day = v;
      } else if (v > 1000) {
        year = v;
      }
      continue;
    }
    std::string key = text::NormalizeKey(w);
    if (int m = calendar::MonthFromName(key)) month = m;
    if (key == "pm" || key.find("مساء") != std::string::npos) pm = true;
  }
  if (!day || !month || !year) return false;
  if (pm && h >= 0 && h < 12) h += 12;
  *t = At(year, month, day, std::max(h, 0), mi);
  return true;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

Status EvalDateparser(const EvalOptions& options, std::ostringstream* out) {
  std::string path = options.data_dir + "/dateparser-ar/dateparser_ar_test_cases.jsonl";
  auto bytes = ReadAll(path);
  if (!bytes.ok()) return bytes.status();
  simdjson::dom::parser parser;
  std::map<std::string, std::pair<size_t, size_t>> by_test;
  std::vector<std::string> misses, skipped;
  size_t ok_all = 0, total = 0;
  const Minute now = At(2014, 9, 1, 10, 30);
  dates::Context now_ctx;
  now_ctx.publication.time = {2014, 9, 1, 10, 30};
  now_ctx.publication.precision = DatePrecision::kMinute;
  std::istringstream lines(*bytes);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) return Status::InvalidArgument(path + ": bad JSON line");
    std::string_view test, input;
    if (e["test"].get(test) || e["input"].get(input)) continue;
    std::string name(test.substr(test.find("::") + 2));
    name = name.substr(0, name.find(' '));
    size_t cut = std::min<size_t>(input.size(), 80);
    while (cut < input.size() && cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80)
      --cut;
    std::string label =
        name + ": " + std::string(input.substr(0, cut)) + (cut < input.size() ? "…" : "");
    auto score = [&](bool pass, const std::string& want, const std::vector<DateExpr>& found) {
      ++total;
      auto& c = by_test[name];
      ++c.second;
      if (pass) {
        ++ok_all;
        ++c.first;
      } else {
        misses.push_back(label + "  want " + want + "  got " + Describe(found, input));
      }
    };
    std::string_view translation;
    if (name == "test_applicable_languages" || name == "test_not_applicable_languages" ||
        name == "test_detection") {
      skipped.push_back(label + "  (language identification, not a date)");
      continue;
    }
    if (name == "test_translation" || name == "test_split") {
      std::vector<std::string> words;
      if (!e["expected_translation"].get(translation)) {
        words = Words(translation);
      } else {
        simdjson::dom::array toks;
        if (e["expected_tokens"].get(toks)) continue;
        for (simdjson::dom::element t : toks) {
          std::string_view w;
          if (!t.get(w) && w != " ") words.emplace_back(w);
        }
      }
      Minute want;
      if (!ParseTranslated(words, &want)) continue;
      auto found = dates::Extract(input, {});
      const DateExpr* best = Longest(found);
      score(best && SameAtOurGrain(*best, want) && best->granularity == Granularity::kMinute,
            std::string(translation.empty() ? "(tokens)" : translation), found);
      continue;
    }
    if (name == "test_freshness_translation") {
      if (e["expected_translation"].get(translation)) continue;
      std::vector<std::string> w = Words(translation);
      // "1 day ago", "ago 2 hour", "0 day ago"; a count without "ago" is a duration.
      bool ago = std::find(w.begin(), w.end(), "ago") != w.end();
      int n = -1;
      std::string unit;
      for (const std::string& x : w) {
        if (!x.empty() && std::isdigit(static_cast<unsigned char>(x[0]))) n = std::atoi(x.c_str());
        if (x == "day" || x == "hour" || x == "year" || x == "month" || x == "week") unit = x;
      }
      if (!ago || n < 0) {
        skipped.push_back(label + "  (a duration \"" + std::string(translation) +
                          "\", not a point in time)");
        continue;
      }
      Minute want = unit == "hour" ? now - 60 * n : now - kDay * n;
      auto found = dates::Extract(input, now_ctx);
      const DateExpr* best = Longest(found);
      score(best && SameAtOurGrain(*best, want), std::string(translation), found);
      continue;
    }
    if (name == "test_relative_past_dates") {
      simdjson::dom::object ago;
      if (e["expected_ago"].get(ago)) continue;
      if (ago.size() != 1) {
        skipped.push_back(label +
                          "  (a list of durations with no منذ/قبل: a duration in running "
                          "text, not a date)");
        continue;
      }
      int64_t days = 0;
      if (ago["days"].get(days)) continue;
      auto found = dates::Extract(input, now_ctx);
      const DateExpr* best = Longest(found);
      score(best && SameAtOurGrain(*best, now - kDay * days) &&
                best->granularity == Granularity::kDay,
            "now - " + std::to_string(days) + " days", found);
      continue;
    }
    if (name == "test_search_date_string") {
      std::string_view want;
      if (e["expected_found"].get(want)) continue;
      auto found = dates::Extract(input, {});
      bool pass = found.size() == 1 && found[0].span.Of(input) == want;
      score(pass, "one date spanning \"" + std::string(want) + "\"", found);
      continue;
    }
    if (name == "test_search_and_parse") {
      simdjson::dom::array matches;
      if (e["expected_matches"].get(matches)) continue;
      auto found = dates::Extract(input, {});
      for (simdjson::dom::element m : matches) {
        simdjson::dom::array pair;
        if (m.get(pair)) continue;
        std::string_view span, iso;
        if (pair.at(0).get(span) || pair.at(1).get(iso)) continue;
        Minute want;
        bool has_time;
        if (!ParseIsoMinute(iso, &want, &has_time)) continue;
        size_t at = input.find(span);
        bool pass = false;
        for (const DateExpr& d : found) {
          bool overlaps =
              at != std::string::npos && d.span.begin < at + span.size() && d.span.end > at;
          if (overlaps && SameAtOurGrain(d, want) && d.granularity == Granularity::kDay)
            pass = true;
        }
        score(pass, std::string(span) + " = " + std::string(iso), found);
      }
      continue;
    }
    if (name == "test_datetime_parsing") {
      std::string_view iso;
      if (e["expected_datetime"].get(iso)) continue;
      Minute want;
      bool has_time;
      if (!ParseIsoMinute(iso, &want, &has_time)) continue;
      auto found = dates::Extract(input, {});
      const DateExpr* best = Longest(found);
      bool with_time = input.find(':') != std::string_view::npos;
      bool pass = best && best->calendar == "hijri" && SameAtOurGrain(*best, want) &&
                  (!with_time || best->granularity == Granularity::kMinute);
      score(pass, std::string(iso) + " (hijri)", found);
      continue;
    }
    skipped.push_back(label + "  (unknown test kind)");
  }
  *out << "dateparser-ar test cases\n";
  *out << "  " << Percent("date cases resolved", ok_all, total);
  for (const auto& [name, c] : by_test) *out << "    " << Percent(name, c.first, c.second);
  *out << "  (dateparser parses its Hijri cases with the calendar set to Hijri; rasd reads a\n"
          "  numeric date as Hijri only with هـ or a year in 1300-1500, so 30-02-33 and 10-03-90 "
          "miss)\n";
  *out << "  skipped " << skipped.size() << ":\n";
  for (const std::string& s : skipped) *out << "    " << s << "\n";
  AddMisses(options, misses, out);
  return Status::Ok();
}

// ---- timeml ----

struct Timex {
  size_t begin, end;  // bytes of the plain text
  std::string type, value, mod, text;
};

std::string Attr(std::string_view tag, std::string_view name) {
  std::string key = std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  at += key.size();
  size_t end = tag.find('"', at);
  return std::string(tag.substr(at, end - at));
}

// The plain text of a .tml file and its TIMEX3 annotations.
void ParseTml(const std::string& xml, std::string* plain, std::vector<Timex>* timexes) {
  size_t start = xml.find("<TimeML>");
  start = start == std::string::npos ? 0 : start + 8;
  size_t stop = xml.find("</TimeML>");
  if (stop == std::string::npos) stop = xml.size();
  plain->clear();
  Timex open;
  bool in = false;
  for (size_t i = start; i < stop;) {
    if (xml[i] == '<') {
      size_t close = xml.find('>', i);
      std::string_view tag(xml.data() + i, close - i + 1);
      if (tag.rfind("<TIMEX3", 0) == 0) {
        open = {plain->size(), 0, Attr(tag, "type"), Attr(tag, "value"), Attr(tag, "mod"), ""};
        in = true;
      } else if (tag.rfind("</TIMEX3", 0) == 0 && in) {
        open.end = plain->size();
        open.text = plain->substr(open.begin);
        timexes->push_back(open);
        in = false;
      }
      i = close + 1;
      continue;
    }
    plain->push_back(xml[i++]);
  }
  if (plain->rfind("\xEF\xBB\xBF", 0) == 0) {
    plain->erase(0, 3);
    for (Timex& t : *timexes) t.begin -= 3, t.end -= 3;
  }
}

// rasd's value in TimeML's notation (see the comparison rules at the top).
std::string ToTimeml(const DateExpr& d) {
  if (d.relative == "now" || d.relative == "present") return "PRESENT_REF";
  if (d.relative == "past-ref") return "PAST_REF";
  if (d.relative == "future-ref") return "FUTURE_REF";
  // TimeML writes a part of a period as the period's value plus a mod.
  const std::string& v = d.mod.empty() ? d.value : d.base;
  size_t season = d.relative.find("season:");
  if (season != std::string::npos && v.size() >= 4) {
    std::string name = d.relative.substr(season + 7, 6);
    const char* code = name.rfind("spring", 0) == 0   ? "SP"
                       : name.rfind("summer", 0) == 0 ? "SU"
                       : name.rfind("autumn", 0) == 0 ? "FA"
                                                      : "WI";
    return v.substr(0, 4) + "-" + code;
  }
  if (v.size() == 4 && v[3] == 'X') return v.substr(0, 3);  // a decade
  if (v.size() == 9 && v[4] == '/' && v.substr(2, 2) == "00" && v.substr(7, 2) == "99" &&
      v.substr(0, 2) == v.substr(5, 2)) {
    return v.substr(0, 2);  // a century
  }
  return v;
}

// Whether rasd's value (TimeML notation) matches a gold value: equal, equal to the part
// a mod names, or the gold day with a time of day added ("مساء يوم الثلاثاء": TimeML
// tags the day and leaves the part of the day to another tag).
std::string WithMod(const std::string& value, const std::string& mod);
bool Matches(const std::string& ours, const Timex& gold) {
  if (ours == gold.value || ours == WithMod(gold.value, gold.mod)) return true;
  return gold.value.size() == 10 && ours.size() > 11 && ours.compare(0, 11, gold.value + "T") == 0;
}

// What rasd writes for a gold value with mod START/MID/END: the early, middle or late part.
std::string WithMod(const std::string& value, const std::string& mod) {
  int part = mod == "START" ? 0 : mod == "MID" ? 1 : mod == "END" ? 2 : -1;
  if (part < 0) return value;
  int y, m;
  char buf[64];
  if (value.size() == 7 && std::sscanf(value.c_str(), "%d-%d", &y, &m) == 2) {
    int from = part * 10 + 1, to = part == 2 ? calendar::DaysInMonth(y, m) : from + 9;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, from, y, m, to);
    return buf;
  }
  if (value.size() == 3 && std::isdigit(static_cast<unsigned char>(value[0]))) {
    int d = std::atoi(value.c_str()) * 10;
    int from = d + (part == 0   ? 0
                    : part == 1 ? 4
                                : 7),
        to = d + (part == 0   ? 3
                  : part == 1 ? 6
                              : 9);
    std::snprintf(buf, sizeof buf, "%04d/%04d", from, to);
    return buf;
  }
  return value;
}

// The gold values data/eval/timeml_gold_errors.tsv judges wrong, as "doc\ttext\tvalue".
std::set<std::string> TimemlGoldErrors() {
  std::set<std::string> keys;
  for (std::string_view line : data::Lines(data::Get("eval/timeml_gold_errors.tsv"))) {
    std::vector<std::string_view> f = data::Fields(line);
    if (f.size() >= 3) keys.insert(std::string(f[0]) + "\t" + std::string(f[1]) + "\t" + std::string(f[2]));
  }
  return keys;
}

Status EvalTimeml(const EvalOptions& options, std::ostringstream* out, double* precision,
                  double* recall, double* adj_precision, double* adj_recall) {
  namespace fs = std::filesystem;
  std::string dir = options.data_dir + "/timeml-arabic-news/Corpus_test";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": not found");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".tml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  dates::Context ctx;
  ctx.publication.time = {2015, 12, 24};
  ctx.publication.precision = DatePrecision::kDay;
  size_t gold_total = 0, exact = 0, partial = 0, missed = 0, predicted = 0, correct = 0, fp = 0;
  size_t on_gold = 0, on_gold_correct = 0, undefined = 0;
  // The same without the gold values judged wrong (adj_*).
  const std::set<std::string> gold_errors = TimemlGoldErrors();
  size_t adj_total = 0, adj_exact = 0, adj_on_gold = 0, adj_correct = 0;
  std::map<std::string, std::pair<size_t, size_t>> by_kind;
  std::vector<std::string> misses, false_positives;
  for (const fs::path& file : files) {
    auto bytes = ReadAll(file.string());
    if (!bytes.ok()) return bytes.status();
    std::string plain;
    std::vector<Timex> timexes;
    ParseTml(*bytes, &plain, &timexes);
    std::vector<DateExpr> found = dates::Extract(plain, ctx);
    std::string doc = file.stem().string();
    auto overlaps = [](const Timex& t, const DateExpr& d) {
      return d.span.begin < t.end && d.span.end > t.begin;
    };
    auto judged_wrong = [&](const Timex& t) {
      return gold_errors.count(doc + "\t" + t.text + "\t" + t.value) > 0;
    };
    for (const Timex& t : timexes) {
      if (t.type != "DATE") continue;
      ++gold_total;
      const bool counts = !judged_wrong(t);
      adj_total += counts;
      if (t.value.rfind("UNDEF", 0) == 0) ++undefined;
      std::string kind = t.value.find("REF") != std::string::npos   ? "vague (*_REF)"
                         : t.value.size() == 10                     ? "day"
                         : t.value.size() == 7 && t.value[4] == '-' ? "month"
                         : t.value.find('W') != std::string::npos   ? "week"
                         : t.value.size() == 4                      ? "year"
                         : t.value.size() <= 3                      ? "decade/century"
                                                                    : "other";
      bool hit = false, any = false;
      std::string got;
      for (const DateExpr& d : found) {
        if (!overlaps(t, d)) continue;
        any = true;
        std::string v = ToTimeml(d);
        if (!got.empty()) got += " | ";
        got += "[" + std::string(d.span.Of(plain)) + "] " + (v.empty() ? "-" : v);
        if (Matches(v, t)) hit = true;
      }
      auto& k = by_kind[kind];
      ++k.second;
      if (hit) {
        ++exact;
        adj_exact += counts;
        ++k.first;
      } else {
        any ? ++partial : ++missed;
        misses.push_back(doc + ": \"" + t.text + "\" gold " + t.value +
                         (t.mod.empty() ? "" : " mod=" + t.mod) + "  got " +
                         (any ? got : "(nothing)") + (counts ? "" : "  [gold judged wrong]"));
      }
    }
    for (const DateExpr& d : found) {
      bool on_date = false, on_other = false, right = false, on_kept = false, right_kept = false;
      for (const Timex& t : timexes) {
        if (!overlaps(t, d)) continue;
        if (t.type == "DATE") {
          on_date = true;
          const bool kept = !judged_wrong(t);
          on_kept = on_kept || kept;
          if (Matches(ToTimeml(d), t)) {
            right = true;
            right_kept = right_kept || kept;
          }
        } else {
          on_other = true;
        }
      }
      if (!on_date && on_other) continue;
      adj_on_gold += on_kept;
      adj_correct += right_kept;
      ++predicted;
      if (on_date) ++on_gold;
      if (right) {
        ++correct;
        ++on_gold_correct;
      } else if (!on_date) {
        ++fp;
        false_positives.push_back(doc + ": [" + std::string(d.span.Of(plain)) + "] " +
                                  (d.value.empty() ? d.relative : d.value) + "  (no gold TIMEX3)");
      }
    }
  }
  *precision = on_gold ? static_cast<double>(on_gold_correct) / on_gold : 0;
  *recall = gold_total ? static_cast<double>(exact) / gold_total : 0;
  *adj_precision = adj_on_gold ? static_cast<double>(adj_correct) / adj_on_gold : 0;
  *adj_recall = adj_total ? static_cast<double>(adj_exact) / adj_total : 0;
  *out << "timeml-arabic-news TIMEX3 type=DATE (" << files.size()
       << " documents, publication date 2015-12-24)\n";
  *out << "  " << Percent("recall (exact value)", exact, gold_total);
  *out << "  "
       << Percent("recall without the UNDEF-* gold values (no value to match)", exact,
                  gold_total - undefined);
  *out << "  "
       << Percent("precision (exact value, rasd dates on gold DATE spans)", on_gold_correct,
                  on_gold);
  *out << "  "
       << Percent("precision counting every rasd date off gold TIMEX3 as wrong", correct,
                  predicted);
  *out << "  without the " << gold_total - adj_total
       << " gold values judged wrong (data/eval/timeml_gold_errors.tsv):\n";
  *out << "    " << Percent("recall (exact value)", adj_exact, adj_total);
  *out << "    " << Percent("precision on gold DATE spans", adj_correct, adj_on_gold);
  for (const auto& [kind, k] : by_kind)
    *out << "    " << Percent("recall " + kind, k.first, k.second);
  *out << "  partial (found, other value): " << partial << "; not found: " << missed
       << "; rasd dates on no gold TIMEX3: " << fp << "\n";
  std::vector<std::string> all = misses;
  all.insert(all.end(), false_positives.begin(), false_positives.end());
  AddMisses(options, all, out);
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> Dates(const EvalOptions& options) {
  std::ostringstream out;
  double duckling = 0, precision = 0, recall = 0;
  Status s = EvalDuckling(options, &out, &duckling);
  if (!s.ok()) return s;
  out << "\n";
  s = EvalDateparser(options, &out);
  if (!s.ok()) return s;
  out << "\n";
  double adj_precision = 0, adj_recall = 0;
  s = EvalTimeml(options, &out, &precision, &recall, &adj_precision, &adj_recall);
  if (!s.ok()) return s;
  char buf[300];
  std::snprintf(buf, sizeof buf,
                "\nsummary: duckling %.3f (target 0.90), timeml recall %.3f (target 0.85), "
                "precision %.3f (target 0.90); without the gold values judged wrong: recall "
                "%.3f, precision %.3f\n",
                duckling, recall, precision, adj_recall, adj_precision);
  out << buf;
  return out.str();
}

}  // namespace rasd::eval
