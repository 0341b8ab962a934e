// Publication metadata: title, outlet and date from the reader's hints and
// from what cleaning found in the text (internal to clean).
#ifndef RASD_CLEAN_METADATA_H_
#define RASD_CLEAN_METADATA_H_

#include <string>
#include <vector>

#include "rasd/document.h"

namespace rasd::clean {

// What the cleaner saw in header and signature lines.
struct Findings {
  std::string date_text;    // the date part of a publication-date line
  std::string outlet_text;  // an outlet named by a signature, source line or prefix
  std::vector<std::string> embed_dates;  // dates printed by removed embedded posts (tweets)
};

// Fills doc->title (when not set from the text), published, outlet, author
// and description. Structured dates (JSON fields, HTML meta) win over header
// lines, which win over a crawl date (WARC-Date) and a date in the URL. With
// none of these, the latest date of an embedded post the article quotes is
// used (from "embedded-post"): the article is at least that recent.
void ResolveMetadata(const MetadataHints& hints, const Findings& found, Document* doc);

// Parses a date in the URL path ("/2021/02/22/", "/20210222/").
bool DateFromUrl(const std::string& url, Published* out);

}  // namespace rasd::clean

#endif  // RASD_CLEAN_METADATA_H_
