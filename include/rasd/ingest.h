// Readers: turn files, directories, archives, feeds and stdin into RawDocs,
// and decode a RawDoc into UTF-8 SourceText.
//
//   rasd::ingest::Reader reader(options);
//   reader.Read({"corpus/", "feed.jsonl", "-"},
//               [](rasd::RawDoc&& doc) { ...; return true; },          // false stops
//               [](const rasd::ingest::ReadError& e) { log(e); });    // one bad input
//
// A bad input (unreadable file, malformed JSON line, truncated archive) is
// reported through the error callback with the file and record it concerns,
// and reading goes on with the next one.
#ifndef RASD_INGEST_H_
#define RASD_INGEST_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "rasd/document.h"
#include "rasd/status.h"

namespace rasd::ingest {

// JSON field names tried in order for each metadata item (first present wins).
struct JsonFields {
  std::vector<std::string> text = {"text", "content", "full_text", "body", "article"};
  std::vector<std::string> html = {"html", "raw_html"};
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> url = {"url", "link", "uri"};
  std::vector<std::string> date = {"date", "published", "published_time", "date_published",
                                   "pubdate", "published_at", "date_extracted"};
  std::vector<std::string> outlet = {"outlet", "source", "site", "publisher", "site_name"};
  std::vector<std::string> author = {"author", "byline"};
  std::vector<std::string> description = {"description", "summary", "lead"};
  std::vector<std::string> keywords = {"keywords", "tags"};
};

struct ReadOptions {
  // Only files whose name (not path) matches this shell pattern are read from
  // directories; empty means every file of a supported type.
  std::string glob;
  // Force one format for every file: "auto" (by extension, then content),
  // "text", "html", "jsonl", "json", "warc".
  std::string format = "auto";
  JsonFields fields;
  // A record larger than this is skipped with a limit error (bounds memory).
  size_t max_record_bytes = 16u << 20;
  // Directories are walked recursively in sorted order; symlinked dirs are not followed.
  bool recursive = true;
};

// One input that could not be read. `name` is "path" or "path (line 12)".
struct ReadError {
  std::string name;
  Status status;
  std::string ToString() const { return name + ": " + status.message(); }
};

using DocSink = std::function<bool(RawDoc&&)>;
using ErrorSink = std::function<void(const ReadError&)>;

class Reader {
 public:
  explicit Reader(ReadOptions options = {});
  // Reads every source in order: a file, a directory, a .zip, a .warc(.gz),
  // a JSON Lines or JSON array file, or "-" for stdin. Returns false when the
  // sink asked to stop.
  bool Read(const std::vector<std::string>& sources, const DocSink& sink,
            const ErrorSink& on_error) const;
  // Reads one source (as above).
  bool ReadOne(const std::string& source, const DocSink& sink, const ErrorSink& on_error) const;
  // Reads in-memory bytes as if they were a file called `name`.
  bool ReadBytes(const std::string& name, std::string bytes, const DocSink& sink,
                 const ErrorSink& on_error) const;

 private:
  ReadOptions options_;
};

struct DecodeOptions {
  int max_html_depth = 5000;  // deeper HTML is refused with a limit error
};

// Turns a RawDoc's bytes into valid UTF-8 text: detects UTF-8, UTF-16 with a
// BOM and Windows-1256 (through ICU); extracts the main text of HTML. Fails
// on empty, binary (NUL bytes) and undecodable input, naming the offset.
StatusOr<SourceText> Decode(const RawDoc& doc, const DecodeOptions& options = {});

}  // namespace rasd::ingest

#endif  // RASD_INGEST_H_
