#include "tests/testing.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rasd::testing {

std::string SourceDir() { return RASD_SOURCE_DIR; }

std::optional<std::string> SharedPath(const std::string& sub) {
  const char* env = std::getenv("RASD_SHARED");
  std::string base = env != nullptr && *env != '\0' ? env : RASD_DEFAULT_SHARED_DIR;
  std::string path = sub.empty() ? base : base + "/" + sub;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string RasdBinary() {
  const char* env = std::getenv("RASD_BIN");
  return env != nullptr ? env : RASD_DEFAULT_BIN;
}

CommandResult Run(const std::string& command) {
  CommandResult r;
  char err_path[] = "/tmp/rasd_test_stderr_XXXXXX";
  int fd = ::mkstemp(err_path);
  if (fd >= 0) ::close(fd);
  std::string full = command + " 2>" + err_path;
  FILE* p = ::popen(full.c_str(), "r");
  if (p == nullptr) return r;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = ReadFile(err_path);
  ::unlink(err_path);
  return r;
}

}  // namespace rasd::testing
