// Input formats and how a file's format is recognised (internal to ingest).
#ifndef RASD_INGEST_FORMATS_H_
#define RASD_INGEST_FORMATS_H_

#include <string>
#include <string_view>

namespace rasd::ingest {

enum class Format { kUnknown, kText, kHtml, kJsonl, kJson, kWarc, kZip };

const char* FormatName(Format f);

// "text", "html", ... (as accepted by --format); kUnknown for "auto" or anything else.
Format ParseFormat(std::string_view name);

// By file name extension (.txt .html .jsonl .json .warc .warc.gz .zip ...).
Format FormatFromName(std::string_view name);

// By the first bytes of the content, for stdin and unknown extensions.
Format SniffFormat(std::string_view head);

// Lower-cased file name extension including a ".gz" double extension: "warc.gz".
std::string Extension(std::string_view name);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_FORMATS_H_
