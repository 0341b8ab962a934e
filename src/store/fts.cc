#include "store/fts.h"

#include <cstring>

namespace rasd::store {
namespace {

thread_local ReplayIndexTerms* innermost_replay = nullptr;

// What the tokenizer makes of one token: the stem it indexes (the
// normalized form for prefix queries), or nothing for punctuation.
const std::string* TermOf(const text::Token& t, bool prefix_query) {
  if (t.kind == text::TokenKind::kPunct) return nullptr;
  const std::string& term = prefix_query ? t.norm : t.stem;
  return term.empty() ? nullptr : &term;
}

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
  if (const IndexTerms* terms = prefix_query ? nullptr : ReplayIndexTerms::Find(s)) {
    terms->ForEach([&](std::string_view term, uint32_t begin, uint32_t end) {
      rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), static_cast<int>(begin),
                static_cast<int>(end));
      return rc == SQLITE_OK;
    });
    return rc;
  }
  text::ForEachToken(s, [&](const text::Token& t) {
    if (rc != SQLITE_OK) return;
    const std::string* term = TermOf(t, prefix_query);
    if (term == nullptr) return;
    rc = emit(ctx, 0, term->data(), static_cast<int>(term->size()), static_cast<int>(t.span.begin),
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

void IndexTerms::Add(const text::Token& t) {
  const std::string* term = TermOf(t, false);
  if (term == nullptr) return;
  chars_ += *term;
  terms_.push_back({static_cast<uint32_t>(chars_.size()), t.span.begin, t.span.end});
}

IndexTerms IndexTerms::Of(std::string_view text) {
  IndexTerms out;
  text::ForEachToken(text, [&](const text::Token& t) { out.Add(t); });
  return out;
}

IndexTerms IndexTerms::FromTokens(const std::vector<text::Token>& tokens) {
  IndexTerms out;
  out.terms_.reserve(tokens.size());
  for (const text::Token& t : tokens) out.Add(t);
  return out;
}

ReplayIndexTerms::ReplayIndexTerms(std::string_view text, const IndexTerms& terms)
    : text_(text), terms_(&terms), outer_(innermost_replay) {
  innermost_replay = this;
}

ReplayIndexTerms::~ReplayIndexTerms() { innermost_replay = outer_; }

const IndexTerms* ReplayIndexTerms::Find(std::string_view text) {
  for (const ReplayIndexTerms* r = innermost_replay; r != nullptr; r = r->outer_) {
    if (r->text_ == text) return r->terms_;
  }
  return nullptr;
}

}  // namespace rasd::store
