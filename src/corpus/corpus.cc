#include "rasd/corpus.h"

#include "corpus/impl.h"
#include "store/fts.h"
#include "store/schema.h"

namespace rasd::corpus {

StatusOr<std::unique_ptr<store::Db>> Connect(const std::string& path, bool read_only) {
  auto db = store::Db::Open(path, read_only, !read_only);
  if (!db.ok()) return db.status();
  RASD_RETURN_IF_ERROR(store::RegisterTokenizer((*db)->handle()));
  // WAL lets searches run while an ingest writes; NORMAL sync is durable at
  // each checkpoint and never corrupts the file on power loss (WAL mode).
  if (!read_only) {
    Status wal = (*db)->Exec("PRAGMA journal_mode=WAL");
    if (!wal.ok()) return Status::IoError(path + ": not a rasd database or not writable (" + wal.message() + ")");
    RASD_RETURN_IF_ERROR((*db)->Exec("PRAGMA synchronous=NORMAL"));
  }
  RASD_RETURN_IF_ERROR((*db)->Exec("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY"));
  return db;
}

Corpus::Corpus() : impl_(std::make_unique<Impl>()) {}
Corpus::~Corpus() = default;

StatusOr<std::unique_ptr<Corpus>> Corpus::Open(const std::string& path, bool read_only) {
  auto db = Connect(path, read_only);
  if (!db.ok()) return db.status();
  std::unique_ptr<Corpus> c(new Corpus());
  c->impl_->path = path;
  c->impl_->read_only = read_only;
  c->impl_->db = std::move(*db);
  if (read_only) {
    auto v = store::SchemaVersion(c->impl_->db.get());
    if (!v.ok()) return Status::IoError(path + ": " + v.status().message());
    if (*v == 0) return Status::InvalidArgument(path + ": not a rasd database (run `rasd ingest` first)");
    if (*v < store::kSchemaVersion) {
      // An older database is migrated once (a short write), then read as asked.
      c.reset();
      auto writer = Open(path, false);
      if (!writer.ok()) {
        return Status::Unsupported(path + ": schema version " + std::to_string(*v) + ", this rasd reads version " +
                                   std::to_string(store::kSchemaVersion) + " and cannot migrate it: " +
                                   writer.status().message());
      }
      writer->reset();
      return Open(path, true);
    }
    if (*v != store::kSchemaVersion) {
      return Status::Unsupported(path + ": schema version " + std::to_string(*v) + ", newer than this rasd (" +
                                 std::to_string(store::kSchemaVersion) + ")");
    }
  } else {
    Status s = store::EnsureSchema(c->impl_->db.get());
    if (!s.ok()) return Status(s.code(), path + ": " + s.message());
  }
  return c;
}

Status Corpus::BeginRead() {
  RASD_RETURN_IF_ERROR(impl_->db->Exec("BEGIN"));
  // A deferred transaction takes its snapshot at the first read.
  store::Stmt s(impl_->db.get(), "SELECT count(*) FROM meta");
  s.Step();
  return Status::Ok();
}

void Corpus::EndRead() { impl_->db->Exec("COMMIT"); }

StatusOr<std::string> Corpus::IntegrityCheck() {
  store::Stmt s(impl_->db.get(), "PRAGMA integrity_check");
  std::string out;
  while (s.Step()) {
    if (!out.empty()) out += "\n";
    out += s.Text(0);
  }
  if (!s.error().empty()) return Status::IoError(s.error());
  store::Stmt fk(impl_->db.get(), "PRAGMA foreign_key_check");
  if (fk.Step()) out += "\nforeign key violation in table " + fk.Text(0);
  return out;
}

}  // namespace rasd::corpus
