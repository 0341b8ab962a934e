#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "ingest/formats.h"
#include "ingest/json_records.h"
#include "ingest/warc_reader.h"
#include "ingest/zip_reader.h"
#include "rasd/ingest.h"

namespace rasd::ingest {
namespace {

namespace fs = std::filesystem;

// JSON arrays and zip entries are parsed whole; this bounds them.
constexpr size_t kMaxContainerBytes = size_t{1} << 30;

std::string ErrnoText() { return std::strerror(errno); }

struct FileCloser {
  void operator()(std::FILE* f) const {
    if (f) std::fclose(f);
  }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// Reads a whole file up to `limit` bytes.
StatusOr<std::string> Slurp(const std::string& path, size_t limit) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return Status::IoError("cannot open: " + ErrnoText());
  struct stat st;
  if (::fstat(fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<size_t>(st.st_size) > limit) {
    return Status::ResourceExhausted("file of " + std::to_string(st.st_size) +
                                     " bytes is over the limit of " + std::to_string(limit) +
                                     " bytes");
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) {
    out.append(buf, n);
    if (out.size() > limit) {
      return Status::ResourceExhausted("input is over the limit of " + std::to_string(limit) +
                                       " bytes");
    }
  }
  if (std::ferror(f.get())) return Status::IoError("read failed: " + ErrnoText());
  return out;
}

std::string Head(const std::string& path) {
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) return "";
  char buf[512];
  size_t n = std::fread(buf, 1, sizeof buf, f.get());
  return std::string(buf, n);
}

}  // namespace

Reader::Reader(ReadOptions options) : options_(std::move(options)) {}

bool Reader::Read(const std::vector<std::string>& sources, const DocSink& sink,
                  const ErrorSink& on_error) const {
  for (const std::string& s : sources) {
    if (!ReadOne(s, sink, on_error)) return false;
  }
  return true;
}

bool Reader::ReadBytes(const std::string& name, std::string bytes, const DocSink& sink,
                       const ErrorSink& on_error) const {
  Format f = ParseFormat(options_.format);
  if (f == Format::kUnknown) f = FormatFromName(name);
  if (f == Format::kUnknown) f = SniffFormat(std::string_view(bytes).substr(0, 512));
  switch (f) {
    case Format::kJsonl:
      return ReadJsonLinesBytes(name, bytes, options_, sink, on_error);
    case Format::kJson:
      return ReadJsonArray(name, bytes, options_, sink, on_error);
    case Format::kWarc:
      return ReadWarcBytes(name, bytes, WarcOptions{options_.max_record_bytes}, sink, on_error);
    case Format::kZip:
      on_error({name, Status::Unsupported("zip archives are read from files, not from a stream")});
      return true;
    case Format::kHtml:
    case Format::kText:
    case Format::kUnknown: {
      if (bytes.size() > options_.max_record_bytes) {
        on_error({name, Status::ResourceExhausted(
                            "document of " + std::to_string(bytes.size()) +
                            " bytes is over the limit of " +
                            std::to_string(options_.max_record_bytes) + " bytes")});
        return true;
      }
      RawDoc doc;
      doc.uri = name;
      doc.content_type = f == Format::kHtml ? "text/html" : "text/plain";
      doc.bytes = std::move(bytes);
      return sink(std::move(doc));
    }
  }
  return true;
}

bool Reader::ReadOne(const std::string& source, const DocSink& sink,
                     const ErrorSink& on_error) const {
  if (source == "-") {
    std::string bytes;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
      bytes.append(buf, n);
      if (bytes.size() > kMaxContainerBytes) {
        on_error({"stdin", Status::ResourceExhausted("standard input is over 1 GiB")});
        return true;
      }
    }
    return ReadBytes("stdin", std::move(bytes), sink, on_error);
  }

  std::error_code ec;
  fs::file_status st = fs::status(source, ec);
  if (ec || !fs::exists(st)) {
    on_error({source, Status::NotFound("no such file or directory")});
    return true;
  }
  if (fs::is_directory(st)) {
    std::vector<std::string> files;
    auto opts = fs::directory_options::skip_permission_denied;
    if (options_.recursive) {
      fs::recursive_directory_iterator it(source, opts, ec), end;
      if (ec) {
        on_error({source, Status::IoError("cannot list directory: " + ec.message())});
        return true;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          on_error({source, Status::IoError("cannot list directory: " + ec.message())});
          break;
        }
        const fs::path& p = it->path();
        std::string base = p.filename().string();
        if (!base.empty() && base[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(p.string());
      }
    } else {
      for (const auto& e : fs::directory_iterator(source, opts, ec)) {
        if (e.is_regular_file()) files.push_back(e.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      std::string base = fs::path(file).filename().string();
      if (!options_.glob.empty()) {
        if (::fnmatch(options_.glob.c_str(), base.c_str(), 0) != 0) continue;
      } else if (FormatFromName(base) == Format::kUnknown) {
        continue;  // only files of a known type are read from directories
      }
      if (!ReadOne(file, sink, on_error)) return false;
    }
    return true;
  }

  Format f = ParseFormat(options_.format);
  if (f == Format::kUnknown) f = FormatFromName(source);
  if (::access(source.c_str(), R_OK) != 0) {
    on_error({source, Status::IoError("cannot open: " + ErrnoText())});
    return true;
  }
  if (f == Format::kUnknown) f = SniffFormat(Head(source));
  switch (f) {
    case Format::kJsonl: {
      File file(std::fopen(source.c_str(), "rb"));
      if (!file) {
        on_error({source, Status::IoError("cannot open: " + ErrnoText())});
        return true;
      }
      return ReadJsonLines(source, file.get(), options_, sink, on_error);
    }
    case Format::kWarc:
      return ReadWarcFile(source, WarcOptions{options_.max_record_bytes}, sink, on_error);
    case Format::kZip:
      return ReadZip(
          source,
          [&](const std::string& entry) -> size_t {
            Format ef = ParseFormat(options_.format);
            if (ef == Format::kUnknown) ef = FormatFromName(entry);
            if (ef == Format::kUnknown) return 0;  // not an article file: not inflated
            // Containers of many articles are parsed whole; one article is one record.
            if (ef == Format::kJson || ef == Format::kJsonl || ef == Format::kWarc) return kMaxContainerBytes;
            return options_.max_record_bytes;
          },
          [&](const std::string& entry, std::string&& bytes) {
            return ReadBytes(source + "!/" + entry, std::move(bytes), sink, on_error);
          },
          on_error);
    case Format::kJson: {
      auto bytes = Slurp(source, kMaxContainerBytes);
      if (!bytes.ok()) {
        on_error({source, bytes.status()});
        return true;
      }
      return ReadJsonArray(source, *bytes, options_, sink, on_error);
    }
    default: {
      auto bytes = Slurp(source, options_.max_record_bytes);
      if (!bytes.ok()) {
        on_error({source, bytes.status()});
        return true;
      }
      RawDoc doc;
      doc.uri = source;
      doc.content_type = f == Format::kHtml ? "text/html" : "text/plain";
      doc.bytes = std::move(*bytes);
      return sink(std::move(doc));
    }
  }
}

}  // namespace rasd::ingest
