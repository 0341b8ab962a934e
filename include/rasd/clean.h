// Cleaning: from decoded source text to clean article text, with every
// removed span recorded and the publication metadata resolved.
//
//   auto docs = rasd::clean::Clean(raw, source);
//   // docs->front() is the article; further entries are articles that were
//   // found appended after a "read also" marker, linked by split_from.
//
// Rules are data (data/clean/boilerplate.tsv, data/outlets.tsv); see
// docs/cleaning.md for every removal reason.
#ifndef RASD_CLEAN_H_
#define RASD_CLEAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::clean {

struct CleanOptions {
  bool split_appended = true;  // split articles appended after a bare "read also" marker
  int appended_min_paragraphs = 2;  // long paragraphs needed to call it an article
  int long_paragraph_words = 12;    // what counts as a long paragraph
};

// Cleans one decoded document. Fails only when nothing of the text is left.
StatusOr<std::vector<Document>> Clean(const RawDoc& raw, const SourceText& source,
                                      const CleanOptions& options = {});

// The stable id of a document: a hash of its source name (uri and record), or
// of its normalized text when it has no name (stdin). 16 hex digits.
std::string DocumentId(std::string_view uri, std::string_view record, std::string_view text);

// The canonical outlet name for any known spelling or web host ("aawsat",
// "الشرق الاوسط", "https://aawsat.com/..."), or "" when unknown.
std::string CanonicalOutlet(std::string_view name_or_url);

}  // namespace rasd::clean

#endif  // RASD_CLEAN_H_
