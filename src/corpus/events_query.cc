// Corpus::Events and Corpus::Export: events merged across reports, with
// their evidence, and the export formats.
#include <nlohmann/json.hpp>

#include <ctime>
#include <map>
#include <set>

#include "corpus/codec.h"
#include "corpus/filters.h"
#include "corpus/impl.h"
#include "extract/ner/gazetteer.h"
#include "rasd/data.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::corpus {

using json = nlohmann::ordered_json;

namespace {

json OrNull(const store::Stmt& s, int col) { return s.IsNull(col) ? json(nullptr) : json(s.Text(col)); }
json NumOrNull(const store::Stmt& s, int col) { return s.IsNull(col) ? json(nullptr) : json(s.Double(col)); }

// Places a name or id can mean: gazetteer entries and place entities.
std::vector<const ner::GazetteerEntry*> Places(store::Db* db, const std::string& name) {
  const ner::Gazetteer& gaz = ner::Gazetteer::Default();
  std::vector<const ner::GazetteerEntry*> out;
  if (const ner::GazetteerEntry* e = gaz.ById(name)) out.push_back(e);
  if (const ner::GazetteerEntry* e = gaz.ByName(text::NormalizeKey(name))) out.push_back(e);
  for (const std::string& id : EntityIds(db, name)) {
    if (const ner::GazetteerEntry* e = gaz.ById(id)) out.push_back(e);
  }
  return out;
}

// "?,?,..." and the corpus entity ids an actor filter can mean, or NotFound.
StatusOr<std::pair<std::string, std::vector<std::string>>> ActorIn(store::Db* db, const std::string& actor) {
  auto ids = EntityIds(db, actor);
  if (ids.empty()) return Status::NotFound("no entity is called \"" + actor + "\"");
  std::string in;
  for (size_t i = 0; i < ids.size(); ++i) in += i ? ",?" : "?";
  return std::make_pair(std::move(in), std::move(ids));
}

// "(c.place_id = ? OR c.within_id = ? OR c.country = ?...)" for a place
// filter on the columns of table alias `t`, or NotFound.
StatusOr<std::pair<std::string, std::vector<std::string>>> PlaceCondition(store::Db* db, const std::string& place,
                                                                           const std::string& t) {
  auto places = Places(db, place);
  if (places.empty()) return Status::NotFound("no place is called \"" + place + "\"");
  std::string any;
  std::vector<std::string> values;
  for (const ner::GazetteerEntry* p : places) {
    if (!any.empty()) any += " OR ";
    if (p->kind == "country") {
      any += t + ".country = ?";
      values.push_back(p->country);
    } else {
      any += t + ".place_id = ? OR " + t + ".within_id = ?";
      values.push_back(p->id);
      values.push_back(p->id);
    }
  }
  return std::make_pair("(" + any + ")", values);
}

constexpr const char* kClusterColumns =
    "c.id, c.type, c.mode, c.modality, c.day, c.last_day, c.place_id, c.place_name, c.within_id, c.lat, c.lon, "
    "c.country, c.agents, c.targets, c.reports, c.outlets, c.first_doc, c.killed, c.injured, c.arrested";

}  // namespace

// The PLOVER types rasd extracts (data/events/triggers.tsv).
StatusOr<std::string> EventType(const std::string& raw) {
  static const auto* known = [] {
    auto* set = new std::set<std::string>();
    for (std::string_view line : data::Lines(data::Get("events/triggers.tsv"))) {
      auto f = data::Fields(line);
      if (!f.empty()) set->insert(std::string(f[0]));
    }
    return set;
  }();
  std::string t;
  for (char ch : raw) t.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  if (!known->count(t)) {
    std::string list;
    for (const auto& k : *known) list += (list.empty() ? "" : ", ") + k;
    return Status::InvalidArgument("unknown event type \"" + raw + "\" (rasd extracts " + list + ")");
  }
  return t;
}

namespace {

// Conditions on a report (events alias e, documents alias d): the shared
// filters on its document, and type, modality, place and actor on itself.
StatusOr<Sql> ReportConditions(store::Db* db, const EventQuery& q, int first_param) {
  Filters docs = q.filters;
  docs.event_type.clear();
  auto f = DocumentFilters(db, docs, first_param);
  if (!f.ok()) return f.status();
  Sql sql = *f;
  if (q.asserted_only) sql.Add("e.modality = 'asserted'", {});
  if (!q.filters.event_type.empty()) {
    auto t = EventType(q.filters.event_type);
    if (!t.ok()) return t.status();
    sql.Add("e.type = ?", {*t});
  }
  if (!q.place.empty()) {
    auto cond = PlaceCondition(db, q.place, "e");
    if (!cond.ok()) return cond.status();
    sql.Add(cond->first, cond->second);
  }
  if (!q.actor.empty()) {
    auto in = ActorIn(db, q.actor);
    if (!in.ok()) return in.status();
    sql.Add("EXISTS (SELECT 1 FROM event_args a JOIN doc_entities de ON de.doc = e.doc AND de.idx = a.entity "
            "WHERE a.event = e.rowid AND de.entity_id IN (" + in->first + "))", in->second);
  }
  return sql;
}

// Conditions on a merged event (event_clusters alias c).
StatusOr<Sql> ClusterConditions(store::Db* db, const EventQuery& q, int first_param) {
  Filters docs{q.filters.outlet, "", "", q.filters.entity, "", q.filters.has_quotes};
  auto f = DocumentFilters(db, docs, first_param);
  if (!f.ok()) return f.status();
  Sql sql;
  sql.first = first_param;
  // Outlet, entity and quote filters apply to the reports of the event.
  if (!f->where.empty()) {
    sql.where = " AND EXISTS (SELECT 1 FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = c.id" +
                f->where + ")";
    sql.params = f->params;
  }
  if (!q.filters.event_type.empty()) {
    auto t = EventType(q.filters.event_type);
    if (!t.ok()) return t.status();
    sql.Add("c.type = ?", {*t});
  }
  if (q.asserted_only) sql.Add("c.modality = 'asserted'", {});
  if (!q.filters.from.empty()) {
    RASD_RETURN_IF_ERROR(CheckDate(q.filters.from, "--from"));
    sql.Add("c.last_day >= ?", {q.filters.from});
  }
  if (!q.filters.to.empty()) {
    RASD_RETURN_IF_ERROR(CheckDate(q.filters.to, "--to"));
    sql.Add("c.day <= ?", {q.filters.to + "\x7f"});
  }
  if (!q.place.empty()) {
    auto cond = PlaceCondition(db, q.place, "c");
    if (!cond.ok()) return cond.status();
    sql.Add(cond->first, cond->second);
  }
  if (!q.actor.empty()) {
    auto in = ActorIn(db, q.actor);
    if (!in.ok()) return in.status();
    sql.Add("c.id IN (SELECT cluster FROM cluster_actors WHERE entity_id IN (" + in->first + "))", in->second);
  }
  return sql;
}

StatusOr<std::string> ClusterOrder(const std::string& sort) {
  if (sort == "date" || sort.empty()) return std::string(" ORDER BY c.day DESC, c.id DESC");
  if (sort == "killed") return std::string(" ORDER BY coalesce(c.killed, -1) DESC, c.day DESC, c.id DESC");
  if (sort == "reports") return std::string(" ORDER BY c.reports DESC, c.day DESC, c.id DESC");
  return Status::InvalidArgument("sort must be date, killed or reports (got \"" + sort + "\")");
}

json Span16(const utf8::Utf16Index& u16, int64_t begin, int64_t end) {
  return {{"begin", begin}, {"end", end}, {"begin16", u16.ToUtf16(static_cast<uint32_t>(begin))},
          {"end16", u16.ToUtf16(static_cast<uint32_t>(end))}};
}

}  // namespace

// Reads merged events and builds their JSON (shared by Events, Event and Export).
class EventReader {
 public:
  explicit EventReader(store::Db* db) : db_(db) {}

  // Merged events matching `q`; `total` (optional) gets how many there are.
  StatusOr<std::vector<json>> Clusters(const EventQuery& q, bool paged, int64_t* total) {
    auto sql = ClusterConditions(db_, q, 3);
    if (!sql.ok()) return sql.status();
    auto order = ClusterOrder(q.sort);
    if (!order.ok()) return order.status();
    std::string text = std::string("SELECT ") + kClusterColumns + " FROM event_clusters c WHERE 1" + sql->where + *order;
    text += paged ? " LIMIT ?1 OFFSET ?2" : " LIMIT ?1 OFFSET ?2";
    store::Stmt s(db_, text);
    if (!s.ok()) return Status::Internal(s.error());
    s.Bind(1, static_cast<int64_t>(paged ? std::min<size_t>(q.limit, 10000) : 100000));
    s.Bind(2, static_cast<int64_t>(paged ? q.offset : 0));
    sql->BindAll(&s);
    std::vector<json> out;
    while (s.Step()) out.push_back(ClusterJson(s, q, 20));
    if (!s.error().empty()) return Status::Internal(s.error());
    if (total) {
      store::Stmt n(db_, "SELECT count(*), ?1, ?2 FROM event_clusters c WHERE 1" + sql->where);
      n.Bind(1, int64_t{0}).Bind(2, int64_t{0});
      sql->BindAll(&n);
      *total = n.Step() ? n.Int(0) : 0;
    }
    return out;
  }

  StatusOr<json> One(int64_t id) {
    store::Stmt s(db_, std::string("SELECT ") + kClusterColumns + " FROM event_clusters c WHERE c.id = ?1");
    s.Bind(1, id);
    if (!s.Step()) return Status::NotFound("no event has id " + std::to_string(id));
    return ClusterJson(s, EventQuery{}, 1000);
  }

  json ClusterJson(const store::Stmt& s, const EventQuery& q, int evidence) {
    int64_t id = s.Int(0);
    json c{{"id", id}, {"type", s.Text(1)}, {"mode", OrNull(s, 2)}, {"modality", s.Text(3)},
           {"date", s.Text(4)}, {"last_date", s.Text(5)}};
    if (!s.IsNull(6)) {
      json place{{"id", s.Text(6)}, {"name", s.Text(7)}};
      if (!s.IsNull(9)) {
        place["lat"] = s.Double(9);
        place["lon"] = s.Double(10);
      }
      if (!s.IsNull(11)) place["country"] = s.Text(11);
      const ner::GazetteerEntry* g = ner::Gazetteer::Default().ById(s.Text(6));
      if (g) place["kind"] = g->kind;
      if (!s.IsNull(8)) {
        const ner::GazetteerEntry* w = ner::Gazetteer::Default().ById(s.Text(8));
        place["within"] = {{"id", s.Text(8)}, {"name", w ? w->name : ""}, {"kind", w ? w->kind : ""}};
      }
      c["place"] = std::move(place);
    } else {
      c["place"] = nullptr;
    }
    c["agents"] = Names(s.Text(12));
    c["targets"] = Names(s.Text(13));
    json counts = json::object();
    const char* roles[3] = {"killed", "injured", "arrested"};
    for (int r = 0; r < 3; ++r) {
      if (s.IsNull(17 + r)) continue;
      double v = s.Double(17 + r);
      if (q.vague_numbers == "omit") {
        store::Stmt nv(db_, "SELECT max(ec.value) FROM event_counts ec JOIN events e ON e.rowid = ec.event "
                            "WHERE e.cluster = ?1 AND ec.role = ?2 AND NOT ec.vague");
        nv.Bind(1, id).Bind(2, roles[r]);
        if (!nv.Step() || nv.IsNull(0)) continue;
        v = nv.Double(0);
      }
      counts[roles[r]] = v;
    }
    c["counts"] = std::move(counts);
    c["reports"] = s.Int(14);
    c["outlets"] = s.Int(15);
    c["evidence"] = Evidence(id, evidence);
    return c;
  }

  json Names(const std::string& joined) {
    auto out = json::array();
    store::Stmt n(db_, "SELECT name, type FROM entities WHERE id=?1");
    for (const std::string& id : SplitList(joined)) {
      n.Bind(1, id);
      if (n.Step()) {
        out.push_back({{"id", id}, {"name", n.Text(0)}, {"type", n.Text(1)}});
      } else {
        out.push_back({{"id", id}, {"name", nullptr}});
      }
      n.Reset();
    }
    return out;
  }

  // The reports of one merged event: where each was read, with the sentence.
  json Evidence(int64_t cluster, int limit) {
    auto out = json::array();
    store::Stmt e(db_, R"sql(SELECT d.id, d.title, d.outlet, d.published, e.idx, e.trigger_begin, e.trigger_end,
        e.sentence_begin, e.sentence_end, d.text, e.date_from, e.confidence,
        d.duplicate_of IS NOT NULL OR d.near_duplicate_of IS NOT NULL
        FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.cluster = ?1
        ORDER BY coalesce(d.day, '9999'), d.rowid, e.idx LIMIT ?2)sql");
    e.Bind(1, cluster).Bind(2, limit);
    while (e.Step()) {
      const std::string text = e.Text(9);
      utf8::Utf16Index u16(text);
      const int64_t sb = e.Int(7), se = e.Int(8);
      out.push_back({{"document", e.Text(0)}, {"title", e.Text(1)}, {"outlet", OrNull(e, 2)},
                     {"published", OrNull(e, 3)}, {"event", e.Int(4)}, {"trigger", Span16(u16, e.Int(5), e.Int(6))},
                     {"sentence", Span16(u16, sb, se)},
                     {"text", text.substr(static_cast<size_t>(sb), static_cast<size_t>(se - sb))},
                     {"date_from", OrNull(e, 10)}, {"confidence", e.Double(11)}, {"copy", e.Int(12) != 0}});
    }
    return out;
  }

  // One row per report (not merged).
  StatusOr<std::vector<json>> Reports(const EventQuery& q, int64_t* total) {
    auto sql = ReportConditions(db_, q, 3);
    if (!sql.ok()) return sql.status();
    std::string order = q.sort == "killed" ? " ORDER BY coalesce(e.killed, -1) DESC, coalesce(e.day, '') DESC"
                                           : " ORDER BY coalesce(e.day, '') DESC";
    if (q.sort != "date" && q.sort != "killed" && q.sort != "reports") return ClusterOrder(q.sort).status();
    store::Stmt s(db_, R"sql(SELECT d.id, d.title, d.outlet, d.published, e.idx, e.type, e.mode, e.modality,
        e.day, e.date_from, e.place_id, e.place_name, e.lat, e.lon, e.killed, e.injured, e.arrested, e.cluster,
        e.sentence_begin, e.sentence_end, d.text, e.trigger_begin, e.trigger_end, e.confidence
        FROM events e JOIN documents d ON d.rowid = e.doc WHERE 1)sql" + sql->where + order +
                            ", d.rowid DESC, e.idx LIMIT ?1 OFFSET ?2");
    if (!s.ok()) return Status::Internal(s.error());
    s.Bind(1, static_cast<int64_t>(std::min<size_t>(q.limit, 100000))).Bind(2, static_cast<int64_t>(q.offset));
    sql->BindAll(&s);
    std::vector<json> out;
    while (s.Step()) {
      json r{{"document", s.Text(0)}, {"title", s.Text(1)}, {"outlet", OrNull(s, 2)}, {"published", OrNull(s, 3)},
             {"event", s.Int(4)}, {"type", s.Text(5)}, {"mode", OrNull(s, 6)}, {"modality", s.Text(7)},
             {"date", OrNull(s, 8)}, {"date_from", OrNull(s, 9)}};
      if (!s.IsNull(10)) {
        json place{{"id", s.Text(10)}, {"name", s.Text(11)}};
        if (!s.IsNull(12)) {
          place["lat"] = s.Double(12);
          place["lon"] = s.Double(13);
        }
        r["place"] = std::move(place);
      } else {
        r["place"] = nullptr;
      }
      r["counts"] = {{"killed", NumOrNull(s, 14)}, {"injured", NumOrNull(s, 15)}, {"arrested", NumOrNull(s, 16)}};
      r["cluster"] = s.IsNull(17) ? json(nullptr) : json(s.Int(17));
      const std::string text = s.Text(20);
      utf8::Utf16Index u16(text);
      const int64_t sb = s.Int(18), se = s.Int(19);
      r["sentence"] = Span16(u16, sb, se);
      r["text"] = text.substr(static_cast<size_t>(sb), static_cast<size_t>(se - sb));
      r["trigger"] = Span16(u16, s.Int(21), s.Int(22));
      r["confidence"] = s.Double(23);
      out.push_back(std::move(r));
    }
    if (!s.error().empty()) return Status::Internal(s.error());
    if (total) {
      store::Stmt n(db_, "SELECT count(*), ?1, ?2 FROM events e JOIN documents d ON d.rowid = e.doc WHERE 1" + sql->where);
      n.Bind(1, int64_t{0}).Bind(2, int64_t{0});
      sql->BindAll(&n);
      *total = n.Step() ? n.Int(0) : 0;
    }
    return out;
  }

 private:
  store::Db* db_;
};

StatusOr<std::string> Corpus::Events(const EventQuery& query) {
  EventReader reader(impl_->db.get());
  int64_t total = 0;
  auto rows = query.clusters ? reader.Clusters(query, true, &total) : reader.Reports(query, &total);
  if (!rows.ok()) return rows.status();
  json out;
  out["total"] = total;
  out["limit"] = query.limit;
  out["offset"] = query.offset;
  out[query.clusters ? "events" : "reports"] = *rows;
  return out.dump();
}

StatusOr<std::string> Corpus::Event(int64_t id) {
  EventReader reader(impl_->db.get());
  auto e = reader.One(id);
  if (!e.ok()) return e.status();
  return e->dump();
}

StatusOr<std::string> Corpus::Timeline(const std::string& interval, const EventQuery& query) {
  std::string bucket;
  if (interval == "day") {
    bucket = "%s";
  } else if (interval == "week") {
    bucket = "date(%s, '-' || ((strftime('%w', %s) + 6) % 7) || ' days')";  // the Monday
  } else if (interval == "month") {
    bucket = "substr(%s, 1, 7)";
  } else {
    return Status::InvalidArgument("interval must be day, week or month (got \"" + interval + "\")");
  }
  auto expr = [&](const std::string& col) {
    std::string out = bucket;
    for (size_t p = out.find("%s"); p != std::string::npos; p = out.find("%s", p + col.size())) {
      out.replace(p, 2, col);
    }
    return out;
  };
  store::Db* db = impl_->db.get();
  auto f = DocumentFilters(db, query.filters, 1);
  if (!f.ok()) return f.status();
  json out;
  out["interval"] = interval;
  auto docs = json::array();
  store::Stmt s(db, "SELECT " + expr("d.day") + " AS b, count(*), "
                    "sum(d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL) FROM documents d "
                    "WHERE d.day IS NOT NULL" + f->where + " GROUP BY b ORDER BY b");
  f->BindAll(&s);
  while (s.Step()) docs.push_back({{"bucket", s.Text(0)}, {"documents", s.Int(1)}, {"originals", s.Int(2)}});
  if (!s.error().empty()) return Status::Internal(s.error());
  out["documents"] = std::move(docs);
  EventQuery eq = query;
  eq.asserted_only = true;
  auto ef = ReportConditions(db, eq, 1);
  if (!ef.ok()) return ef.status();
  auto evs = json::array();
  store::Stmt e(db, "SELECT " + expr("e.day") + " AS b, e.type, count(DISTINCT e.cluster), count(*) "
                    "FROM events e JOIN documents d ON d.rowid = e.doc "
                    "WHERE e.day IS NOT NULL" + ef->where + " GROUP BY b, e.type ORDER BY b, e.type");
  ef->BindAll(&e);
  while (e.Step()) evs.push_back({{"bucket", e.Text(0)}, {"type", e.Text(1)}, {"events", e.Int(2)}, {"reports", e.Int(3)}});
  if (!e.error().empty()) return Status::Internal(e.error());
  out["events"] = std::move(evs);
  return out.dump();
}

// ---- Export -------------------------------------------------------------

namespace {

std::string Csv(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string Str(const json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_float()) {
    double v = j.get<double>();
    if (v == static_cast<double>(static_cast<int64_t>(v))) return std::to_string(static_cast<int64_t>(v));
    return j.dump();
  }
  return j.dump();
}

std::string NamesOf(const json& list) {
  std::string out;
  for (const json& a : list) {
    if (!out.empty()) out += "; ";
    out += a["name"].is_string() ? a["name"].get<std::string>() : a["id"].get<std::string>();
  }
  return out;
}

struct AcledType {
  std::string disorder, event, sub;
};

const AcledType* AcledFor(const std::string& type, const std::string& mode) {
  static const auto* table = [] {
    auto* t = new std::map<std::pair<std::string, std::string>, AcledType>();
    for (std::string_view line : data::Lines(data::Get("events/acled.tsv"))) {
      auto f = data::Fields(line);
      if (f.size() < 5) continue;
      (*t)[{std::string(f[0]), std::string(f[1])}] = {std::string(f[2]), std::string(f[3]), std::string(f[4])};
    }
    return t;
  }();
  auto it = table->find({type, mode});
  if (it == table->end()) it = table->find({type, ""});
  return it == table->end() ? nullptr : &it->second;
}

std::string CountryName(const std::string& code) {
  static const auto* names = [] {
    auto* m = new std::map<std::string, std::string>();
    for (const ner::GazetteerEntry& e : ner::Gazetteer::Default().entries()) {
      if (e.kind == "country" && !e.country.empty() && !m->count(e.country)) (*m)[e.country] = e.name;
    }
    return m;
  }();
  auto it = names->find(code);
  return it == names->end() ? code : it->second;
}

std::string OutletNames(const json& evidence) {
  std::vector<std::string> seen;
  for (const json& e : evidence) {
    std::string o = Str(e["outlet"]);
    if (!o.empty() && std::find(seen.begin(), seen.end(), o) == seen.end()) seen.push_back(o);
  }
  std::string out;
  for (const auto& o : seen) out += (out.empty() ? "" : "; ") + o;
  return out;
}

}  // namespace

Status Corpus::Export(const std::string& format, const EventQuery& query, std::ostream& out) {
  static const char* kFormats[] = {"jsonl", "csv", "geojson", "plover", "acled"};
  if (std::find(std::begin(kFormats), std::end(kFormats), format) == std::end(kFormats)) {
    return Status::InvalidArgument("export format must be jsonl, csv, geojson, plover or acled (got \"" + format + "\")");
  }
  if (query.vague_numbers != "low" && query.vague_numbers != "omit") {
    return Status::InvalidArgument("--vague must be low or omit (got \"" + query.vague_numbers + "\")");
  }
  EventReader reader(impl_->db.get());
  auto rows = reader.Clusters(query, false, nullptr);
  if (!rows.ok()) return rows.status();
  const char* bom = "\xEF\xBB\xBF";  // spreadsheets read the CSV as UTF-8 (Arabic intact) with it
  if (format == "jsonl") {
    for (const json& c : *rows) out << c.dump() << "\n";
  } else if (format == "csv") {
    out << bom
        << "id,type,mode,modality,date,last_date,place_id,place,within,country,latitude,longitude,agents,targets,"
           "killed,injured,arrested,reports,outlets,first_document,first_title,evidence\r\n";
    for (const json& c : *rows) {
      const json& p = c["place"];
      const json& ev = c["evidence"];
      std::vector<std::string> f = {
          Str(c["id"]), Str(c["type"]), Str(c["mode"]), Str(c["modality"]), Str(c["date"]), Str(c["last_date"]),
          p.is_null() ? "" : Str(p["id"]), p.is_null() ? "" : Str(p["name"]),
          p.is_null() || !p.contains("within") ? "" : Str(p["within"]["name"]),
          p.is_null() ? "" : CountryName(Str(p.value("country", json()))),
          p.is_null() ? "" : Str(p.value("lat", json())), p.is_null() ? "" : Str(p.value("lon", json())),
          NamesOf(c["agents"]), NamesOf(c["targets"]), Str(c["counts"].value("killed", json())),
          Str(c["counts"].value("injured", json())), Str(c["counts"].value("arrested", json())),
          Str(c["reports"]), OutletNames(ev), ev.empty() ? "" : Str(ev[0]["document"]),
          ev.empty() ? "" : Str(ev[0]["title"]), ev.empty() ? "" : Str(ev[0]["text"])};
      for (size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << Csv(f[i]);
      out << "\r\n";
    }
  } else if (format == "geojson") {
    json fc{{"type", "FeatureCollection"}};
    auto features = json::array();
    for (const json& c : *rows) {
      const json& p = c["place"];
      if (p.is_null() || !p.contains("lat")) continue;
      json props = c;
      props.erase("evidence");
      props["place_name"] = p["name"];
      props["evidence"] = c["evidence"].empty() ? json(nullptr) : c["evidence"][0];
      features.push_back({{"type", "Feature"},
                          {"id", c["id"]},
                          {"geometry", {{"type", "Point"}, {"coordinates", {p["lon"], p["lat"]}}}},
                          {"properties", std::move(props)}});
    }
    fc["features"] = std::move(features);
    out << fc.dump() << "\n";
  } else if (format == "plover") {
    auto list = json::array();
    for (const json& c : *rows) {
      const json& p = c["place"];
      json e{{"id", "rasd-" + Str(c["id"])}, {"event_type", c["type"]}, {"mode", c["mode"]},
             {"event_date", c["date"]}, {"actor", NamesOf(c["agents"])}, {"recipient", NamesOf(c["targets"])},
             {"country", p.is_null() ? json(nullptr) : json(Str(p.value("country", json())))},
             {"location", p.is_null() ? json(nullptr) : p}, {"num_deaths", c["counts"].value("killed", json())},
             {"num_injured", c["counts"].value("injured", json())},
             {"num_arrested", c["counts"].value("arrested", json())}, {"source_count", c["reports"]},
             {"evidence", c["evidence"]}};
      list.push_back(std::move(e));
    }
    out << list.dump() << "\n";
  } else {  // acled
    out << bom
        << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
           "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
           "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
           "tags,timestamp\r\n";
    const std::string now = std::to_string(static_cast<long long>(std::time(nullptr)));
    for (const json& c : *rows) {
      const AcledType* t = AcledFor(Str(c["type"]), Str(c["mode"]));
      if (!t) continue;
      const json& p = c["place"];
      const json& ev = c["evidence"];
      std::string cc = p.is_null() ? "" : Str(p.value("country", json()));
      bool text_date = false;
      for (const json& e : ev) text_date = text_date || Str(e["date_from"]) == "text";
      std::string kind = p.is_null() ? "" : Str(p.value("kind", json()));
      std::string geo = p.is_null() || kind == "country" ? "3" : (kind == "admin1" || kind == "admin2") ? "2" : "1";
      std::string admin1 = !p.is_null() && p.contains("within") && Str(p["within"]["kind"]) == "admin1"
                               ? Str(p["within"]["name"])
                               : (kind == "admin1" ? Str(p["name"]) : "");
      std::string actors1 = NamesOf(c["agents"]), actors2 = NamesOf(c["targets"]);
      auto first = [](const std::string& list) { return list.substr(0, list.find("; ")); };
      auto rest = [](const std::string& list) {
        size_t p = list.find("; ");
        return p == std::string::npos ? std::string() : list.substr(p + 2);
      };
      std::vector<std::string> f = {
          (cc.empty() ? "XX" : cc) + "rasd" + Str(c["id"]), Str(c["date"]), Str(c["date"]).substr(0, 4),
          text_date ? "1" : "2", t->disorder, t->event, t->sub, first(actors1), rest(actors1), "",
          first(actors2), rest(actors2), "", "", "", cc, "", cc.empty() ? "" : CountryName(cc), admin1, "", "",
          p.is_null() ? "" : Str(p["name"]), p.is_null() ? "" : Str(p.value("lat", json())),
          p.is_null() ? "" : Str(p.value("lon", json())), geo, OutletNames(ev), "",
          ev.empty() ? "" : Str(ev[0]["text"]), Str(c["counts"].value("killed", json(0))),
          "rasd reports=" + Str(c["reports"]), now};
      for (size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << Csv(f[i]);
      out << "\r\n";
    }
  }
  if (!out) return Status::IoError("could not write the export");
  return Status::Ok();
}

}  // namespace rasd::corpus
