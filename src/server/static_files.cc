#include "server/static_files.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rasd/data.h"

namespace rasd::server {
namespace {

std::string TypeOf(const std::string& name) {
  auto ends = [&](const char* ext) { return name.size() >= std::strlen(ext) && name.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

Response NotFound() {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "not found\n";
  return r;
}

// A relative file name made only of safe segments.
bool SafeName(const std::string& name) {
  if (name.empty() || name.size() > 200) return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t slash = name.find('/', start);
    std::string seg = name.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (seg.empty() || seg[0] == '.') return false;
    for (char c : seg) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '_' || c == '.';
      if (!ok) return false;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace

StatusOr<StaticFiles> StaticFiles::Open(const std::string& dir) {
  StaticFiles f;
  if (!dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return Status::NotFound(dir + ": not a folder");
    f.dir_ = std::filesystem::canonical(dir, ec).string();
  }
  return f;
}

Response StaticFiles::Serve(const std::string& path) const {
  std::string name = path == "/" || path.empty() ? "index.html" : path.substr(1);
  if (!SafeName(name)) return NotFound();
  Response r;
  r.content_type = TypeOf(name);
  if (!dir_.empty()) {
    std::ifstream in(dir_ + "/" + name, std::ios::binary);
    if (!in) return NotFound();
    std::ostringstream ss;
    ss << in.rdbuf();
    r.body = ss.str();
  } else {
    auto bytes = data::Find("web/" + name);
    if (!bytes) return NotFound();
    r.body = std::string(*bytes);
  }
  if (name.ends_with(".html")) {
    // The page loads only its own files and never runs inline script.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
  }
  return r;
}

}  // namespace rasd::server
