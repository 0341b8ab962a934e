#include "ingest/formats.h"

#include <algorithm>

namespace rasd::ingest {

const char* FormatName(Format f) {
  switch (f) {
    case Format::kUnknown: return "unknown";
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kJsonl: return "jsonl";
    case Format::kJson: return "json";
    case Format::kWarc: return "warc";
    case Format::kZip: return "zip";
  }
  return "unknown";
}

Format ParseFormat(std::string_view name) {
  for (Format f : {Format::kText, Format::kHtml, Format::kJsonl, Format::kJson, Format::kWarc,
                   Format::kZip}) {
    if (name == FormatName(f)) return f;
  }
  return Format::kUnknown;
}

std::string Extension(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  std::string lower(base);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (lower.ends_with(".warc.gz")) return "warc.gz";
  size_t dot = lower.find_last_of('.');
  if (dot == std::string::npos || dot == 0) return "";
  return lower.substr(dot + 1);
}

Format FormatFromName(std::string_view name) {
  std::string ext = Extension(name);
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  if (ext == "json") return Format::kJson;
  if (ext == "warc" || ext == "warc.gz") return Format::kWarc;
  if (ext == "zip") return Format::kZip;
  return Format::kUnknown;
}

Format SniffFormat(std::string_view head) {
  size_t i = 0;
  if (head.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
  std::string_view h = head.substr(i);
  if (h.starts_with("WARC/")) return Format::kWarc;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1F &&
      static_cast<unsigned char>(head[1]) == 0x8B) {
    return Format::kWarc;  // gzip: the only compressed stream rasd reads directly
  }
  if (head.starts_with("PK\x03\x04")) return Format::kZip;
  if (h.starts_with("{")) return Format::kJsonl;
  if (h.starts_with("[")) return Format::kJson;
  if (h.starts_with("<")) {
    std::string lower(h.substr(0, 512));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lower.find("<html") != std::string::npos || lower.find("<!doctype") != std::string::npos ||
        lower.find("<body") != std::string::npos || lower.find("<div") != std::string::npos ||
        lower.find("<p") != std::string::npos) {
      return Format::kHtml;
    }
  }
  return Format::kText;
}

}  // namespace rasd::ingest
