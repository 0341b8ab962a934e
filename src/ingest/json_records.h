// JSON Lines and JSON array records → RawDocs (internal to ingest).
#ifndef RASD_INGEST_JSON_RECORDS_H_
#define RASD_INGEST_JSON_RECORDS_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "rasd/ingest.h"

namespace rasd::ingest {

// Reads JSON Lines from `in` (a file or stdin) line by line; a line longer than
// options.max_record_bytes is skipped without being held in memory.
bool ReadJsonLines(const std::string& name, std::FILE* in, const ReadOptions& options,
                   const DocSink& sink, const ErrorSink& on_error);

// Reads JSON Lines already in memory.
bool ReadJsonLinesBytes(const std::string& name, std::string_view bytes,
                        const ReadOptions& options, const DocSink& sink,
                        const ErrorSink& on_error);

// Reads a JSON document that is an array of article objects (or one object).
bool ReadJsonArray(const std::string& name, std::string_view bytes, const ReadOptions& options,
                   const DocSink& sink, const ErrorSink& on_error);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_JSON_RECORDS_H_
