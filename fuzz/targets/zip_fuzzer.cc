// The zip reader on any bytes, written to an in-memory file per run (libzip
// reads from a path): ingest::ReadZip with a fuzzed per-entry limit, and
// Reader::ReadOne (what `rasd ingest x.zip` does) with a small record limit.
//
// Checked: ReadZip never hands over an entry larger than its limit, nor one
// whose limit is 0 (not inflated at all), hands entries over in name order
// and at most once each; errors are named after the archive
// ("path" or "path!/entry") with a non-OK status. Through Reader, every
// document is named "path!/entry", a whole-file document (text, HTML) is
// within max_record_bytes, and a stop request is obeyed. The first byte picks
// the limits and the mode.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "fuzz_util.h"
#include "ingest/zip_reader.h"
#include "rasd/ingest.h"

namespace {

// A memfd holding the current input; its /proc path is what libzip opens.
const std::string& WriteInput(const uint8_t* data, size_t size) {
  static int fd = [] {
    int f = memfd_create("rasd-zip-fuzz", 0);
    FUZZ_CHECK(f >= 0, "memfd_create failed");
    return f;
  }();
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  FUZZ_CHECK(ftruncate(fd, 0) == 0, "ftruncate failed");
  size_t done = 0;
  while (done < size) {
    ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    FUZZ_CHECK(n > 0, "pwrite failed");
    done += static_cast<size_t>(n);
  }
  return path;
}

bool EndsWith(const std::string& s, const char* tail) { return s.ends_with(tail); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  const std::string& path = WriteInput(data + 1, size - 1);
  const size_t small = size_t{16} << ((mode >> 4) & 7);  // 16 B .. 2 KiB

  auto check_error = [&](const rasd::ingest::ReadError& e) {
    FUZZ_CHECK(e.name.starts_with(path), "error name '%s'", e.name.c_str());
    FUZZ_CHECK(e.name.size() == path.size() || e.name.compare(path.size(), 2, "!/") == 0,
               "error name '%s' is not path or path!/entry", e.name.c_str());
    FUZZ_CHECK(!e.status.ok(), "an error with an OK status");
    FUZZ_CHECK(!e.status.message().empty(), "an error without a message");
  };

  if ((mode & 1) == 0) {
    // ReadZip directly: .bin entries are never inflated, .txt get `small`,
    // anything else 1 MiB.
    auto limit_for = [&](const std::string& name) -> size_t {
      if (EndsWith(name, ".bin")) return 0;
      if (EndsWith(name, ".txt") || (mode & 2)) return small;
      return size_t{1} << 20;
    };
    std::string last;
    std::set<std::string> seen;
    size_t delivered = 0;
    rasd::ingest::ReadZip(
        path, limit_for,
        [&](const std::string& name, std::string&& bytes) {
          const size_t limit = limit_for(name);
          FUZZ_CHECK(limit != 0, "entry '%s' with limit 0 was read", name.c_str());
          FUZZ_CHECK(bytes.size() <= limit, "entry '%s' of %zu bytes over its limit %zu", name.c_str(),
                     bytes.size(), limit);
          FUZZ_CHECK(seen.insert(name).second, "entry '%s' handed over twice", name.c_str());
          FUZZ_CHECK(last.empty() || last < name, "entries out of order: '%s' after '%s'", name.c_str(),
                     last.c_str());
          last = name;
          ++delivered;
          return (mode & 4) == 0 || delivered < 2;  // sometimes stop early
        },
        check_error);
    FUZZ_CHECK((mode & 4) == 0 || delivered <= 2, "%zu entries after a stop request", delivered);
    return 0;
  }

  // Reader::ReadOne on the archive, as `rasd ingest` reads a .zip file: the
  // format comes from the name, so read the memfd under a .zip name.
  static const std::string link = [] {
    rasd::fuzz::RemoveStale("/tmp", "rasd-zip-fuzz-");
    std::string l = "/tmp/rasd-zip-fuzz-" + std::to_string(getpid()) + ".zip";
    unlink(l.c_str());
    return l;
  }();
  static const bool linked = [&] {
    FUZZ_CHECK(symlink(path.c_str(), link.c_str()) == 0, "cannot create %s", link.c_str());
    std::atexit([] { unlink(link.c_str()); });
    return true;
  }();
  (void)linked;
  rasd::ingest::ReadOptions ro;
  ro.max_record_bytes = small;
  rasd::ingest::Reader reader(ro);
  size_t docs = 0;
  reader.ReadOne(
      link,
      [&](rasd::RawDoc&& d) {
        FUZZ_CHECK(d.uri.starts_with(link + "!/"), "document uri '%s'", d.uri.c_str());
        if (d.record.empty()) {
          FUZZ_CHECK(d.bytes.size() <= ro.max_record_bytes, "document '%s' of %zu bytes over the limit %zu",
                     d.uri.c_str(), d.bytes.size(), ro.max_record_bytes);
        }
        ++docs;
        return (mode & 4) == 0 || docs < 2;
      },
      [&](const rasd::ingest::ReadError& e) {
        FUZZ_CHECK(e.name.starts_with(link), "error name '%s'", e.name.c_str());
        FUZZ_CHECK(!e.status.ok(), "an error with an OK status");
      });
  FUZZ_CHECK((mode & 4) == 0 || docs <= 2, "%zu documents after a stop request", docs);
  return 0;
}
