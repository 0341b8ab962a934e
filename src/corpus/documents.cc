// Corpus::Document, Corpus::Story and Corpus::Stats.
#include <nlohmann/json.hpp>

#include "corpus/codec.h"
#include "corpus/impl.h"
#include "corpus/load.h"
#include "store/schema.h"

namespace rasd::corpus {

using json = nlohmann::ordered_json;

namespace {

json OrNull(const store::Stmt& s, int col) { return s.IsNull(col) ? json(nullptr) : json(s.Text(col)); }

std::string IdOf(store::Db* db, int64_t rowid) {
  store::Stmt s(db, "SELECT id FROM documents WHERE rowid=?1");
  s.Bind(1, rowid);
  return s.Step() ? s.Text(0) : "";
}

}  // namespace

StatusOr<std::string> Corpus::Document(const std::string& id) {
  store::Db* db = impl_->db.get();
  store::Stmt s(db,
                "SELECT rowid, NULL, duplicate_of, near_duplicate_of, similarity, story, split_from, "
                "ingested_at, raw_size FROM documents WHERE id=?1");
  s.Bind(1, id);
  if (!s.Step()) return Status::NotFound("no document has id \"" + id + "\"");
  const int64_t rowid = s.Int(0);
  auto a = LoadAnalysis(db, rowid);
  if (!a.ok()) return Status(a.status().code(), "document " + id + ": " + a.status().message());
  json j = json::parse(ToJson(*a, {}));
  store::Stmt cluster(db, "SELECT cluster FROM events WHERE doc=?1 AND idx=?2");
  for (size_t i = 0; i < j["events"].size(); ++i) {
    cluster.Bind(1, rowid).Bind(2, i);
    j["events"][i]["cluster"] = cluster.Step() && !cluster.IsNull(0) ? json(cluster.Int(0)) : json(nullptr);
    cluster.Reset();
  }
  json c;
  c["duplicate_of"] = s.IsNull(2) ? json(nullptr) : json(IdOf(db, s.Int(2)));
  c["near_duplicate_of"] = s.IsNull(3) ? json(nullptr) : json(IdOf(db, s.Int(3)));
  if (!s.IsNull(3)) c["similarity"] = s.Double(4);
  c["story"] = s.IsNull(5) ? json(nullptr) : json(s.Int(5));
  auto copies = json::array();
  store::Stmt cp(db, "SELECT id, duplicate_of IS NOT NULL, similarity, title, outlet, published FROM documents "
                    "WHERE duplicate_of=?1 OR near_duplicate_of=?1 ORDER BY rowid");
  cp.Bind(1, rowid);
  while (cp.Step()) {
    copies.push_back({{"id", cp.Text(0)}, {"kind", cp.Int(1) ? "exact" : "near"}, {"similarity", cp.Double(2)},
                      {"title", cp.Text(3)}, {"outlet", OrNull(cp, 4)}, {"published", OrNull(cp, 5)}});
  }
  c["copies"] = std::move(copies);
  c["ingested_at"] = s.Text(7);
  c["raw_bytes"] = s.Int(8);
  j["corpus"] = std::move(c);
  return j.dump();
}

StatusOr<std::string> Corpus::Story(int64_t id) {
  store::Db* db = impl_->db.get();
  store::Stmt s(db, "SELECT id, size, first_day, last_day, title FROM stories WHERE id=?1");
  s.Bind(1, id);
  if (!s.Step()) return Status::NotFound("no story has id " + std::to_string(id));
  json j{{"id", s.Int(0)}, {"size", s.Int(1)}, {"first_day", OrNull(s, 2)}, {"last_day", OrNull(s, 3)},
         {"title", s.Text(4)}};
  auto docs = json::array();
  store::Stmt d(db, R"sql(SELECT d.id, d.title, d.outlet, d.published,
      (SELECT count(*) FROM documents c WHERE c.duplicate_of = d.rowid OR c.near_duplicate_of = d.rowid)
      FROM documents d WHERE d.story = ?1 ORDER BY coalesce(d.day, '9999'), d.rowid)sql");
  d.Bind(1, id);
  while (d.Step()) {
    docs.push_back({{"id", d.Text(0)}, {"title", d.Text(1)}, {"outlet", OrNull(d, 2)}, {"published", OrNull(d, 3)},
                    {"copies", d.Int(4)}});
  }
  j["documents"] = std::move(docs);
  auto ents = json::array();
  store::Stmt e(db, R"sql(SELECT de.entity_id, coalesce(en.name, de.name), de.type, count(DISTINCT de.doc) AS n
      FROM doc_entities de JOIN documents d ON d.rowid = de.doc LEFT JOIN entities en ON en.id = de.entity_id
      WHERE d.story = ?1 GROUP BY de.entity_id ORDER BY n DESC, de.entity_id LIMIT 15)sql");
  e.Bind(1, id);
  while (e.Step()) ents.push_back({{"id", e.Text(0)}, {"name", e.Text(1)}, {"type", e.Text(2)}, {"documents", e.Int(3)}});
  j["entities"] = std::move(ents);
  return j.dump();
}

StatusOr<std::string> Corpus::Outlets() {
  store::Stmt s(impl_->db.get(),
                "SELECT outlet, count(*) AS n, sum(duplicate_of IS NULL AND near_duplicate_of IS NULL), min(day), "
                "max(day) FROM documents GROUP BY outlet ORDER BY n DESC, outlet");
  auto list = json::array();
  while (s.Step()) {
    list.push_back({{"outlet", OrNull(s, 0)}, {"documents", s.Int(1)}, {"originals", s.Int(2)},
                    {"first_day", OrNull(s, 3)}, {"last_day", OrNull(s, 4)}});
  }
  if (!s.error().empty()) return Status::Internal(s.error());
  return json{{"outlets", std::move(list)}}.dump();
}

StatusOr<std::string> Corpus::Stats() {
  store::Db* db = impl_->db.get();
  auto one = [&](const char* sql) -> int64_t {
    store::Stmt s(db, sql);
    return s.Step() ? s.Int(0) : 0;
  };
  json j;
  j["schema_version"] = store::kSchemaVersion;
  j["documents"] = one("SELECT count(*) FROM documents");
  j["sources"] = one("SELECT count(*) FROM sources");
  j["originals"] = one("SELECT count(*) FROM documents WHERE duplicate_of IS NULL AND near_duplicate_of IS NULL");
  j["exact_duplicates"] = one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL");
  j["near_duplicates"] = one("SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL");
  j["appended_articles"] = one("SELECT count(*) FROM documents WHERE part > 0");
  j["stories"] = one("SELECT count(*) FROM stories");
  j["documents_in_stories"] = one("SELECT count(*) FROM documents WHERE story IS NOT NULL");
  j["mentions"] = one("SELECT count(*) FROM mentions");
  j["entities"] = one("SELECT count(*) FROM entities");
  j["ambiguous_entities"] = one("SELECT count(*) FROM entities WHERE ambiguous");
  j["quotes"] = one("SELECT count(*) FROM quotes");
  j["dates"] = one("SELECT count(*) FROM dates");
  j["counts"] = one("SELECT count(*) FROM counts");
  j["event_reports"] = one("SELECT count(*) FROM events");
  j["events"] = one("SELECT count(*) FROM event_clusters");
  j["raw_bytes"] = one("SELECT coalesce(sum(raw_size), 0) FROM documents");
  j["database_bytes"] = one("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
  store::Stmt range(db, "SELECT min(day), max(day) FROM documents");
  if (range.Step()) j["days"] = {{"first", OrNull(range, 0)}, {"last", OrNull(range, 1)}};
  auto by = [&](const char* sql) {
    json o = json::object();
    store::Stmt s(db, sql);
    while (s.Step()) o[s.IsNull(0) ? "(unknown)" : s.Text(0)] = s.Int(1);
    return o;
  };
  j["outlets"] = by("SELECT outlet, count(*) AS n FROM documents GROUP BY outlet ORDER BY n DESC LIMIT 30");
  j["entity_types"] = by("SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY n DESC");
  j["event_types"] = by("SELECT type, count(*) AS n FROM event_clusters GROUP BY type ORDER BY n DESC");
  return j.dump();
}

}  // namespace rasd::corpus
