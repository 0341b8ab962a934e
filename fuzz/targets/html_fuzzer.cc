// ingest::ExtractHtml (libxml2) on arbitrary bytes: never crashes, honours
// the depth limit, and block texts hold no line breaks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "ingest/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  rasd::ingest::HtmlOptions o;
  o.max_depth = (data[0] & 1) ? 8 + data[0] / 2 : 5000;
  auto page = rasd::ingest::ExtractHtml(rasd::fuzz::AsView(data + 1, size - 1), o);
  if (!page.ok()) return 0;
  for (const rasd::ingest::HtmlBlock& b : page->blocks) {
    FUZZ_CHECK(b.text.find('\n') == std::string::npos, "HTML block text holds a line break");
  }
  return 0;
}
