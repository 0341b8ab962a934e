#include "store/fts.h"

#include <cstring>

#include "rasd/text.h"

namespace rasd::store {
namespace {

// One tokenizer object serves every table; it has no state.
int Create(void*, const char**, int, Fts5Tokenizer** out) {
  static int dummy;
  *out = reinterpret_cast<Fts5Tokenizer*>(&dummy);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer*) {}

int Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int n,
             int (*emit)(void*, int, const char*, int, int, int)) {
  std::string_view s(text, static_cast<size_t>(n));
  int rc = SQLITE_OK;
  const bool prefix_query = (flags & FTS5_TOKENIZE_PREFIX) != 0;
  text::ForEachToken(s, [&](const text::Token& t) {
    if (rc != SQLITE_OK || t.kind == text::TokenKind::kPunct) return;
    const std::string& term = prefix_query ? t.norm : t.stem;
    if (term.empty()) return;
    rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), static_cast<int>(t.span.begin),
              static_cast<int>(t.span.end));
  });
  return rc;
}

fts5_api* Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

Status RegisterTokenizer(sqlite3* db) {
  fts5_api* api = Api(db);
  if (api == nullptr) return Status::Internal("SQLite has no FTS5");
  static fts5_tokenizer tok = {Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "rasd", nullptr, &tok, nullptr) != SQLITE_OK) {
    return Status::Internal("cannot register the rasd FTS5 tokenizer");
  }
  return Status::Ok();
}

}  // namespace rasd::store
