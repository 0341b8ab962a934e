#include "ingest/zip_reader.h"

#include <zip.h>

#include <algorithm>
#include <vector>

namespace rasd::ingest {

bool ReadZip(const std::string& path, const std::function<size_t(const std::string&)>& limit_for,
             const std::function<bool(const std::string&, std::string&&)>& entry,
             const ErrorSink& on_error) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (za == nullptr) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    on_error({path, Status::IoError(std::string("cannot open zip: ") + zip_error_strerror(&ze))});
    zip_error_fini(&ze);
    return true;
  }
  std::vector<std::pair<std::string, zip_uint64_t>> names;
  zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    std::string s(name);
    if (s.empty() || s.back() == '/') continue;
    names.emplace_back(std::move(s), static_cast<zip_uint64_t>(i));
  }
  std::sort(names.begin(), names.end());
  bool go = true;
  auto over = [](uint64_t size, size_t limit) {
    return Status::ResourceExhausted("zip entry of " + std::to_string(size) + " bytes is over the limit of " +
                                     std::to_string(limit) + " bytes");
  };
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string& name = names[k].first;
    const zip_uint64_t index = names[k].second;
    if (k > 0 && names[k - 1].first == name) {
      on_error({path + "!/" + name, Status::InvalidArgument("another entry of the archive has this name (only the first is read)")});
      continue;
    }
    const size_t limit = limit_for(name);
    if (limit == 0) continue;
    std::string where = path + "!/" + name;
    zip_stat_t st;
    if (zip_stat_index(za, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      on_error({where, Status::InvalidArgument("unreadable zip entry")});
      continue;
    }
    if (st.size > limit) {
      on_error({where, over(st.size, limit)});
      continue;
    }
    zip_file_t* zf = zip_fopen_index(za, index, 0);
    if (zf == nullptr) {
      on_error({where, Status::IoError(std::string("cannot open entry: ") + zip_strerror(za))});
      continue;
    }
    // Grown as bytes arrive: the header's size may lie.
    std::string bytes;
    char buf[1 << 16];
    zip_int64_t got = 0;
    bool too_big = false;
    while ((got = zip_fread(zf, buf, sizeof buf)) > 0) {
      if (bytes.size() + static_cast<size_t>(got) > limit) {
        too_big = true;
        break;
      }
      bytes.append(buf, static_cast<size_t>(got));
    }
    zip_fclose(zf);
    if (too_big) {
      on_error({where, over(bytes.size() + static_cast<size_t>(got), limit)});
      continue;
    }
    if (got < 0 || bytes.size() != st.size) {
      on_error({where, Status::IoError("truncated or corrupt zip entry")});
      continue;
    }
    if (!entry(name, std::move(bytes))) {
      go = false;
      break;
    }
  }
  zip_discard(za);
  return go;
}

}  // namespace rasd::ingest
