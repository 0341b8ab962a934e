#include "extract/ner/gazetteer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "rasd/data.h"

namespace rasd::ner {
namespace {

template <typename F>
void ForEachAlias(std::string_view list, F f) {
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t bar = list.find('|', pos);
    if (bar == std::string_view::npos) bar = list.size();
    if (bar > pos) f(list.substr(pos, bar - pos));
    pos = bar + 1;
  }
}

// Normalized name with each token keyed as TokenKey does, joined by single spaces.
std::string NameKey(std::string_view name) {
  std::string key;
  for (const text::Token& t : text::Tokenize(name)) {
    if (t.kind == text::TokenKind::kPunct) continue;  // "قوات سوريا-الديمقراطية", quotes
    if (!key.empty()) key.push_back(' ');
    key += TokenKey(t);
  }
  return key;
}

EntityType TypeForKind(std::string_view kind) {
  if (kind == "country" || kind == "admin1" || kind == "capital" || kind == "city") {
    return EntityType::kGpe;
  }
  return EntityType::kLoc;
}

}  // namespace

std::string TokenKey(const text::Token& t) {
  if (t.kind != text::TokenKind::kWord) return t.norm;
  return TokenKey(t, text::SplitProclitics(t.norm));
}

std::string TokenKey(const text::Token& t, const text::Clitics& c) {
  if (t.kind != text::TokenKind::kWord) return t.norm;
  std::string_view n = t.norm;
  size_t skip = 2 * static_cast<size_t>(c.prefix_chars);
  if (skip >= n.size()) return t.norm;
  std::string_view rest = n.substr(skip);
  // "للرقة": ل + (ا)لرقة lost the alef of the article; put it back.
  if (c.article && c.prep && !rest.starts_with("ال")) return "ال" + std::string(rest);
  return std::string(rest);
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer g;
  return g;
}

double Gazetteer::Prominence(const GazetteerEntry& e, double population) {
  double base = 0;
  if (e.kind == "country") base = 40;
  else if (e.kind == "capital") base = 30;
  else if (e.type == EntityType::kOrg || e.type == EntityType::kNorp) base = 35;
  else if (e.kind == "admin1") base = 20;
  double bonus = (e.country == "SY" || e.country == "IQ") ? 2 : 0;  // rasd's home region first
  return base + bonus + std::log10(population + 1);
}

void Gazetteer::AddName(std::string_view name, int entry) {
  std::string key = NameKey(name);
  if (key.empty() || not_names_.Contains(key)) return;
  auto& v = names_[key];
  if (std::find(v.begin(), v.end(), entry) == v.end()) v.push_back(entry);
  size_t words = 1 + std::count(key.begin(), key.end(), ' ');
  max_words_ = std::max(max_words_, words);
}

void Gazetteer::AddPlace(const std::vector<std::string_view>& f) {
  // id, kind, name, aliases, lat, lon, country, parent, population
  GazetteerEntry e;
  e.id = std::string(f[0]);
  e.kind = std::string(f[1]);
  e.name = std::string(f[2]);
  e.type = TypeForKind(e.kind);
  if (f.size() > 5 && !f[4].empty() && !f[5].empty()) {
    e.lat = std::strtod(std::string(f[4]).c_str(), nullptr);
    e.lon = std::strtod(std::string(f[5]).c_str(), nullptr);
    e.has_coordinates = true;
  }
  if (f.size() > 6) e.country = std::string(f[6]);
  if (f.size() > 7) e.parent = std::string(f[7]);
  double pop = f.size() > 8 && !f[8].empty() ? std::strtod(std::string(f[8]).c_str(), nullptr) : 0;
  e.population = pop;
  int index = static_cast<int>(entries_.size());
  by_id_[e.id] = index;
  entries_.push_back(std::move(e));
  population_.push_back(pop);
  AddName(f[2], index);
  if (f.size() > 3) ForEachAlias(f[3], [&](std::string_view a) { AddName(a, index); });
}

Gazetteer::Gazetteer() {
  for (std::string_view line : data::Lines(data::Get("gazetteer/not_names.txt"))) {
    not_names_[NameKey(line)] = 1;
  }
  for (std::string_view line : data::Lines(data::Get("gazetteer/common_words.txt"))) {
    common_words_[NameKey(line)] = 1;
  }
  for (std::string_view line : data::Lines(data::Get("gazetteer/places.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() >= 3) AddPlace(f);
  }
  for (std::string_view line : data::Lines(data::Get("gazetteer/place_aliases.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 2) continue;
    auto it = by_id_.find(std::string(f[0]));
    if (it != by_id_.end()) {
      ForEachAlias(f[1], [&](std::string_view a) { AddName(a, it->second); });
    } else if (f.size() >= 8) {
      // id, aliases, kind, name, lat, lon, country, parent
      std::vector<std::string_view> place = {f[0], f[2], f[3], f[1], f[4], f[5], f[6], f[7]};
      AddPlace(place);
    } else {
      std::fprintf(stderr, "rasd: gazetteer/place_aliases.tsv: unknown id %.*s\n",
                   static_cast<int>(f[0].size()), f[0].data());
      std::abort();
    }
  }
  for (std::string_view line : data::Lines(data::Get("gazetteer/organizations.tsv"))) {
    auto f = data::Fields(line);
    if (f.size() < 4) continue;
    GazetteerEntry e;
    e.id = std::string(f[0]);
    e.kind = std::string(f[1]);
    e.name = std::string(f[2]);
    e.type = e.kind == "facility" ? EntityType::kLoc : EntityType::kOrg;
    int index = static_cast<int>(entries_.size());
    by_id_[e.id] = index;
    entries_.push_back(std::move(e));
    population_.push_back(0);
    AddName(f[2], index);
    ForEachAlias(f[3], [&](std::string_view a) { AddName(a, index); });
  }
  for (std::string_view line : data::Lines(data::Get("gazetteer/nationalities.tsv"))) {
    auto f = data::Fields(line);
    GazetteerEntry e;
    e.name = std::string(f[0]);
    e.id = "rasd:norp:" + text::NormalizeKey(f[0]);
    e.type = EntityType::kNorp;
    e.kind = "nationality";
    if (f.size() > 1 && f[1] != "-") e.parent = std::string(f[1]);
    int index = static_cast<int>(entries_.size());
    by_id_[e.id] = index;
    entries_.push_back(std::move(e));
    population_.push_back(0);
    // السوري → السورية، السوريون، السوريين، السوريان، السوريتين ...
    std::string base(f[0]);
    for (const char* suffix : {"", "ة", "ون", "ين", "ان", "تان", "تين", "ات"}) {
      AddName(base + suffix, index);
    }
  }
  for (std::string_view line : data::Lines(data::Get("ner/titles.tsv"))) AddName(line, -1);
  for (std::string_view line : data::Lines(data::Get("ner/first_names.txt"))) {
    first_names_[text::NormalizeKey(line)] = 1;
  }
  Build();
}

void Gazetteer::Build() {
  for (const auto& [key, v] : names_) first_words_[std::string_view(key).substr(0, key.find(' '))] = 1;
  marisa::Keyset keyset;
  for (const auto& [key, v] : names_) keyset.push_back(key.data(), key.size());
  trie_.build(keyset);
  key_best_.assign(trie_.size(), -1);
  for (const auto& [key, v] : names_) {
    marisa::Agent agent;
    agent.set_query(key.data(), key.size());
    if (!trie_.lookup(agent)) continue;
    int best = -1;
    double best_score = -1;
    for (int e : v) {
      if (e < 0) continue;
      double s = Prominence(entries_[e], population_[e]);
      if (s > best_score) {
        best = e;
        best_score = s;
      }
    }
    key_best_[agent.key().id()] = best;
  }
}

std::optional<Gazetteer::Match> Gazetteer::LongestAt(std::span<const std::string_view> keys,
                                                     size_t i) const {
  if (i >= keys.size() || keys[i].empty()) return std::nullopt;
  if (!first_words_.Contains(keys[i])) return std::nullopt;  // most words start no name
  std::string query;
  std::vector<size_t> ends;  // query length after each token
  for (size_t k = i; k < keys.size() && k - i < max_words_; ++k) {
    if (keys[k].empty()) break;
    if (k > i) query.push_back(' ');
    query += keys[k];
    ends.push_back(query.size());
  }
  marisa::Agent agent;
  agent.set_query(query.data(), query.size());
  std::optional<Match> best;
  while (trie_.common_prefix_search(agent)) {
    size_t len = agent.key().length();
    auto at = std::find(ends.begin(), ends.end(), len);
    if (at == ends.end()) continue;  // ends inside a token
    Match m;
    m.begin = i;
    m.end = i + static_cast<size_t>(at - ends.begin()) + 1;
    int e = key_best_[agent.key().id()];
    m.title = e < 0;
    m.entry = e >= 0 ? &entries_[e] : nullptr;
    if (!best || m.end > best->end) best = m;
  }
  return best;
}

std::optional<Gazetteer::Match> Gazetteer::TitleBefore(std::span<const std::string_view> keys,
                                                       size_t i) const {
  for (size_t len = std::min<size_t>(4, i); len >= 1; --len) {
    std::string key;
    for (size_t k = i - len; k < i; ++k) {
      if (k > i - len) key.push_back(' ');
      key += keys[k];
    }
    auto it = names_.find(key);
    if (it != names_.end() && std::find(it->second.begin(), it->second.end(), -1) != it->second.end()) {
      Match m;
      m.begin = i - len;
      m.end = i;
      m.title = true;
      return m;
    }
  }
  return std::nullopt;
}

const GazetteerEntry* Gazetteer::ById(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

const GazetteerEntry* Gazetteer::ByName(std::string_view key) const {
  marisa::Agent agent;
  agent.set_query(key.data(), key.size());
  if (!trie_.lookup(agent)) return nullptr;
  int e = key_best_[agent.key().id()];
  return e >= 0 ? &entries_[e] : nullptr;
}

std::vector<const GazetteerEntry*> Gazetteer::AllByName(std::string_view key) const {
  std::vector<const GazetteerEntry*> out;
  const GazetteerEntry* best = ByName(key);
  if (!best) return out;
  out.push_back(best);
  auto it = names_.find(std::string(key));
  if (it == names_.end()) return out;
  for (int e : it->second) {
    if (e >= 0 && &entries_[e] != best) out.push_back(&entries_[e]);
  }
  return out;
}

}  // namespace rasd::ner
