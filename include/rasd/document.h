// The data model shared by every stage: what a reader yields (RawDoc), what
// decoding makes of it (SourceText), and what cleaning produces (Document).
//
// Offsets are always byte offsets [begin, end) into UTF-8 strings:
//   - Removed::source and Paragraph::source_begin point into SourceText::text;
//   - every other Span points into Document::text (the clean text).
// Clean text is built from whole byte ranges of the source text, so any span
// of it can be shown to a reader exactly as the article printed it.
#ifndef RASD_DOCUMENT_H_
#define RASD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

// A half-open byte range [begin, end) into a UTF-8 string.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin >= end; }
  std::string_view Of(std::string_view s) const { return s.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

// A calendar time as far as it is known. Fields not known are 0 (date) or -1 (time).
struct CivilTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = -1;
  friend bool operator==(const CivilTime&, const CivilTime&) = default;
};

enum class DatePrecision { kNone, kYear, kMonth, kDay, kMinute };
const char* PrecisionName(DatePrecision p);

// The publication date of a document and where it was found.
struct Published {
  CivilTime time;
  DatePrecision precision = DatePrecision::kNone;
  // Where it came from: "header-line", "jsonl:<field>", "html:<meta name>", "warc:WARC-Date",
  // "url", or empty when unknown.
  std::string from;
  // ISO 8601 text at the known precision: "2021-02-22T13:43", "2021-02-22", "2021-02", "2021".
  std::string Iso() const;
  bool known() const { return precision != DatePrecision::kNone; }
};

// Metadata a reader found outside the text itself (JSON fields, HTML <meta>, WARC headers).
struct MetadataHints {
  std::string title;
  std::string title_from;
  std::string url;
  std::string date;  // as written in the source; parsed by the metadata stage
  std::string date_from;
  std::string outlet;
  std::string outlet_from;
  std::string author;
  std::string description;
  std::vector<std::string> keywords;
};

// One input record as read: a file, a JSON line, a WARC record, stdin.
struct RawDoc {
  std::string uri;           // path or URL of the container: "a/b.txt", "feed.jsonl"
  std::string record;        // position inside the container: "line 12", "record 3", "" for files
  std::string content_type;  // "text/plain" or "text/html"
  std::string bytes;         // the bytes as read (any encoding)
  MetadataHints hints;
  // "uri" or "uri#record": how error messages and documents name this input.
  std::string Name() const { return record.empty() ? uri : uri + " (" + record + ")"; }
};

// A block of the source text that decoding already knows is not article text
// (an HTML <nav>, a share bar); cleaning records it as removed with this reason.
struct BlockHint {
  Span source;
  std::string reason;
};

// The decoded text of a RawDoc: valid UTF-8, one block per line.
struct SourceText {
  std::string text;
  std::string encoding;  // what the bytes were: "utf-8", "windows-1256", "utf-16le", "html"
  std::vector<BlockHint> dropped;
  MetadataHints hints;   // the reader's hints plus anything decoding found (HTML <title>)
};

// A span of the source text that cleaning left out of the clean text, and why.
struct Removed {
  Span source;         // into SourceText::text
  std::string reason;  // "share-buttons", "repeated-body", "caption", ... (see docs/cleaning.md)
};

struct Paragraph {
  Span span;              // into Document::text
  uint32_t source_begin;  // where the same bytes start in SourceText::text
};

// A cleaned article. One RawDoc can give several (an appended article is split off).
struct Document {
  std::string id;      // stable: from the source name (and content when there is no name)
  std::string uri;
  std::string record;
  std::string content_type;
  std::string encoding;
  std::string title;
  std::string title_from;  // "first-line", "jsonl:title", "html:og:title", ...
  std::string outlet;      // canonical outlet name (data/outlets.tsv), or as found
  std::string outlet_from;
  std::string author;
  std::string description;
  Published published;
  std::string source_text;  // the decoded text the removed spans point into
  std::string text;         // the clean text: paragraphs joined by '\n'
  std::vector<Paragraph> paragraphs;
  std::vector<Removed> removed;
  std::string split_from;  // id of the document this one was found appended to
  std::vector<std::string> appended;  // ids of documents split out of this one
  int part = 0;  // 0 for the main article, 1.. for appended articles in order
};

}  // namespace rasd

#endif  // RASD_DOCUMENT_H_
