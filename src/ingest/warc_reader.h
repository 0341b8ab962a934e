// WARC and WARC.gz reader over zlib (internal to ingest). libarchive drops the
// WARC headers rasd needs, so rasd parses records itself.
#ifndef RASD_INGEST_WARC_READER_H_
#define RASD_INGEST_WARC_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "rasd/ingest.h"

namespace rasd::ingest {

struct WarcOptions {
  size_t max_record_bytes = 16u << 20;  // larger payloads (or gzip bombs) are skipped
};

// Streams the WARC file at `path` (plain or gzip, one or many gzip members),
// calling `sink` for each "response" and "resource" record with:
//   uri = path, record = "record N" (1-based), hints.url = WARC-Target-URI,
//   hints.date = WARC-Date (date_from "warc:WARC-Date"), content_type from the
//   HTTP Content-Type ("text/html" for any HTML type; other media types passed
//   through lower-cased, so Decode can refuse them), bytes = the payload with HTTP
//   headers removed and chunked transfer-encoding undone.
// Other record types are skipped silently. A malformed or truncated record is
// reported through `on_error` naming the record, and reading goes on where
// possible. Returns false when the sink asked to stop.
bool ReadWarcFile(const std::string& path, const WarcOptions& options, const DocSink& sink,
                  const ErrorSink& on_error);

// The same over bytes already in memory (`name` is used as the uri).
bool ReadWarcBytes(const std::string& name, std::string_view bytes, const WarcOptions& options,
                   const DocSink& sink, const ErrorSink& on_error);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_WARC_READER_H_
