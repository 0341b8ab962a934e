// The corpus database schema (docs/schema.md) and its migrations (internal).
#ifndef RASD_STORE_SCHEMA_H_
#define RASD_STORE_SCHEMA_H_

#include "rasd/status.h"
#include "store/sqlite.h"

namespace rasd::store {

constexpr int kSchemaVersion = 4;

// Creates the schema in an empty database, or migrates an older one to
// kSchemaVersion. A database from a newer rasd is refused.
Status EnsureSchema(Db* db);

// The version recorded in the database (0 for an empty one).
StatusOr<int> SchemaVersion(Db* db);

}  // namespace rasd::store

#endif  // RASD_STORE_SCHEMA_H_
