// JSON Lines and JSON array readers (simdjson) on arbitrary bytes. The first
// byte picks the reader and the record limit. Every article is valid UTF-8,
// named after the input, and within max_record_bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/json_records.h"
#include "rasd/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  rasd::ingest::ReadOptions o;
  if (mode & 2) o.max_record_bytes = 256;
  if (mode & 4) o.fields.text = {"body", "x"};
  const std::string name = "fuzz.json";
  const std::string_view bytes = rasd::fuzz::AsView(data + 1, size - 1);
  auto sink = [&](rasd::RawDoc&& d) {
    FUZZ_CHECK(d.uri == name, "uri '%s'", d.uri.c_str());
    FUZZ_CHECK(d.content_type == "text/plain" || d.content_type == "text/html", "content type '%s'",
               d.content_type.c_str());
    // simdjson validates UTF-8, so every string taken from JSON is valid.
    FUZZ_CHECK(rasd::utf8::FindInvalid(d.bytes) == std::string::npos, "article bytes invalid UTF-8");
    FUZZ_CHECK(rasd::utf8::FindInvalid(d.hints.title) == std::string::npos, "title invalid UTF-8");
    // The record limit holds for every article, however the file holds it (line, array item, lone object).
    FUZZ_CHECK(d.bytes.size() <= o.max_record_bytes, "article of %zu bytes over the record limit %zu",
               d.bytes.size(), o.max_record_bytes);
    return true;
  };
  auto on_error = [&](const rasd::ingest::ReadError& e) {
    FUZZ_CHECK(e.name.starts_with(name), "error name '%s'", e.name.c_str());
    FUZZ_CHECK(!e.status.ok(), "an error with an OK status");
  };
  if (mode & 1) {
    rasd::ingest::ReadJsonArray(name, bytes, o, sink, on_error);
  } else {
    rasd::ingest::ReadJsonLinesBytes(name, bytes, o, sink, on_error);
  }
  return 0;
}
