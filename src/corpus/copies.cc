#include <cstring>

#include "corpus/links.h"

namespace rasd::corpus {
namespace {

std::string SignatureBlob(const dedupe::Signature& s) {
  return std::string(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(uint32_t));
}

dedupe::Signature SignatureOf(const std::string& blob) {
  dedupe::Signature s(blob.size() / sizeof(uint32_t));
  std::memcpy(s.data(), blob.data(), s.size() * sizeof(uint32_t));
  return s;
}

// True when document a was published before b (unknown dates never are).
bool Earlier(const std::string& day_a, const std::string& day_b) {
  return !day_a.empty() && !day_b.empty() && day_a < day_b;
}

struct Stored {
  int64_t rowid = 0;
  std::string day;
};

Stored Load(store::Db* db, int64_t rowid) {
  store::Stmt& s = db->Cached("SELECT day FROM documents WHERE rowid=?1");
  s.Bind(1, rowid);
  Stored out{rowid, ""};
  if (s.Step()) out.day = s.Text(0);
  return out;
}

// Makes `doc` a copy of the group whose original is `root` (column is
// duplicate_of or near_duplicate_of); when `doc` is older it becomes the
// group's original instead.
Status JoinGroup(store::Db* db, const char* column, int64_t doc, const std::string& day, int64_t root,
                 double similarity) {
  Stored r = Load(db, root);
  std::string col(column);
  if (Earlier(day, r.day)) {
    store::Stmt& move = db->Cached("UPDATE documents SET " + col + "=?1 WHERE " + col + "=?2");
    move.Bind(1, doc).Bind(2, root);
    RASD_RETURN_IF_ERROR(move.Run());
    store::Stmt& old = db->Cached("UPDATE documents SET " + col + "=?1, similarity=?3 WHERE rowid=?2");
    old.Bind(1, doc).Bind(2, root).Bind(3, similarity);
    return old.Run();
  }
  store::Stmt& link = db->Cached("UPDATE documents SET " + col + "=?1, similarity=?3 WHERE rowid=?2");
  link.Bind(1, root).Bind(2, doc).Bind(3, similarity);
  return link.Run();
}

StatusOr<bool> LinkExact(store::Db* db, int64_t doc, const std::string& exact_key, const std::string& day) {
  store::Stmt& s = db->Cached("SELECT coalesce(duplicate_of, rowid) FROM documents WHERE exact_key=?1 AND rowid<>?2 "
                "ORDER BY rowid LIMIT 1");
  s.Bind(1, exact_key).Bind(2, doc);
  if (!s.Step()) return false;
  int64_t root = s.Int(0);
  RASD_RETURN_IF_ERROR(JoinGroup(db, "duplicate_of", doc, day, root, 1.0));
  return true;
}

StatusOr<bool> LinkNear(store::Db* db, int64_t doc, const std::string& day, const dedupe::Signature& sig,
                        const std::vector<uint64_t>& bands, const dedupe::Options& options) {
  if (bands.empty()) return false;
  std::string sql = "SELECT DISTINCT l.doc, m.signature, coalesce(d.near_duplicate_of, d.rowid) "
                    "FROM lsh l JOIN minhash m ON m.doc=l.doc JOIN documents d ON d.rowid=l.doc "
                    "WHERE l.doc<>?1 AND l.band_key IN (";
  for (size_t i = 0; i < bands.size(); ++i) sql += i ? ",?" + std::to_string(i + 2) : "?" + std::to_string(i + 2);
  sql += ") ORDER BY l.doc LIMIT 500";
  store::Stmt& s = db->Cached(sql);
  s.Bind(1, doc);
  for (size_t i = 0; i < bands.size(); ++i) s.Bind(static_cast<int>(i + 2), static_cast<int64_t>(bands[i]));
  int64_t best_root = 0;
  double best = 0;
  while (s.Step()) {
    double sim = dedupe::Similarity(sig, SignatureOf(s.Blob(1)));
    if (sim >= options.threshold && sim > best) {
      best = sim;
      best_root = s.Int(2);
    }
  }
  if (!s.error().empty()) return Status::IoError("SQL: " + s.error());
  if (best_root == 0 || best_root == doc) return false;
  RASD_RETURN_IF_ERROR(JoinGroup(db, "near_duplicate_of", doc, day, best_root, best));
  return true;
}

}  // namespace

StatusOr<CopyKind> LinkCopies(store::Db* db, int64_t doc, const std::string& exact_key, const std::string& day,
                              const dedupe::Signature& signature, const std::vector<uint64_t>& band_keys,
                              const dedupe::Options& options) {
  store::Stmt& mh = db->Cached("INSERT OR REPLACE INTO minhash(doc, signature) VALUES(?1, ?2)");
  mh.Bind(1, doc).BindBlob(2, SignatureBlob(signature));
  RASD_RETURN_IF_ERROR(mh.Run());
  auto exact = LinkExact(db, doc, exact_key, day);
  if (!exact.ok()) return exact.status();
  if (*exact) return CopyKind::kExact;  // its bands are its original's: not indexed again
  auto near = LinkNear(db, doc, day, signature, band_keys, options);
  if (!near.ok()) return near.status();
  if (!band_keys.empty()) {
    // One statement for all the bands (rows in band order, as one by one).
    std::string sql = "INSERT INTO lsh(band_key, doc) VALUES";
    for (size_t i = 0; i < band_keys.size(); ++i)
      sql += (i ? ",(?" : "(?") + std::to_string(i + 2) + ",?1)";
    store::Stmt& band = db->Cached(sql);
    band.Bind(1, doc);
    for (size_t i = 0; i < band_keys.size(); ++i)
      band.Bind(static_cast<int>(i + 2), static_cast<int64_t>(band_keys[i]));
    RASD_RETURN_IF_ERROR(band.Run());
  }
  return *near ? CopyKind::kNear : CopyKind::kNone;
}

Status RelinkCopies(store::Db* db, int64_t doc, const dedupe::Options& options) {
  store::Stmt& s = db->Cached("SELECT d.exact_key, d.day, m.signature FROM documents d LEFT JOIN minhash m ON m.doc=d.rowid "
                "WHERE d.rowid=?1 AND d.duplicate_of IS NULL AND d.near_duplicate_of IS NULL");
  s.Bind(1, doc);
  if (!s.Step()) return Status::Ok();  // gone, or already linked again
  std::string key = s.Text(0), day = s.Text(1);
  dedupe::Signature sig = SignatureOf(s.Blob(2));
  store::Stmt& drop = db->Cached("DELETE FROM lsh WHERE doc=?1");
  drop.Bind(1, doc);
  RASD_RETURN_IF_ERROR(drop.Run());
  auto kind = LinkCopies(db, doc, key, day, sig, dedupe::BandKeys(sig, options), options);
  return kind.ok() ? Status::Ok() : kind.status();
}

}  // namespace rasd::corpus
