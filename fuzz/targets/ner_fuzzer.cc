// ner::Recognizer::Default().Find on clean text (valid UTF-8): mention and
// role spans in bounds and on boundaries, in order, confidence in [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_util.h"
#include "rasd/ner.h"
#include "rasd/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rasd::ner::Recognizer& ner = rasd::ner::Recognizer::Default();
  const std::string text = rasd::utf8::Sanitize(rasd::fuzz::AsView(data, size));
  std::vector<rasd::ner::Mention> ms = ner.Find(text);
  uint32_t last_begin = 0;
  for (size_t i = 0; i < ms.size(); ++i) {
    const rasd::ner::Mention& m = ms[i];
    rasd::fuzz::CheckSpan(text, m.span, "mention");
    FUZZ_CHECK(!m.span.empty(), "mention %zu is empty", i);
    rasd::fuzz::CheckSpan(text, m.role, "role");
    FUZZ_CHECK(m.span.begin >= last_begin, "mention %zu out of order", i);
    FUZZ_CHECK(m.confidence >= 0 && m.confidence <= 1, "mention %zu confidence %f", i, m.confidence);
    rasd::ner::TypeName(m.type);
    last_begin = m.span.begin;
  }
  return 0;
}
