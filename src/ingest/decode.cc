// Decoding: bytes in any supported encoding → valid UTF-8 source text.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>

#include "ingest/html_extract.h"
#include "rasd/ingest.h"
#include "rasd/utf8.h"

namespace rasd::ingest {
namespace {

// Converts with ICU, stopping at the first unmappable or illegal sequence.
StatusOr<std::string> Convert(std::string_view bytes, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU has no converter for ") + charset);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(conv, ucnv_close);
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u16(bytes.size() + 16, u'\0');
  err = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return Status::InvalidArgument(std::string("invalid ") + charset + " (" + u_errorName(err) + ")");
  }
  u16.resize(n);
  std::string out;
  out.reserve(u16.size() * 2);
  for (size_t i = 0; i < u16.size(); ++i) {
    char32_t c = u16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u16.size() && u16[i + 1] >= 0xDC00 &&
        u16[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (u16[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      return Status::InvalidArgument("lone UTF-16 surrogate at code unit " + std::to_string(i));
    }
    utf8::Append(c, &out);
  }
  return out;
}

// ICU's charset detector, restricted to what rasd reads: the best match's name.
std::string DetectCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> guard(det, ucsdet_close);
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)),
                 &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &err);
  if (U_FAILURE(err)) return "";
  for (int32_t i = 0; i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &err);
    int32_t conf = ucsdet_getConfidence(matches[i], &err);
    if (U_FAILURE(err) || name == nullptr) return "";
    if ((std::strcmp(name, "windows-1256") == 0 || std::strcmp(name, "ISO-8859-6") == 0) &&
        conf >= 10) {
      return name;
    }
  }
  return "";
}

// How many non-ASCII bytes, and how many invalid UTF-8 sequences, the text holds.
void CountBytes(std::string_view s, size_t* high, size_t* invalid) {
  *high = 0;
  *invalid = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      ++pos;
      continue;
    }
    ++*high;
    size_t before = pos;
    char32_t c = utf8::Next(s, &pos);
    if (c == 0xFFFD && pos == before + 1) ++*invalid;
  }
}

StatusOr<std::string> DecodePlain(std::string_view bytes, std::string* encoding) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    *encoding = le ? "utf-16le" : "utf-16be";
    auto out = Convert(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    if (!out.ok()) return out.status();
    if (out->find('\0') != std::string::npos) {
      return Status::InvalidArgument("binary content (NUL character) in UTF-16 text");
    }
    return out;
  }
  if (const void* nul = std::memchr(bytes.data(), 0, bytes.size())) {
    size_t at = static_cast<const char*>(nul) - bytes.data();
    return Status::InvalidArgument("binary file (NUL byte at offset " + std::to_string(at) + ")");
  }
  size_t bad = utf8::FindInvalid(bytes);
  if (bad == std::string_view::npos) {
    *encoding = "utf-8";
    return std::string(bytes);
  }
  // Not UTF-8. Windows-1256 text has most of its high bytes outside valid UTF-8.
  size_t high = 0, invalid = 0;
  CountBytes(bytes, &high, &invalid);
  if (invalid * 2 >= high) {
    std::string charset = DetectCharset(bytes);
    if (!charset.empty()) {
      *encoding = charset == "ISO-8859-6" ? "iso-8859-6" : "windows-1256";
      return Convert(bytes, charset.c_str());
    }
  }
  return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad) +
                                 " (and not recognisable as Windows-1256 or UTF-16)");
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

StatusOr<SourceText> Decode(const RawDoc& doc, const DecodeOptions& options) {
  SourceText out;
  out.hints = doc.hints;
  if (IsBlank(doc.bytes)) return Status::InvalidArgument("empty document");
  if (doc.content_type == "text/html") {
    if (std::memchr(doc.bytes.data(), 0, doc.bytes.size()) != nullptr) {
      return Status::InvalidArgument("binary content (NUL byte) in HTML");
    }
    HtmlOptions ho;
    ho.max_depth = options.max_html_depth;
    auto page = ExtractHtml(doc.bytes, ho);
    if (!page.ok()) return page.status();
    out.encoding = "html";
    for (const HtmlBlock& b : page->blocks) {
      if (b.text.empty()) continue;
      uint32_t begin = static_cast<uint32_t>(out.text.size());
      out.text += utf8::Sanitize(b.text);
      uint32_t end = static_cast<uint32_t>(out.text.size());
      out.text += '\n';
      if (!b.drop_reason.empty()) out.dropped.push_back({{begin, end}, b.drop_reason});
    }
    // The reader's hints (JSON fields, WARC headers) win over what the page says.
    const MetadataHints& h = page->hints;
    MetadataHints& o = out.hints;
    if (o.title.empty()) { o.title = h.title; o.title_from = h.title_from; }
    if (o.date.empty()) { o.date = h.date; o.date_from = h.date_from; }
    if (o.outlet.empty()) { o.outlet = h.outlet; o.outlet_from = h.outlet_from; }
    if (o.url.empty()) o.url = h.url;
    if (o.author.empty()) o.author = h.author;
    if (o.description.empty()) o.description = h.description;
    if (o.keywords.empty()) o.keywords = h.keywords;
    if (IsBlank(out.text)) return Status::InvalidArgument("HTML page has no visible text");
    return out;
  }
  if (!doc.content_type.empty() && doc.content_type != "text/plain" &&
      !doc.content_type.starts_with("text/")) {
    return Status::Unsupported("content type " + doc.content_type + " is not text");
  }
  auto text = DecodePlain(doc.bytes, &out.encoding);
  if (!text.ok()) return text.status();
  out.text = std::move(*text);
  if (IsBlank(out.text)) return Status::InvalidArgument("empty document");
  return out;
}

}  // namespace rasd::ingest
