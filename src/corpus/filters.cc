#include "corpus/filters.h"

#include <cctype>

#include "rasd/clean.h"
#include "rasd/text.h"

namespace rasd::corpus {

void Sql::Add(const std::string& cond, std::vector<std::string> values) {
  std::string c;
  size_t v = 0;
  for (char ch : cond) {
    if (ch == '?' && v < values.size()) {
      c += "?" + std::to_string(Next());
      params.push_back(values[v++]);
    } else {
      c.push_back(ch);
    }
  }
  where += " AND " + c;
}

void Sql::BindAll(store::Stmt* s) const {
  for (size_t i = 0; i < params.size(); ++i) s->Bind(first + static_cast<int>(i), params[i]);
}

std::vector<std::string> EntityIds(store::Db* db, const std::string& id_or_name) {
  std::vector<std::string> out;
  store::Stmt by_id(db, "SELECT id FROM entities WHERE id=?1");
  by_id.Bind(1, id_or_name);
  if (by_id.Step()) return {by_id.Text(0)};
  std::string key = text::NormalizeKey(id_or_name);
  store::Stmt by_name(db,
                      "SELECT n.entity_id FROM entity_names n JOIN entities e ON e.id=n.entity_id "
                      "WHERE n.key=?1 ORDER BY e.mentions DESC");
  by_name.Bind(1, key);
  while (by_name.Step()) out.push_back(by_name.Text(0));
  if (out.empty()) {
    // A name with clitics or an article: try its words' forms.
    std::string bare = key;
    if (bare.rfind("ال", 0) == 0) {
      by_name.Reset();
      by_name.Bind(1, bare.substr(4));
      while (by_name.Step()) out.push_back(by_name.Text(0));
    }
  }
  return out;
}

Status CheckDate(const std::string& v, const char* what) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || !std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    }
    return true;
  };
  bool ok = (v.size() == 4 && digits(0, 4)) || (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2)) ||
            (v.size() == 10 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2));
  if (ok && v.size() >= 7) {
    int month = std::stoi(v.substr(5, 2));
    ok = month >= 1 && month <= 12;
    if (ok && v.size() == 10) {
      int day = std::stoi(v.substr(8, 2));
      ok = day >= 1 && day <= 31;
    }
  }
  if (!ok) return Status::InvalidArgument(std::string(what) + " must be a date like 2015-07-21, 2015-07 or 2015 (got \"" + v + "\")");
  return Status::Ok();
}

StatusOr<Sql> DocumentFilters(store::Db* db, const Filters& f, int first_param) {
  Sql sql;
  sql.first = first_param;
  if (!f.outlet.empty()) {
    std::string canonical = clean::CanonicalOutlet(f.outlet);
    sql.Add("d.outlet = ?", {canonical.empty() ? f.outlet : canonical});
  }
  if (!f.from.empty()) {
    RASD_RETURN_IF_ERROR(CheckDate(f.from, "--from"));
    sql.Add("d.day >= ?", {f.from});
  }
  if (!f.to.empty()) {
    RASD_RETURN_IF_ERROR(CheckDate(f.to, "--to"));
    sql.Add("d.day <= ?", {f.to + "\x7f"});  // "2015-07" takes in the whole month
  }
  if (!f.entity.empty()) {
    auto ids = EntityIds(db, f.entity);
    if (ids.empty()) return Status::NotFound("no entity is called \"" + f.entity + "\"");
    std::string in;
    for (size_t i = 0; i < ids.size(); ++i) in += i ? ",?" : "?";
    sql.Add("EXISTS (SELECT 1 FROM doc_entities x WHERE x.doc = d.rowid AND x.entity_id IN (" + in + "))", ids);
  }
  if (!f.event_type.empty()) {
    auto t = EventType(f.event_type);
    if (!t.ok()) return t.status();
    sql.Add("EXISTS (SELECT 1 FROM events x WHERE x.doc = d.rowid AND x.type = ?)", {*t});
  }
  if (f.has_quotes) sql.Add("EXISTS (SELECT 1 FROM quotes x WHERE x.doc = d.rowid)", {});
  return sql;
}

}  // namespace rasd::corpus
