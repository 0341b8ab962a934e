#include "clean/rules.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "rasd/data.h"
#include "rasd/text.h"

namespace rasd::clean {
namespace {

// "a|b|c" alternation of every normalized name in a calendar file, longest first.
std::string NameAlternation(std::string_view file) {
  std::vector<std::string> names;
  for (std::string_view line : data::Lines(data::Get(file))) {
    auto f = data::Fields(line);
    if (f.size() < 2) continue;
    size_t pos = 0;
    while (pos <= f[1].size()) {
      size_t bar = f[1].find('|', pos);
      if (bar == std::string_view::npos) bar = f[1].size();
      std::string n = text::NormalizeKey(f[1].substr(pos, bar - pos));
      if (!n.empty()) names.push_back(RE2::QuoteMeta(n));
      pos = bar + 1;
    }
  }
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "|") + n;
  return out;
}

void ReplaceAll(std::string* s, std::string_view from, const std::string& to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

Action ParseAction(std::string_view a) {
  if (a == "line") return Action::kLine;
  if (a == "rest") return Action::kRest;
  if (a == "read-also") return Action::kReadAlso;
  if (a == "caption") return Action::kCaption;
  if (a == "dateline") return Action::kDateline;
  if (a == "signature") return Action::kSignature;
  if (a == "prefix") return Action::kPrefix;
  std::fprintf(stderr, "rasd: unknown cleaning action '%.*s'\n", static_cast<int>(a.size()), a.data());
  std::abort();
}

}  // namespace

const Rules& Rules::Default() {
  static const Rules rules(data::Get("clean/boilerplate.tsv"));
  return rules;
}

Rules::Rules(std::string_view lexicon) {
  const std::string months = NameAlternation("calendar/months.tsv");
  const std::string weekdays = NameAlternation("calendar/weekdays.tsv");
  RE2::Options opts;
  opts.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  for (std::string_view line : data::Lines(lexicon)) {
    auto f = data::Fields(line);
    if (f.size() < 3) continue;
    std::string pattern(f[2]);
    ReplaceAll(&pattern, "{MONTH}", months);
    ReplaceAll(&pattern, "{WEEKDAY}", weekdays);
    Rule r;
    r.action = ParseAction(f[0]);
    r.reason = std::string(f[1]);
    r.re = std::make_unique<RE2>(pattern, opts);
    std::string error;
    if (!r.re->ok() || set_->Add(pattern, &error) < 0) {
      std::fprintf(stderr, "rasd: bad cleaning rule '%s': %s\n", pattern.c_str(),
                   r.re->error().c_str());
      std::abort();
    }
    const auto& groups = r.re->NamedCapturingGroups();
    if (auto it = groups.find("outlet"); it != groups.end()) r.outlet_group = it->second;
    if (auto it = groups.find("date"); it != groups.end()) r.date_group = it->second;
    if (auto it = groups.find("rest"); it != groups.end()) r.rest_group = it->second;
    rules_.push_back(std::move(r));
  }
  if (!set_->Compile()) {
    std::fprintf(stderr, "rasd: cleaning rules do not compile into one set\n");
    std::abort();
  }
}

std::optional<RuleMatch> Rules::Match(std::string_view key) const {
  std::vector<int> hits;
  if (!set_->Match(key, &hits) || hits.empty()) return std::nullopt;
  std::sort(hits.begin(), hits.end());
  for (int i : hits) {
    const Rule& r = rules_[i];
    int n = r.re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(n);
    if (!r.re->Match(key, 0, key.size(), RE2::UNANCHORED, groups.data(), n)) continue;
    RuleMatch m;
    m.action = r.action;
    m.reason = r.reason;
    auto range = [&](int g) -> std::pair<size_t, size_t> {
      if (g < 0 || groups[g].data() == nullptr) return {0, 0};
      size_t b = groups[g].data() - key.data();
      return {b, b + groups[g].size()};
    };
    m.outlet = range(r.outlet_group);
    m.date = range(r.date_group);
    m.rest = range(r.rest_group);
    m.match_end = groups[0].data() - key.data() + groups[0].size();
    return m;
  }
  return std::nullopt;
}

}  // namespace rasd::clean
