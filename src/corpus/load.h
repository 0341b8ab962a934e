// A stored document read back as the Analysis the pipeline produced (internal),
// so `rasd show` prints exactly what `rasd analyze` printed for it.
#ifndef RASD_CORPUS_LOAD_H_
#define RASD_CORPUS_LOAD_H_

#include <cstdint>

#include "rasd/pipeline.h"
#include "store/sqlite.h"

namespace rasd::corpus {

// Loads document `rowid`: metadata, text, layout, source text, entities (with
// corpus ids), mentions, dates, counts, quotes and events. Tokens and
// sentences are recomputed from the text (the analyzer is deterministic).
StatusOr<Analysis> LoadAnalysis(store::Db* db, int64_t rowid);

}  // namespace rasd::corpus

#endif  // RASD_CORPUS_LOAD_H_
