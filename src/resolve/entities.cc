#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "extract/ner/gazetteer.h"
#include "rasd/resolve.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::resolve {
namespace {

using ner::EntityType;

std::vector<std::string> Words(std::string_view key) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < key.size()) {
    size_t sp = key.find(' ', pos);
    if (sp == std::string_view::npos) sp = key.size();
    if (sp > pos) out.emplace_back(key.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

// People and places are matched within their class; LOC and GPE are one class.
int ClassOf(EntityType t) {
  switch (t) {
    case EntityType::kPer: return 0;
    case EntityType::kOrg: return 1;
    case EntityType::kLoc:
    case EntityType::kGpe: return 2;
    case EntityType::kNorp: return 3;
    case EntityType::kMisc: return 4;
  }
  return 4;
}

std::string Hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

const char* Prefix(EntityType t) {
  switch (t) {
    case EntityType::kPer: return "rasd:per:";
    case EntityType::kOrg: return "rasd:org:";
    case EntityType::kLoc:
    case EntityType::kGpe: return "rasd:loc:";
    case EntityType::kNorp: return "rasd:norp:";
    case EntityType::kMisc: return "rasd:misc:";
  }
  return "rasd:misc:";
}

// Letters of a normalized word (two bytes each for Arabic, one for Latin).
std::vector<std::string> Letters(std::string_view w) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < w.size()) {
    size_t start = pos;
    utf8::Next(w, &pos);
    out.emplace_back(w.substr(start, pos - start));
  }
  return out;
}

// Edit distance in letters (names are short; plain dynamic programming).
size_t Distance(std::string_view a, std::string_view b) {
  auto x = Letters(a), y = Letters(b);
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

// Two person names that differ only in how a foreign name was transliterated.
bool SameTransliteration(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (Skeleton(a) != Skeleton(b)) return false;
  const ner::Gazetteer& g = ner::Gazetteer::Default();
  auto wa = Words(a), wb = Words(b);
  if (wa.size() != wb.size()) return false;
  for (size_t i = 0; i < wa.size(); ++i) {
    if (wa[i] == wb[i]) continue;
    // محمد / محمود share a skeleton but are two names.
    if (g.IsFirstName(wa[i]) || g.IsFirstName(wb[i])) return false;
    if (Distance(wa[i], wb[i]) > 2 || Letters(wa[i]).size() < 4) return false;
  }
  return true;
}

}  // namespace

std::string Skeleton(std::string_view name) {
  std::string out;
  for (const std::string& w : Words(name)) {
    if (!out.empty()) out.push_back(' ');
    std::string prev;
    auto letters = Letters(w);
    for (size_t i = 0; i < letters.size(); ++i) {
      const std::string& l = letters[i];
      bool vowel = l == "ا" || l == "و" || l == "ي" || l == "ى";
      if (i > 0 && vowel) continue;
      if (l == prev) continue;
      out += l;
      prev = l;
    }
  }
  return out;
}

DocResolution ResolveDocument(std::string_view text, const std::vector<ner::Mention>& mentions) {
  DocResolution r;
  r.entity_of.assign(mentions.size(), -1);
  std::unordered_map<std::string, int> by_key;  // "<class>|<gazetteer id or key>" → entity
  for (size_t i = 0; i < mentions.size(); ++i) {
    const ner::Mention& m = mentions[i];
    if (m.key.empty()) continue;
    std::string k = std::to_string(ClassOf(m.type)) + "|" + (m.gazetteer ? m.gazetteer->id : m.key);
    auto [it, inserted] = by_key.emplace(k, static_cast<int>(r.entities.size()));
    if (inserted) {
      DocEntity e;
      e.type = m.type;
      e.key = m.key;
      e.gazetteer = m.gazetteer;
      r.entities.push_back(std::move(e));
    }
    DocEntity& e = r.entities[it->second];
    e.mentions.push_back(static_cast<int>(i));
    r.entity_of[i] = it->second;
  }
  // People: merge transliteration variants, then lone surnames into full names.
  std::vector<int> parent(r.entities.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto is_person = [&](size_t i) { return r.entities[i].type == EntityType::kPer; };
  for (size_t a = 0; a < r.entities.size(); ++a) {
    if (!is_person(a)) continue;
    for (size_t b = a + 1; b < r.entities.size(); ++b) {
      if (!is_person(b) || find(a) == find(b)) continue;
      if (SameTransliteration(r.entities[a].key, r.entities[b].key)) parent[find(b)] = find(a);
    }
  }
  for (size_t a = 0; a < r.entities.size(); ++a) {
    if (!is_person(a) || Words(r.entities[a].key).size() != 1) continue;
    const std::string& surname = r.entities[a].key;
    // Full names ending in this surname; with several, the nearest before the first use.
    int best = -1;
    uint32_t first_use = mentions[r.entities[a].mentions.front()].span.begin;
    uint32_t best_pos = 0;
    int candidates = 0;
    for (size_t b = 0; b < r.entities.size(); ++b) {
      if (!is_person(b) || b == a) continue;
      auto w = Words(r.entities[b].key);
      if (w.size() < 2 || !SameTransliteration(w.back(), surname)) continue;
      if (find(b) == find(a)) continue;
      ++candidates;
      uint32_t pos = mentions[r.entities[b].mentions.front()].span.begin;
      if (best < 0 || (pos <= first_use && (best_pos > first_use || pos > best_pos))) {
        best = static_cast<int>(b);
        best_pos = pos;
      }
    }
    if (best >= 0 && (candidates == 1 || best_pos <= first_use)) parent[find(a)] = find(best);
  }
  // Collapse the union-find into final entities.
  std::vector<int> remap(r.entities.size(), -1);
  std::vector<DocEntity> merged;
  for (size_t i = 0; i < r.entities.size(); ++i) {
    int root = find(static_cast<int>(i));
    if (remap[root] < 0) {
      remap[root] = static_cast<int>(merged.size());
      merged.push_back(DocEntity());
      merged.back().type = r.entities[root].type;
      merged.back().gazetteer = r.entities[root].gazetteer;
    }
    DocEntity& dst = merged[remap[root]];
    for (int m : r.entities[i].mentions) dst.mentions.push_back(m);
  }
  for (DocEntity& e : merged) {
    std::sort(e.mentions.begin(), e.mentions.end());
    size_t best_words = 0;
    for (int mi : e.mentions) {
      const ner::Mention& m = mentions[mi];
      std::string surface(m.span.Of(text));
      if (std::find(e.variants.begin(), e.variants.end(), surface) == e.variants.end()) {
        e.variants.push_back(surface);
      }
      if (!m.role.empty()) {
        std::string role(m.role.Of(text));
        if (std::find(e.roles.begin(), e.roles.end(), role) == e.roles.end()) e.roles.push_back(role);
      }
      size_t words = Words(m.key).size();
      if (words > best_words || (words == best_words && m.key.size() > e.key.size())) {
        best_words = words;
        e.key = m.key;
        e.name = surface;
      }
    }
    e.surname_only = e.type == EntityType::kPer && best_words == 1;
    if (e.gazetteer) e.name = e.gazetteer->name;
  }
  for (size_t i = 0; i < r.entity_of.size(); ++i) {
    if (r.entity_of[i] >= 0) r.entity_of[i] = remap[find(r.entity_of[i])];
  }
  r.entities = std::move(merged);
  return r;
}

struct EntityIndex::Tables {
  std::unordered_map<std::string, Entity> entities;
  std::unordered_map<std::string, std::string> redirect;   // merged id → id
  std::unordered_map<std::string, std::string> by_key;     // "<class>|key" → id
  std::unordered_map<std::string, std::vector<std::string>> people_by_surname;  // skeleton → ids
  std::unordered_map<std::string, std::vector<std::string>> people_by_skeleton; // full skeleton → ids
  std::unordered_map<std::string, std::set<std::string>> person_keys;  // id → full-name keys

  std::string Resolve(std::string id) const {
    for (int guard = 0; guard < 100; ++guard) {
      auto it = redirect.find(id);
      if (it == redirect.end()) break;
      id = it->second;
    }
    return id;
  }
};

EntityIndex::EntityIndex() : t_(std::make_unique<Tables>()) {}
EntityIndex::~EntityIndex() = default;

std::vector<std::string> EntityIndex::Add(const DocResolution& doc, std::string_view doc_id,
                                          const Published& published) {
  std::vector<std::string> ids;
  std::string date = published.known() ? published.Iso().substr(0, 10) : "";
  for (const DocEntity& e : doc.entities) {
    std::string id;
    bool ambiguous = false;
    std::vector<std::string> candidates;
    if (e.gazetteer) {
      id = e.gazetteer->id;
    } else if (e.type == EntityType::kPer && !e.surname_only) {
      std::string k = "0|" + e.key;
      if (auto it = t_->by_key.find(k); it != t_->by_key.end()) {
        id = t_->Resolve(it->second);
      } else {
        auto& same = t_->people_by_skeleton[Skeleton(e.key)];
        for (const std::string& c : same) {
          for (const std::string& known : t_->person_keys[c]) {
            if (SameTransliteration(known, e.key)) {
              id = t_->Resolve(c);
              break;
            }
          }
          if (!id.empty()) break;
        }
        if (id.empty()) id = Prefix(e.type) + Hex(XXH3_64bits(e.key.data(), e.key.size()));
        t_->by_key[k] = id;
        t_->person_keys[id].insert(e.key);
        if (std::find(same.begin(), same.end(), id) == same.end()) same.push_back(id);
        auto& sur = t_->people_by_surname[Skeleton(Words(e.key).back())];
        if (std::find(sur.begin(), sur.end(), id) == sur.end()) sur.push_back(id);
        // A lone surname seen before, that only this person has, was this person.
        std::string lone = "0|" + Words(e.key).back();
        if (auto it = t_->by_key.find(lone); it != t_->by_key.end()) {
          std::string old = t_->Resolve(it->second);
          auto oit = t_->entities.find(old);
          if (old != id && oit != t_->entities.end() && !oit->second.ambiguous && sur.size() == 1) {
            Entity& into = t_->entities[id];
            Entity& from = oit->second;
            into.variants.insert(from.variants.begin(), from.variants.end());
            into.roles.insert(from.roles.begin(), from.roles.end());
            into.mentions += from.mentions;
            into.documents += from.documents;
            if (!from.first_seen.empty() && (into.first_seen.empty() || from.first_seen < into.first_seen)) into.first_seen = from.first_seen;
            if (from.last_seen > into.last_seen) into.last_seen = from.last_seen;
            t_->entities.erase(oit);
            t_->redirect[old] = id;
          }
        }
      }
    } else if (e.type == EntityType::kPer) {
      // A lone surname: join the one person who has it, or the one whose role matches.
      auto& sur = t_->people_by_surname[Skeleton(e.key)];
      std::vector<std::string> people;
      for (const std::string& c : sur) {
        std::string r = t_->Resolve(c);
        if (std::find(people.begin(), people.end(), r) == people.end()) people.push_back(r);
      }
      if (people.size() > 1 && !e.roles.empty()) {
        std::vector<std::string> with_role;
        for (const std::string& c : people) {
          const Entity* other = Get(c);
          for (const std::string& role : e.roles) {
            if (other && other->roles.count(role)) {
              with_role.push_back(c);
              break;
            }
          }
        }
        if (with_role.size() == 1) people = with_role;
      }
      if (people.size() == 1) {
        id = people.front();
      } else {
        std::string k = "0|" + e.key;
        ambiguous = people.size() > 1;
        candidates = people;
        std::string base = Prefix(e.type) + Hex(XXH3_64bits(e.key.data(), e.key.size()));
        id = ambiguous ? base + "?" : base;
        if (!ambiguous) t_->by_key[k] = id;
      }
    } else {
      std::string k = std::to_string(ClassOf(e.type)) + "|" + e.key;
      auto it = t_->by_key.find(k);
      if (it != t_->by_key.end()) {
        id = t_->Resolve(it->second);
      } else {
        id = Prefix(e.type) + Hex(XXH3_64bits(e.key.data(), e.key.size()));
        t_->by_key[k] = id;
      }
    }
    Entity& ent = t_->entities[id];
    if (ent.id.empty()) {
      ent.id = id;
      ent.type = e.type;
      ent.name = e.name;
      ent.gazetteer = e.gazetteer;
    }
    if (!e.surname_only && e.name.size() > ent.name.size() && !ent.gazetteer) ent.name = e.name;
    ent.variants.insert(e.variants.begin(), e.variants.end());
    ent.roles.insert(e.roles.begin(), e.roles.end());
    ent.mentions += e.mentions.size();
    ent.documents += 1;
    ent.ambiguous = ent.ambiguous || ambiguous;
    for (const std::string& c : candidates) {
      if (std::find(ent.candidates.begin(), ent.candidates.end(), c) == ent.candidates.end()) {
        ent.candidates.push_back(c);
      }
    }
    if (!date.empty()) {
      if (ent.first_seen.empty() || date < ent.first_seen) ent.first_seen = date;
      if (date > ent.last_seen) ent.last_seen = date;
    }
    ids.push_back(id);
  }
  (void)doc_id;
  return ids;
}

const Entity* EntityIndex::Get(std::string_view id) const {
  auto it = t_->entities.find(t_->Resolve(std::string(id)));
  return it == t_->entities.end() ? nullptr : &it->second;
}

std::string EntityIndex::Canonical(std::string_view id) const { return t_->Resolve(std::string(id)); }

std::vector<std::pair<std::string, std::string>> EntityIndex::Redirects() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [old, ignored] : t_->redirect) out.emplace_back(old, t_->Resolve(old));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const Entity*> EntityIndex::All() const {
  std::vector<const Entity*> out;
  for (const auto& [id, e] : t_->entities) out.push_back(&e);
  std::sort(out.begin(), out.end(), [](const Entity* a, const Entity* b) {
    return a->mentions != b->mentions ? a->mentions > b->mentions : a->id < b->id;
  });
  return out;
}

}  // namespace rasd::resolve
