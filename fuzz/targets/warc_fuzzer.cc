// ingest::ReadWarcBytes on arbitrary bytes (plain or gzip WARC): records and
// errors are named after the input, payloads respect the record limit, and
// reading always terminates. The first byte picks the record limit.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  rasd::ingest::WarcOptions o;
  o.max_record_bytes = (data[0] & 1) ? (size_t{64} << (data[0] >> 4)) : (size_t{1} << 20);
  const std::string name = "fuzz.warc";
  size_t docs = 0, errors = 0;
  bool go = rasd::ingest::ReadWarcBytes(
      name, rasd::fuzz::AsView(data + 1, size - 1), o,
      [&](rasd::RawDoc&& d) {
        FUZZ_CHECK(d.uri == name, "record uri '%s'", d.uri.c_str());
        FUZZ_CHECK(d.record.starts_with("record "), "record name '%s'", d.record.c_str());
        FUZZ_CHECK(d.bytes.size() <= o.max_record_bytes, "payload of %zu bytes over the limit %zu",
                   d.bytes.size(), o.max_record_bytes);
        ++docs;
        return (data[0] & 2) == 0 || docs < 2;  // sometimes stop early
      },
      [&](const rasd::ingest::ReadError& e) {
        FUZZ_CHECK(e.name.starts_with(name), "error name '%s'", e.name.c_str());
        FUZZ_CHECK(!e.status.ok(), "an error with an OK status");
        ++errors;
      });
  (void)go;
  return 0;
}
