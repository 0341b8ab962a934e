// The FTS5 tokenizer "rasd": indexes the light stem of every word, so search
// finds a word in any of its written forms (internal to store).
#ifndef RASD_STORE_FTS_H_
#define RASD_STORE_FTS_H_

#include <sqlite3.h>

#include "rasd/status.h"

namespace rasd::store {

// Registers the tokenizer on a connection; call before using an FTS5 table
// declared with tokenize='rasd'.
Status RegisterTokenizer(sqlite3* db);

}  // namespace rasd::store

#endif  // RASD_STORE_FTS_H_
