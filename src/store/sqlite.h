// A thin RAII layer over the SQLite C API (internal to store).
#ifndef RASD_STORE_SQLITE_H_
#define RASD_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "rasd/status.h"

namespace rasd::store {

class Db;

// A prepared statement. Bind parameters are 1-based, columns 0-based.
class Stmt {
 public:
  Stmt(Db* db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;  // owns a sqlite3_stmt
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  const std::string& error() const { return error_; }

  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, size_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& BindNull(int i);
  Stmt& BindBlob(int i, std::string_view bytes);
  // Binds a string, or NULL when it is empty.
  Stmt& BindOrNull(int i, std::string_view v) { return v.empty() ? BindNull(i) : Bind(i, v); }
  // Binds column `col` of the current row of `from` as it is (NULL stays NULL).
  Stmt& BindColumn(int i, const Stmt& from, int col);

  // Steps once: true when a row is available.
  bool Step();
  // Runs to completion (for statements without rows); Status on failure.
  Status Run();
  void Reset();

  std::string Text(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;
  std::string Blob(int col) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string error_;
  int last_ = SQLITE_OK;
};

class Db {
 public:
  static StatusOr<std::unique_ptr<Db>> Open(const std::string& path, bool read_only, bool create);
  ~Db();
  Db(const Db&) = delete;  // owns the connection
  Db& operator=(const Db&) = delete;

  sqlite3* handle() { return db_; }
  Status Exec(std::string_view sql);
  // A statement prepared once per connection and reused (reset, bindings
  // cleared). Do not hold two uses of the same SQL at once.
  Stmt& Cached(const std::string& sql);
  // Resets every statement still holding rows. A statement stepped but not
  // reset keeps its read snapshot, and with it every WAL frame after it:
  // call this before committing, or the WAL file grows without end.
  void ResetStatements();
  std::string Error() const;

 private:
  Db() = default;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Stmt>> cache_;
};

// A transaction that rolls back unless committed.
class Transaction {
 public:
  explicit Transaction(Db* db);
  ~Transaction();
  Status Commit();

 private:
  Db* db_;
  bool done_ = false;
};

}  // namespace rasd::store

#endif  // RASD_STORE_SQLITE_H_
