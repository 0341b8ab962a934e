// Corpus entities in the database: resolution is replayed from the stored
// per-document entities (so it is exactly what an uninterrupted run gives),
// and the entities table is derived from it.
#include <cstdio>

#include "corpus/codec.h"
#include "corpus/writer.h"
#include "extract/ner/gazetteer.h"
#include "rasd/text.h"

namespace rasd::corpus {

Status ReplayEntities(store::Db* db, resolve::EntityIndex* index) {
  const ner::Gazetteer& gaz = ner::Gazetteer::Default();
  store::Stmt s(db, R"sql(SELECT de.doc, d.id, d.published, de.idx, de.entity_id, de.type, de.key, de.name,
      de.variants, de.roles, de.gazetteer_id, de.surname_only, de.mentions
      FROM doc_entities de JOIN documents d ON d.rowid = de.doc ORDER BY de.doc, de.idx)sql");
  if (!s.ok()) return Status::IoError("SQL: " + s.error());
  struct Fix {
    int64_t doc;
    int64_t idx;
    std::string id;
  };
  std::vector<Fix> fixes;
  int64_t doc = -1;
  std::string doc_id, published;
  resolve::DocResolution r;
  std::vector<std::pair<int64_t, std::string>> stored;  // (idx, entity id) of the current document
  auto flush = [&]() {
    if (doc < 0) return;
    auto ids = index->Add(r, doc_id, ParsePublished(published, ""));
    for (size_t i = 0; i < ids.size() && i < stored.size(); ++i) {
      if (ids[i] != stored[i].second && index->Canonical(ids[i]) != stored[i].second) fixes.push_back({doc, stored[i].first, ids[i]});
    }
    r.entities.clear();
    stored.clear();
  };
  while (s.Step()) {
    if (s.Int(0) != doc) {
      flush();
      doc = s.Int(0);
      doc_id = s.Text(1);
      published = s.Text(2);
    }
    resolve::DocEntity e;
    ner::ParseType(s.Text(5), &e.type);
    e.key = s.Text(6);
    e.name = s.Text(7);
    e.variants = SplitList(s.Text(8));
    e.roles = SplitList(s.Text(9));
    if (!s.IsNull(10)) e.gazetteer = gaz.ById(s.Text(10));
    e.surname_only = s.Int(11) != 0;
    e.mentions.assign(static_cast<size_t>(s.Int(12)), 0);
    r.entities.push_back(std::move(e));
    stored.emplace_back(s.Int(3), s.Text(4));
  }
  if (!s.error().empty()) return Status::IoError("SQL: " + s.error());
  flush();
  store::Stmt fix(db, "UPDATE doc_entities SET entity_id=?3 WHERE doc=?1 AND idx=?2");
  for (const Fix& f : fixes) {
    fix.Bind(1, f.doc).Bind(2, f.idx).Bind(3, f.id);
    RASD_RETURN_IF_ERROR(fix.Run());
  }
  return Status::Ok();
}

Status WriteEntities(store::Db* db, const resolve::EntityIndex& index) {
  // Ids of entities merged since they were stored move to the current id,
  // in documents and in the actors of event clusters.
  store::Stmt move(db, "UPDATE doc_entities SET entity_id=?2 WHERE entity_id=?1");
  const char* kList = "trim(replace(char(31) || %s || char(31), char(31) || ?1 || char(31), "
                      "char(31) || ?2 || char(31)), char(31))";
  auto list = [&](const char* col) {
    char buf[256];
    std::snprintf(buf, sizeof buf, kList, col);
    return std::string(col) + "=" + buf;
  };
  store::Stmt actors(db, "UPDATE event_clusters SET " + list("agents") + ", " + list("targets") +
                             " WHERE id IN (SELECT cluster FROM cluster_actors WHERE entity_id=?1)");
  store::Stmt keys(db, "UPDATE OR IGNORE cluster_actors SET entity_id=?2 WHERE entity_id=?1");
  store::Stmt gone(db, "DELETE FROM cluster_actors WHERE entity_id=?1");
  for (const auto& [old, now] : index.Redirects()) {
    for (store::Stmt* s : {&move, &actors, &keys}) {
      s->Bind(1, old).Bind(2, now);
      RASD_RETURN_IF_ERROR(s->Run());
    }
    gone.Bind(1, old);
    RASD_RETURN_IF_ERROR(gone.Run());
  }
  RASD_RETURN_IF_ERROR(db->Exec("DELETE FROM entities; DELETE FROM entity_names;"));
  store::Stmt ins(db, R"sql(INSERT INTO entities(id, type, name, kind, gazetteer_id, lat, lon, country,
      mentions, documents, first_seen, last_seen, ambiguous, candidates, variants, roles)
      VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16))sql");
  store::Stmt name(db, "INSERT OR IGNORE INTO entity_names(key, entity_id) VALUES(?1, ?2)");
  for (const resolve::Entity* e : index.All()) {
    ins.Bind(1, e->id).Bind(2, ner::TypeName(e->type)).Bind(3, e->name);
    const ner::GazetteerEntry* g = e->gazetteer;
    ins.BindOrNull(4, g ? g->kind : "").BindOrNull(5, g ? g->id : "");
    if (g && g->has_coordinates) ins.Bind(6, g->lat).Bind(7, g->lon); else ins.BindNull(6).BindNull(7);
    ins.BindOrNull(8, g ? g->country : "").Bind(9, e->mentions).Bind(10, e->documents);
    ins.BindOrNull(11, e->first_seen).BindOrNull(12, e->last_seen).Bind(13, e->ambiguous ? 1 : 0);
    ins.Bind(14, JoinList(e->candidates));
    ins.Bind(15, JoinList({e->variants.begin(), e->variants.end()}));
    ins.Bind(16, JoinList({e->roles.begin(), e->roles.end()}));
    RASD_RETURN_IF_ERROR(ins.Run());
    std::set<std::string> keys{text::NormalizeKey(e->name)};
    for (const std::string& v : e->variants) keys.insert(text::NormalizeKey(v));
    for (const std::string& k : keys) {
      if (k.empty()) continue;
      name.Bind(1, k).Bind(2, e->id);
      RASD_RETURN_IF_ERROR(name.Run());
    }
  }
  return Status::Ok();
}

}  // namespace rasd::corpus
