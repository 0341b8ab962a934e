// The web page's files (internal to server): the copy built into the binary
// (web/ embedded like data/), or a folder given with --web-dir.
#ifndef RASD_SERVER_STATIC_FILES_H_
#define RASD_SERVER_STATIC_FILES_H_

#include <string>

#include "rasd/server.h"

namespace rasd::server {

class StaticFiles {
 public:
  static StatusOr<StaticFiles> Open(const std::string& dir);
  // "/" is index.html; any other path must name a file exactly (no "..",
  // no hidden files), else 404.
  Response Serve(const std::string& path) const;

 private:
  std::string dir_;
};

}  // namespace rasd::server

#endif  // RASD_SERVER_STATIC_FILES_H_
