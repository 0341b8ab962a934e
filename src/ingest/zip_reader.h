// .zip archives (libzip), internal to ingest.
#ifndef RASD_INGEST_ZIP_READER_H_
#define RASD_INGEST_ZIP_READER_H_

#include <functional>
#include <string>

#include "rasd/ingest.h"

namespace rasd::ingest {

// Calls `entry(name_inside, bytes)` for each file entry of the archive in
// name order; entries larger than `max_entry_bytes` are reported and skipped.
// Returns false when `entry` asked to stop.
bool ReadZip(const std::string& path, size_t max_entry_bytes,
             const std::function<bool(const std::string&, std::string&&)>& entry,
             const ErrorSink& on_error);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_ZIP_READER_H_
