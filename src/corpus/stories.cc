#include <algorithm>
#include <map>

#include "corpus/codec.h"
#include "corpus/links.h"

namespace rasd::corpus {

Status AssignStory(store::Db* db, int64_t doc, const std::string& day, const std::vector<Salient>& salient,
                   const std::function<double(const std::string&)>& weight_of, int window_days,
                   std::set<int64_t>* dirty) {
  if (day.empty() || salient.size() < 2) return Status::Ok();
  double total = 0;
  for (const Salient& s : salient) total += s.weight;
  if (total <= 0) return Status::Ok();
  struct Hit {
    double weight = 0;
    int shared = 0;
  };
  std::map<int64_t, Hit> hits;
  store::Stmt& find = db->Cached("SELECT DISTINCT de.doc FROM doc_entities de JOIN documents d ON d.rowid=de.doc "
                   "WHERE de.entity_id=?1 AND de.day BETWEEN ?2 AND ?3 AND de.doc<>?4 "
                   "AND d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL");
  std::string from = AddDays(day, -window_days), to = AddDays(day, window_days);
  for (const Salient& s : salient) {
    find.Bind(1, s.entity_id).Bind(2, from).Bind(3, to).Bind(4, doc);
    while (find.Step()) {
      Hit& h = hits[find.Int(0)];
      h.weight += s.weight;
      h.shared += 1;
    }
    if (!find.error().empty()) return Status::IoError("SQL: " + find.error());
    find.Reset();
  }
  // The share of the smaller document's weight the two have in common, so a
  // short follow-up that names the same few actors joins its story.
  store::Stmt& theirs = db->Cached(
      "SELECT entity_id FROM doc_entities WHERE doc=?1 AND type NOT IN ('NORP', 'MISC') "
      "ORDER BY mentions DESC, idx LIMIT " + std::to_string(kSalientEntities));
  int64_t best = 0;
  double best_score = 0;
  for (const auto& [other, h] : hits) {
    if (h.shared < 2) continue;
    double other_total = 0;
    theirs.Bind(1, other);
    while (theirs.Step()) other_total += weight_of(theirs.Text(0));
    theirs.Reset();
    double score = h.weight / std::max(1e-9, std::min(total, std::max(other_total, h.weight)));
    if (score >= 0.5 && score > best_score) {
      best = other;
      best_score = score;
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
  store::Stmt& up = db->Cached(R"sql(
    UPDATE stories SET
      size = (SELECT count(*) FROM documents WHERE story = stories.id),
      first_day = (SELECT min(day) FROM documents WHERE story = stories.id),
      last_day = (SELECT max(day) FROM documents WHERE story = stories.id),
      first_doc = (SELECT rowid FROM documents WHERE story = stories.id
                   ORDER BY coalesce(day, '9999'), rowid LIMIT 1),
      title = (SELECT title FROM documents WHERE story = stories.id
               ORDER BY coalesce(day, '9999'), rowid LIMIT 1)
    WHERE id = ?1)sql");
  store::Stmt& small = db->Cached(R"sql(
    DELETE FROM stories WHERE id = ?1 AND size < 2)sql");
  store::Stmt& lone = db->Cached("UPDATE documents SET story=NULL WHERE story=?1 AND NOT EXISTS (SELECT 1 FROM stories WHERE id=?1)");
  for (int64_t id : ids) {
    up.Bind(1, id);
    RASD_RETURN_IF_ERROR(up.Run());
    small.Bind(1, id);
    RASD_RETURN_IF_ERROR(small.Run());
    lone.Bind(1, id);
    RASD_RETURN_IF_ERROR(lone.Run());
  }
  return Status::Ok();
}

}  // namespace rasd::corpus
