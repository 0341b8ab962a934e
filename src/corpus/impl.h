// The corpus's private state, shared by its source files (internal).
#ifndef RASD_CORPUS_IMPL_H_
#define RASD_CORPUS_IMPL_H_

#include <memory>
#include <string>

#include "rasd/corpus.h"
#include "store/sqlite.h"

namespace rasd::corpus {

struct Corpus::Impl {
  std::string path;
  bool read_only = false;
  std::unique_ptr<store::Db> db;
};

// Opens a connection with rasd's settings (WAL, foreign keys, the FTS5 tokenizer).
StatusOr<std::unique_ptr<store::Db>> Connect(const std::string& path, bool read_only);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_IMPL_H_
