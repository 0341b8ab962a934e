// The FTS5 tokenizer "rasd": indexes the light stem of every word, so search
// finds a word in any of its written forms (internal to store).
#ifndef RASD_STORE_FTS_H_
#define RASD_STORE_FTS_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rasd/status.h"
#include "rasd/text.h"

namespace rasd::store {

// Registers the tokenizer on a connection; call before using an FTS5 table
// declared with tokenize='rasd'.
Status RegisterTokenizer(sqlite3* db);

// The terms the tokenizer indexes for one text, computed ahead of time on
// any thread, so the thread that writes the index need not tokenize.
class IndexTerms {
 public:
  IndexTerms() = default;
  static IndexTerms Of(std::string_view text);
  // The same from the text's tokens (text::Tokenize of the whole text).
  static IndexTerms FromTokens(const std::vector<text::Token>& tokens);

  // Calls emit(term, begin, end) for each term, in text order, until it
  // returns false.
  template <typename F>
  void ForEach(F&& emit) const {
    uint32_t from = 0;
    for (const Term& t : terms_) {
      if (!emit(std::string_view(chars_).substr(from, t.chars_end - from), t.begin, t.end)) return;
      from = t.chars_end;
    }
  }

 private:
  void Add(const text::Token& t);
  struct Term {
    uint32_t chars_end;  // the term is chars_[previous chars_end, chars_end)
    uint32_t begin, end;
  };
  std::string chars_;
  std::vector<Term> terms_;
};

// While alive, the tokenizer on this thread emits `terms` for a document
// text equal to `text` (compared in full) instead of tokenizing it. Scopes
// nest; both must outlive the scope.
class ReplayIndexTerms {
 public:
  ReplayIndexTerms(std::string_view text, const IndexTerms& terms);
  ~ReplayIndexTerms();
  ReplayIndexTerms(const ReplayIndexTerms&) = delete;  // registered by address
  ReplayIndexTerms& operator=(const ReplayIndexTerms&) = delete;

  // The terms in scope for `text`, or nullptr.
  static const IndexTerms* Find(std::string_view text);

 private:
  std::string_view text_;
  const IndexTerms* terms_;
  ReplayIndexTerms* outer_;
};

}  // namespace rasd::store

#endif  // RASD_STORE_FTS_H_
