// Corpus::Entities, Corpus::Entity and Corpus::Quotes.
#include <nlohmann/json.hpp>

#include "corpus/codec.h"
#include "corpus/filters.h"
#include "corpus/impl.h"
#include "rasd/ner.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::corpus {

using json = nlohmann::ordered_json;

namespace {

json OrNull(const store::Stmt& s, int col) { return s.IsNull(col) ? json(nullptr) : json(s.Text(col)); }

constexpr const char* kEntityColumns =
    "id, type, name, kind, gazetteer_id, lat, lon, country, mentions, documents, first_seen, last_seen, "
    "ambiguous, candidates, variants, roles";

json EntityJson(const store::Stmt& s, bool full) {
  json e{{"id", s.Text(0)}, {"type", s.Text(1)}, {"name", s.Text(2)}};
  if (!s.IsNull(3)) e["kind"] = s.Text(3);
  if (!s.IsNull(5)) {
    e["lat"] = s.Double(5);
    e["lon"] = s.Double(6);
  }
  if (!s.IsNull(7)) e["country"] = s.Text(7);
  e["mentions"] = s.Int(8);
  e["documents"] = s.Int(9);
  e["first_seen"] = OrNull(s, 10);
  e["last_seen"] = OrNull(s, 11);
  if (s.Int(12)) {
    e["ambiguous"] = true;
    e["candidates"] = SplitList(s.Text(13));
  }
  auto variants = SplitList(s.Text(14));
  e["variant_count"] = variants.size();
  if (full) {
    e["variants"] = variants;
    e["roles"] = SplitList(s.Text(15));
  }
  return e;
}

}  // namespace

StatusOr<std::string> Corpus::Entities(const EntityQuery& q) {
  store::Db* db = impl_->db.get();
  Sql sql;
  if (!q.type.empty()) {
    ner::EntityType t;
    std::string upper;
    for (char c : q.type) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (!ner::ParseType(upper, &t)) {
      return Status::InvalidArgument("entity type must be PER, ORG, LOC, GPE, NORP or MISC (got \"" + q.type + "\")");
    }
    sql.Add("type = ?", {upper});
  }
  if (q.ambiguous_only) sql.Add("ambiguous", {});
  if (!q.name.empty()) {
    // Any spelling starting with the words typed (normalized, so hamza and
    // diacritics do not matter).
    std::string key = text::NormalizeKey(q.name);
    if (key.empty()) return Status::InvalidArgument("name has no letters");
    sql.Add("id IN (SELECT entity_id FROM entity_names WHERE key >= ? AND key < ?)", {key, key + "\xf4\x8f\xbf\xbf"});
  }
  const int lim = sql.Next(), off = lim + 1;
  store::Stmt s(db, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE 1" + sql.where +
                        " ORDER BY mentions DESC, id LIMIT ?" + std::to_string(lim) + " OFFSET ?" + std::to_string(off));
  sql.BindAll(&s);
  s.Bind(lim, static_cast<int64_t>(std::min<size_t>(q.limit, 10000))).Bind(off, static_cast<int64_t>(q.offset));
  auto list = json::array();
  while (s.Step()) list.push_back(EntityJson(s, false));
  if (!s.error().empty()) return Status::Internal(s.error());
  store::Stmt n(db, "SELECT count(*) FROM entities WHERE 1" + sql.where);
  sql.BindAll(&n);
  json out;
  out["total"] = n.Step() ? n.Int(0) : 0;
  out["entities"] = std::move(list);
  return out.dump();
}

StatusOr<std::string> Corpus::Entity(const std::string& id_or_name) {
  store::Db* db = impl_->db.get();
  auto ids = EntityIds(db, id_or_name);
  if (ids.empty()) return Status::NotFound("no entity is called \"" + id_or_name + "\"");
  const std::string id = ids.front();
  store::Stmt s(db, std::string("SELECT ") + kEntityColumns + " FROM entities WHERE id=?1");
  s.Bind(1, id);
  if (!s.Step()) return Status::NotFound("no entity has id \"" + id + "\"");
  json j = EntityJson(s, true);
  if (ids.size() > 1) {
    auto others = json::array();
    store::Stmt o(db, "SELECT id, name, type, mentions FROM entities WHERE id=?1");
    for (size_t i = 1; i < ids.size() && i < 10; ++i) {
      o.Bind(1, ids[i]);
      if (o.Step()) others.push_back({{"id", o.Text(0)}, {"name", o.Text(1)}, {"type", o.Text(2)}, {"mentions", o.Int(3)}});
      o.Reset();
    }
    j["same_name"] = std::move(others);  // other entities that this name can mean
  }
  // Variants as written, with how often each was used.
  auto timeline = json::array();
  store::Stmt t(db, R"sql(SELECT day, count(*), sum(mentions) FROM doc_entities
      WHERE entity_id = ?1 GROUP BY day ORDER BY day)sql");
  t.Bind(1, id);
  int64_t undated = 0;
  while (t.Step()) {
    if (t.IsNull(0)) {
      undated = t.Int(1);
      continue;
    }
    timeline.push_back({{"day", t.Text(0)}, {"documents", t.Int(1)}, {"mentions", t.Int(2)}});
  }
  j["timeline"] = std::move(timeline);
  j["undated_documents"] = undated;  // documents without a publication date
  auto quotes = json::array();
  store::Stmt q(db, R"sql(SELECT d.id, d.title, d.published, q.direct, d.text, q.begin, q.end, q.cue, q.idx
      FROM quotes q JOIN doc_entities de ON de.doc = q.doc AND de.idx = q.speaker_entity
      JOIN documents d ON d.rowid = q.doc
      WHERE de.entity_id = ?1 ORDER BY coalesce(d.day, '') DESC, d.rowid DESC LIMIT 50)sql");
  q.Bind(1, id);
  while (q.Step()) {
    const std::string text = q.Text(4);
    utf8::Utf16Index u16(text);
    const auto b = static_cast<uint32_t>(q.Int(5)), e = static_cast<uint32_t>(q.Int(6));
    quotes.push_back({{"document", q.Text(0)}, {"title", q.Text(1)}, {"published", OrNull(q, 2)},
                      {"index", q.Int(8)}, {"direct", q.Int(3) != 0}, {"text", text.substr(b, e - b)},
                      {"begin", b}, {"end", e}, {"begin16", u16.ToUtf16(b)}, {"end16", u16.ToUtf16(e)},
                      {"cue", q.Text(7)}});
  }
  j["quotes"] = std::move(quotes);
  auto with = json::array();
  store::Stmt co(db, R"sql(SELECT o.entity_id, coalesce(e.name, o.name), o.type, count(DISTINCT o.doc) AS n
      FROM doc_entities de JOIN doc_entities o ON o.doc = de.doc AND o.entity_id <> de.entity_id
      LEFT JOIN entities e ON e.id = o.entity_id
      WHERE de.entity_id = ?1 GROUP BY o.entity_id ORDER BY n DESC, o.entity_id LIMIT 20)sql");
  co.Bind(1, id);
  while (co.Step()) with.push_back({{"id", co.Text(0)}, {"name", co.Text(1)}, {"type", co.Text(2)}, {"documents", co.Int(3)}});
  j["co_occurring"] = std::move(with);
  auto docs = json::array();
  store::Stmt d(db, R"sql(SELECT d.id, d.title, d.outlet, d.published, de.mentions FROM doc_entities de
      JOIN documents d ON d.rowid = de.doc WHERE de.entity_id = ?1
      ORDER BY coalesce(d.day, '') DESC, d.rowid DESC LIMIT 20)sql");
  d.Bind(1, id);
  while (d.Step()) {
    docs.push_back({{"id", d.Text(0)}, {"title", d.Text(1)}, {"outlet", OrNull(d, 2)}, {"published", OrNull(d, 3)},
                    {"mentions", d.Int(4)}});
  }
  j["recent_documents"] = std::move(docs);
  return j.dump();
}

StatusOr<std::string> Corpus::Quotes(const std::string& speaker, const Filters& filters, size_t limit, size_t offset) {
  store::Db* db = impl_->db.get();
  auto f = DocumentFilters(db, filters, 3);
  if (!f.ok()) return f.status();
  std::string cond;
  std::vector<std::string> extra;
  if (!speaker.empty()) {
    auto ids = EntityIds(db, speaker);
    if (!ids.empty()) {
      std::string in;
      for (size_t i = 0; i < ids.size(); ++i) in += i ? ",?" : "?";
      f->Add("EXISTS (SELECT 1 FROM doc_entities de WHERE de.doc = q.doc AND de.idx = q.speaker_entity "
             "AND de.entity_id IN (" + in + "))", ids);
    } else {
      // Not a known entity: match the speaker phrase as written ("مصدر عسكري").
      f->Add("instr(q.speaker, ?) > 0", {speaker});
    }
  }
  std::string sql = R"sql(SELECT d.id, d.title, d.outlet, d.published, q.idx, q.direct,
      CAST(substr(CAST(d.text AS BLOB), q.begin + 1, q.end - q.begin) AS TEXT), q.begin, q.end, q.cue,
      q.speaker, q.speaker_kind, de.entity_id, coalesce(e.name, de.name)
      FROM quotes q JOIN documents d ON d.rowid = q.doc
      LEFT JOIN doc_entities de ON de.doc = q.doc AND de.idx = q.speaker_entity
      LEFT JOIN entities e ON e.id = de.entity_id
      WHERE 1)sql" + f->where +
                    " ORDER BY coalesce(d.day, '') DESC, d.rowid DESC, q.idx LIMIT ?1 OFFSET ?2";
  store::Stmt s(db, sql);
  if (!s.ok()) return Status::Internal(s.error());
  s.Bind(1, static_cast<int64_t>(std::min<size_t>(limit, 10000))).Bind(2, static_cast<int64_t>(offset));
  f->BindAll(&s);
  auto list = json::array();
  while (s.Step()) {
    json q{{"document", s.Text(0)}, {"title", s.Text(1)}, {"outlet", OrNull(s, 2)}, {"published", OrNull(s, 3)},
           {"index", s.Int(4)}, {"direct", s.Int(5) != 0}, {"text", s.Text(6)}, {"begin", s.Int(7)},
           {"end", s.Int(8)}, {"cue", s.Text(9)}, {"speaker", OrNull(s, 10)}, {"speaker_kind", s.Text(11)}};
    if (!s.IsNull(12)) q["speaker_entity"] = {{"id", s.Text(12)}, {"name", s.Text(13)}};
    list.push_back(std::move(q));
  }
  if (!s.error().empty()) return Status::Internal(s.error());
  json out;
  out["quotes"] = std::move(list);
  return out.dump();
}

}  // namespace rasd::corpus
