#include <algorithm>
#include <map>
#include <unordered_map>

#include "corpus/codec.h"
#include "corpus/links.h"
#include "rasd/data.h"
#include "rasd/text.h"

namespace rasd::corpus {

namespace {

// Two documents tell the same story when they share at least this share of
// the smaller one's salient-entity weight, and this share of their key terms.
constexpr double kStoryEntityOverlap = 0.4;
constexpr double kStoryTermJaccard = 0.2;

// Over sorted lists without repeats.
double Jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++common, ++x, ++y;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

StoryProfile ReadProfile(store::Db* db, int64_t doc) {
  StoryProfile out;
  store::Stmt& s = db->Cached("SELECT title, substr(text, 1, 600) FROM documents WHERE rowid=?1");
  s.Bind(1, doc);
  if (s.Step()) out.terms = KeyTerms(s.Text(0), s.Text(1));
  s.Reset();
  store::Stmt& theirs = db->Cached(
      "SELECT entity_id FROM doc_entities WHERE doc=?1 AND type NOT IN ('NORP', 'MISC') "
      "ORDER BY mentions DESC, idx LIMIT " +
      std::to_string(kSalientEntities));
  theirs.Bind(1, doc);
  while (theirs.Step()) out.salient_ids.push_back(theirs.Text(0));
  theirs.Reset();
  return out;
}

}  // namespace

std::vector<std::string> KeyTerms(std::string_view title, std::string_view lead) {
  static const auto* function_words = [] {
    auto* set = new std::set<std::string>();
    for (std::string_view line : data::Lines(data::Get("text/function_words.txt"))) {
      set->insert(text::LightStem(text::NormalizeKey(line)));
    }
    return set;
  }();
  std::set<std::string> out;
  size_t words = 0;
  auto add = [&](std::string_view s, size_t max_words) {
    words = 0;
    text::ForEachToken(s, [&](const text::Token& t) {
      if (words >= max_words || t.kind != text::TokenKind::kWord) return;
      ++words;
      if (t.stem.size() < 6 || function_words->count(t.stem)) return;  // under three letters
      out.insert(t.stem);
    });
  };
  add(title, 40);
  add(lead, 60);
  return std::vector<std::string>(out.begin(), out.end());
}

std::string_view LeadOf(std::string_view text) {
  // SQLite's count: a character is a byte and, after a lead byte (0xC0 and
  // up), the continuation bytes that follow it; a NUL ends the text.
  size_t i = 0;
  for (int chars = 0; chars < 600 && i < text.size() && text[i] != '\0'; ++chars) {
    if (static_cast<unsigned char>(text[i++]) >= 0xC0) {
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return text.substr(0, i);
}

void StoryProfiles::Put(int64_t doc, StoryProfile profile) {
  if (capacity_ == 0) return;
  while (by_doc_.size() >= capacity_ && !order_.empty()) {
    by_doc_.erase(order_.front());
    order_.pop_front();
  }
  by_doc_[doc] = std::move(profile);
  order_.push_back(doc);
}

const StoryProfile& StoryProfiles::Get(store::Db* db, int64_t doc) {
  auto it = by_doc_.find(doc);
  if (it != by_doc_.end()) return it->second;
  read_ = ReadProfile(db, doc);
  return read_;
}

void StoryProfiles::Forget(int64_t doc) { by_doc_.erase(doc); }

Status AssignStory(store::Db* db, int64_t doc, const std::string& day,
                   const std::vector<Salient>& salient, const std::vector<std::string>& terms,
                   const std::function<double(const std::string&)>& weight_of, int window_days,
                   StoryProfiles* profiles, std::set<int64_t>* dirty) {
  if (day.empty() || salient.size() < 2) return Status::Ok();
  double total = 0;
  for (const Salient& s : salient) total += s.weight;
  if (total <= 0) return Status::Ok();
  struct Hit {
    double weight = 0;
    int shared = 0;
  };
  std::map<int64_t, Hit> hits;
  // The earlier originals in the window that name at least two salient
  // entities, with the entities they name, in one query over covering
  // indexes; weights are then added per entity in salient order.
  std::string sql =
      "SELECT doc, group_concat(entity_id, char(31)) FROM (SELECT DISTINCT entity_id, doc "
      "FROM doc_entities WHERE entity_id IN (";
  for (size_t i = 0; i < salient.size(); ++i) sql += (i ? ",?" : "?") + std::to_string(i + 4);
  sql +=
      ") AND day BETWEEN ?1 AND ?2 AND doc<>?3) GROUP BY doc HAVING count(*) >= 2 AND EXISTS "
      "(SELECT 1 FROM documents d INDEXED BY documents_originals WHERE d.rowid=doc "
      "AND d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL)";
  store::Stmt& find = db->Cached(sql);
  find.Bind(1, AddDays(day, -window_days)).Bind(2, AddDays(day, window_days)).Bind(3, doc);
  for (size_t i = 0; i < salient.size(); ++i)
    find.Bind(static_cast<int>(i + 4), salient[i].entity_id);
  while (find.Step()) {
    std::vector<std::string> named = SplitList(find.Text(1));
    Hit& h = hits[find.Int(0)];
    for (const Salient& s : salient) {
      if (std::find(named.begin(), named.end(), s.entity_id) == named.end()) continue;
      h.weight += s.weight;
      h.shared += 1;
    }
  }
  if (!find.error().empty()) return Status::IoError("SQL: " + find.error());
  find.Reset();
  // The share of the smaller document's weight the two have in common, so a
  // short follow-up that names the same few actors joins its story.
  store::Stmt& seed_of = db->Cached(
      "SELECT coalesce(s.first_doc, d.rowid) FROM documents d LEFT JOIN stories s ON s.id = d.story WHERE d.rowid=?1");
  std::unordered_map<std::string, double> weights;  // weight_of, once per entity
  auto weight = [&](const std::string& id) {
    auto [it, fresh] = weights.try_emplace(id, 0.0);
    if (fresh) it->second = weight_of(id);
    return it->second;
  };
  auto entity_score = [&](const StoryProfile& other, double shared_weight) {
    double other_total = 0;
    for (const std::string& id : other.salient_ids) other_total += weight(id);
    return shared_weight / std::max(1e-9, std::min(total, std::max(other_total, shared_weight)));
  };
  int64_t best = 0;
  double best_score = 0;
  for (const auto& [other, h] : hits) {
    if (h.shared < 2) continue;
    const StoryProfile& profile = profiles->Get(db, other);
    double score = entity_score(profile, h.weight);
    if (score < kStoryEntityOverlap || score <= best_score) continue;
    // Same people and places is not yet the same story: the two must also
    // share what they say (title and lead words).
    if (Jaccard(terms, profile.terms) < kStoryTermJaccard) continue;
    best = other;
    best_score = score;
  }
  if (best != 0) {
    // Stories grow around their first document, never by a chain of
    // documents each like the last.
    seed_of.Bind(1, best);
    int64_t seed = seed_of.Step() ? seed_of.Int(0) : best;
    seed_of.Reset();
    if (seed != best) {
      auto it = hits.find(seed);
      bool like_seed = false;
      if (it != hits.end() && it->second.shared >= 2) {
        const StoryProfile& profile = profiles->Get(db, seed);
        like_seed = entity_score(profile, it->second.weight) >= kStoryEntityOverlap &&
                    Jaccard(terms, profile.terms) >= kStoryTermJaccard;
      }
      if (!like_seed) best = 0;
    }
  }
  if (best == 0) return Status::Ok();
  store::Stmt& story_of = db->Cached("SELECT story FROM documents WHERE rowid=?1");
  story_of.Bind(1, best);
  int64_t story = 0;
  if (story_of.Step() && !story_of.IsNull(0)) story = story_of.Int(0);
  if (story == 0) {
    store::Stmt& ins = db->Cached("INSERT INTO stories(first_doc, size) VALUES(?1, 2)");
    ins.Bind(1, best);
    RASD_RETURN_IF_ERROR(ins.Run());
    story = sqlite3_last_insert_rowid(db->handle());
    store::Stmt& set = db->Cached("UPDATE documents SET story=?1 WHERE rowid=?2");
    set.Bind(1, story).Bind(2, best);
    RASD_RETURN_IF_ERROR(set.Run());
  }
  store::Stmt& set = db->Cached("UPDATE documents SET story=?1 WHERE rowid=?2");
  set.Bind(1, story).Bind(2, doc);
  RASD_RETURN_IF_ERROR(set.Run());
  dirty->insert(story);
  return Status::Ok();
}

Status RefreshStories(store::Db* db, const std::set<int64_t>& ids) {
  // Two reads of the story's documents (its size and days; its first
  // document), then one write.
  store::Stmt& days = db->Cached(
      "SELECT count(*), min(day), max(day) FROM documents WHERE story=?1");
  store::Stmt& first = db->Cached(
      "SELECT rowid, title FROM documents WHERE story=?1 ORDER BY coalesce(day, '9999'), rowid LIMIT 1");
  store::Stmt& up = db->Cached(
      "UPDATE stories SET size=?2, first_day=?3, last_day=?4, first_doc=?5, title=?6 WHERE id=?1");
  store::Stmt& drop = db->Cached("DELETE FROM stories WHERE id=?1");
  store::Stmt& lone = db->Cached("UPDATE documents SET story=NULL WHERE story=?1");
  for (int64_t id : ids) {
    days.Bind(1, id);
    if (!days.Step()) return Status::IoError("SQL: " + days.error());
    const int64_t size = days.Int(0);
    if (size < 2) {
      days.Reset();
      drop.Bind(1, id);
      RASD_RETURN_IF_ERROR(drop.Run());
      lone.Bind(1, id);
      RASD_RETURN_IF_ERROR(lone.Run());
      continue;
    }
    up.Bind(1, id).Bind(2, size).BindColumn(3, days, 1).BindColumn(4, days, 2);
    days.Reset();
    first.Bind(1, id);
    if (!first.Step()) return Status::IoError("SQL: " + first.error());
    up.BindColumn(5, first, 0).BindColumn(6, first, 1);
    first.Reset();
    RASD_RETURN_IF_ERROR(up.Run());
  }
  return Status::Ok();
}

}  // namespace rasd::corpus
