// HTML main-text extraction over libxml2 (internal to ingest).
#ifndef RASD_INGEST_HTML_EXTRACT_H_
#define RASD_INGEST_HTML_EXTRACT_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::ingest {

// One block of visible text in document order (a paragraph, heading, list
// item, table cell...). Blocks that are not article text keep their text and
// say why they were dropped, so cleaning can record them as removed.
struct HtmlBlock {
  std::string text;         // whitespace collapsed, no newlines inside
  std::string drop_reason;  // empty = main text; else "nav", "header", "footer",
                            // "aside", "share-buttons", "related-list", "comments",
                            // "low-text-density", "form", "caption", ...
};

struct HtmlPage {
  std::vector<HtmlBlock> blocks;
  // title (og:title preferred over <title>, with title_from set to "html:og:title" or
  // "html:title"), date (article:published_time, datePublished, pubdate, <time datetime>,
  // with date_from "html:<name>"), outlet (og:site_name, outlet_from "html:og:site_name"),
  // url (canonical / og:url), author, description, keywords.
  MetadataHints hints;
};

struct HtmlOptions {
  int max_depth = 5000;  // deeper documents fail with ResourceExhausted
};

// Parses `html` (any encoding libxml2 can detect from meta/BOM; UTF-8 assumed
// otherwise) and returns every visible text block with a drop reason for
// boilerplate. Never throws; malformed HTML is parsed leniently.
StatusOr<HtmlPage> ExtractHtml(std::string_view html, const HtmlOptions& options = {});

}  // namespace rasd::ingest

#endif  // RASD_INGEST_HTML_EXTRACT_H_
