// Corpus::Search: FTS5 with rasd's tokenizer, BM25, filters, copies folded
// under their original, snippets computed with the same analyzer.
#include <nlohmann/json.hpp>

#include "corpus/filters.h"
#include "corpus/impl.h"
#include "corpus/snippet.h"
#include "rasd/search.h"

namespace rasd::corpus {

using json = nlohmann::ordered_json;

StatusOr<std::string> Corpus::Search(const SearchRequest& req) {
  // No query: the documents the filters select, newest first.
  const bool listing = req.query.find_first_not_of(" \t\r\n") == std::string::npos;
  StatusOr<search::ParsedQuery> parsed = search::ParsedQuery{};
  if (!listing) parsed = search::Parse(req.query);
  if (!parsed.ok()) return parsed.status();
  if (req.sort != "relevance" && req.sort != "date") {
    return Status::InvalidArgument("sort must be \"relevance\" or \"date\" (got \"" + req.sort + "\")");
  }
  store::Db* db = impl_->db.get();
  auto filters = DocumentFilters(db, req.filters, 2);
  if (!filters.ok()) return filters.status();
  // Title words weigh twice body words. A copy (exact or near) joins the
  // group of its original; the best-ranked member of each group is shown.
  const std::string group =
      req.collapse ? "coalesce(d.duplicate_of, d.near_duplicate_of, d.rowid)" : "d.rowid";
  std::string hits =
      listing ? "SELECT d.rowid AS doc, d.day AS day, 0.0 AS score, " + group +
                    " AS grp FROM documents d WHERE ?1 IS NULL" + filters->where
              : "SELECT d.rowid AS doc, d.day AS day, bm25(documents_fts, 2.0, 1.0) AS score, " + group +
                    " AS grp FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                    "WHERE documents_fts MATCH ?1" + filters->where;
  std::string order = req.sort == "date" || listing ? "coalesce(day, '') DESC, doc DESC" : "score, doc";
  std::string ranked = "WITH hits AS (" + hits + "), ranked AS (SELECT doc, day, score, grp, "
                       "row_number() OVER (PARTITION BY grp ORDER BY score, doc) AS rn, "
                       "count(*) OVER (PARTITION BY grp) AS n FROM hits) ";
  const int lim = filters->Next(), off = lim + 1;
  store::Stmt page(db, ranked + "SELECT doc, score, n - 1, grp, (SELECT count(*) FROM ranked WHERE rn = 1) "
                               "FROM ranked WHERE rn = 1 ORDER BY " + order +
                           " LIMIT ?" + std::to_string(lim) + " OFFSET ?" + std::to_string(off));
  if (!page.ok()) return Status::Internal("search SQL: " + page.error());
  if (listing) page.BindNull(1); else page.Bind(1, parsed->fts);
  filters->BindAll(&page);
  page.Bind(lim, static_cast<int64_t>(std::min<size_t>(req.limit, 1000))).Bind(off, static_cast<int64_t>(req.offset));
  json out;
  out["query"] = req.query;
  out["total"] = 0;
  out["limit"] = req.limit;
  out["offset"] = req.offset;
  auto results = json::array();
  store::Stmt doc(db,
                  "SELECT id, title, outlet, published, text, story, uri FROM documents WHERE rowid=?1");
  store::Stmt copies(db,
                     "SELECT id, title, outlet, published FROM documents "
                     "WHERE (duplicate_of=?1 OR near_duplicate_of=?1 OR rowid=?1) AND rowid<>?2 ORDER BY rowid LIMIT 10");
  while (page.Step()) {
    out["total"] = page.Int(4);
    int64_t rowid = page.Int(0);
    doc.Bind(1, rowid);
    if (!doc.Step()) {
      doc.Reset();
      continue;
    }
    json r;
    r["id"] = doc.Text(0);
    r["title"] = doc.Text(1);
    r["title_marks"] = Marks(doc.Text(1), parsed->highlight);
    r["outlet"] = doc.IsNull(2) ? json(nullptr) : json(doc.Text(2));
    r["published"] = doc.IsNull(3) ? json(nullptr) : json(doc.Text(3));
    r["uri"] = doc.Text(6);
    r["score"] = -page.Double(1);
    r["story"] = doc.IsNull(5) ? json(nullptr) : json(doc.Int(5));
    r["snippet"] = Snippet(doc.Text(4), parsed->highlight);
    // Copies in the whole corpus, not only those matching the filters.
    auto ids = json::array();
    copies.Bind(1, page.Int(3)).Bind(2, rowid);
    while (copies.Step()) {
      ids.push_back({{"id", copies.Text(0)}, {"title", copies.Text(1)},
                     {"outlet", copies.IsNull(2) ? json(nullptr) : json(copies.Text(2))},
                     {"published", copies.IsNull(3) ? json(nullptr) : json(copies.Text(3))}});
    }
    copies.Reset();
    store::Stmt n(db, "SELECT count(*) FROM documents WHERE (duplicate_of=?1 OR near_duplicate_of=?1 OR rowid=?1) AND rowid<>?2");
    n.Bind(1, page.Int(3)).Bind(2, rowid);
    r["copies"] = n.Step() ? n.Int(0) : 0;
    r["copy_list"] = std::move(ids);  // the first ten
    results.push_back(std::move(r));
    doc.Reset();
  }
  if (!page.error().empty()) return Status::Internal("search: " + page.error());
  if (results.empty() && req.offset > 0) {
    // Past the last page: still report the total.
    store::Stmt total(db, ranked + "SELECT count(*) FROM ranked WHERE rn = 1");
    if (listing) total.BindNull(1); else total.Bind(1, parsed->fts);
    filters->BindAll(&total);
    if (total.Step()) out["total"] = total.Int(0);
  }
  out["results"] = std::move(results);
  return out.dump();
}

}  // namespace rasd::corpus
