#include "store/sqlite.h"

#include <cerrno>
#include <cstring>
#include <memory>

namespace rasd::store {
namespace {

// SQLite's message, made plain when writing failed: a full disk or a file
// size limit shows as SQLITE_FULL or, often, a bare "disk I/O error" on write.
std::string ErrorText(sqlite3* db, const char* fallback = nullptr) {
  std::string msg = fallback ? fallback : sqlite3_errmsg(db);
  const int rc = sqlite3_extended_errcode(db);
  const int sys = sqlite3_system_errno(db);
  const bool full = (rc & 0xff) == SQLITE_FULL || sys == ENOSPC || sys == EFBIG || sys == EDQUOT;
  const bool write_failed = rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE ||
                            rc == SQLITE_IOERR_SHMSIZE;
  if (!full && !write_failed) return msg;
  std::string why = full ? (sys != 0 ? std::strerror(sys) : "the disk is full")
                         : "the disk is full, a file size limit was reached, or the device failed";
  return "could not write the database: " + why + " (" + msg +
         "); the batches committed so far are kept: make room and run the same command again";
}

}  // namespace

Stmt::Stmt(Db* db, std::string_view sql) : db_(db->handle()) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    error_ = ErrorText(db_);
    stmt_ = nullptr;
  }
}

Stmt::~Stmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Stmt& Stmt::Bind(int i, std::string_view v) {
  if (stmt_) sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Stmt& Stmt::BindColumn(int i, const Stmt& from, int col) {
  if (stmt_ && from.stmt_) sqlite3_bind_value(stmt_, i, sqlite3_column_value(from.stmt_, col));
  return *this;
}

Stmt& Stmt::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}
Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  if (stmt_) sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

bool Stmt::Step() {
  if (!stmt_) return false;
  last_ = sqlite3_step(stmt_);
  if (last_ != SQLITE_ROW && last_ != SQLITE_DONE) error_ = ErrorText(db_);
  return last_ == SQLITE_ROW;
}

Status Stmt::Run() {
  if (!stmt_) return Status::Internal("SQL: " + error_);
  while (Step()) {
  }
  Status s = last_ == SQLITE_DONE ? Status::Ok() : Status::IoError("SQL: " + error_);
  sqlite3_reset(stmt_);
  return s;
}

void Stmt::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Stmt::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return t ? std::string(reinterpret_cast<const char*>(t), n) : std::string();
}
int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::string Stmt::Blob(int col) const {
  const void* b = sqlite3_column_blob(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return b ? std::string(static_cast<const char*>(b), n) : std::string();
}

StatusOr<std::unique_ptr<Db>> Db::Open(const std::string& path, bool read_only, bool create) {
  std::unique_ptr<Db> db(new Db());
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db->db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db->db_ ? sqlite3_errmsg(db->db_) : "cannot open";
    return Status::IoError(path + ": " + msg);
  }
  sqlite3_busy_timeout(db->db_, 10000);
  sqlite3_extended_result_codes(db->db_, 1);
  return db;
}

Db::~Db() {
  cache_.clear();  // statements are finalized before the connection closes
  if (db_) sqlite3_close_v2(db_);
}

void Db::ResetStatements() {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s != nullptr; s = sqlite3_next_stmt(db_, s)) {
    if (sqlite3_stmt_busy(s)) sqlite3_reset(s);
  }
}

Stmt& Db::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Stmt>(this, sql)).first;
  it->second->Reset();
  return *it->second;
}

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = ErrorText(db_, err);
    sqlite3_free(err);
    return Status::IoError("SQL: " + msg);
  }
  return Status::Ok();
}

std::string Db::Error() const { return sqlite3_errmsg(db_); }

Transaction::Transaction(Db* db) : db_(db) { db_->Exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (!done_) db_->Exec("ROLLBACK");
}
Status Transaction::Commit() {
  done_ = true;
  return db_->Exec("COMMIT");
}

}  // namespace rasd::store
