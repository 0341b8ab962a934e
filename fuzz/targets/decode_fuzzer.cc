// Encoding detection and decoding: rasd::ingest::Decode on text/plain,
// text/html and other content types. The first byte picks the content type
// and the HTML depth limit; the rest is the document's bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "rasd/ingest.h"
#include "rasd/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kTypes[] = {"text/plain", "text/html", "", "text/csv", "application/pdf"};
  const uint8_t mode = data[0];
  rasd::RawDoc doc;
  doc.uri = "fuzz";
  doc.content_type = kTypes[(mode & 0x0F) % 5];
  doc.bytes = std::string(rasd::fuzz::AsView(data + 1, size - 1));
  rasd::ingest::DecodeOptions options;
  if (mode & 0x10) options.max_html_depth = 16;

  auto out = rasd::ingest::Decode(doc, options);
  if (!out.ok()) {
    FUZZ_CHECK(!out.status().message().empty(), "a failed Decode must say why");
    return 0;
  }
  const std::string& text = out->text;
  FUZZ_CHECK(rasd::utf8::FindInvalid(text) == std::string::npos,
             "decoded text is not valid UTF-8 (first bad byte %zu, encoding %s)",
             rasd::utf8::FindInvalid(text), out->encoding.c_str());
  FUZZ_CHECK(!out->encoding.empty(), "decoded text has no encoding name");
  FUZZ_CHECK(text.find_first_not_of(" \t\r\n\f\v") != std::string::npos,
             "Decode succeeded on blank text");
  uint32_t last_end = 0;
  for (const rasd::BlockHint& b : out->dropped) {
    rasd::fuzz::CheckSpan(text, b.source, "dropped block");
    FUZZ_CHECK(b.source.begin >= last_end, "dropped blocks overlap or are out of order");
    FUZZ_CHECK(!b.reason.empty(), "dropped block without a reason");
    last_end = b.source.end;
  }
  return 0;
}
