// .zip archives (libzip), internal to ingest.
#ifndef RASD_INGEST_ZIP_READER_H_
#define RASD_INGEST_ZIP_READER_H_

#include <functional>
#include <string>

#include "rasd/ingest.h"

namespace rasd::ingest {

// Calls `entry(name_inside, bytes)` for each file entry of the archive in
// name order. `limit_for(name_inside)` gives the entry's size limit before
// anything is inflated: 0 skips the entry unread; an entry over its limit
// (by its header or by what actually inflates) is reported and skipped, so
// memory stays bounded whatever the archive claims. Errors are named
// "path!/name_inside". Returns false when `entry` asked to stop.
bool ReadZip(const std::string& path, const std::function<size_t(const std::string&)>& limit_for,
             const std::function<bool(const std::string&, std::string&&)>& entry,
             const ErrorSink& on_error);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_ZIP_READER_H_
