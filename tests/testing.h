// Helpers for rasd's tests: where the project's fixtures and the optional
// shared gold data live, and how to skip cleanly when the latter is absent.
#ifndef RASD_TESTS_TESTING_H_
#define RASD_TESTS_TESTING_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace rasd::testing {

// The project's source tree (for tests/fixtures and examples/).
std::string SourceDir();

// ../shared (or $RASD_SHARED) joined with `sub`, when that path exists.
std::optional<std::string> SharedPath(const std::string& sub);

// Reads a whole file; fails the test when it cannot.
std::string ReadFile(const std::string& path);

// The rasd binary built with the tests ($RASD_BIN), for end-to-end tests.
std::string RasdBinary();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs `command` through /bin/sh, capturing stdout and stderr.
CommandResult Run(const std::string& command);

}  // namespace rasd::testing

// Skips the current test when ../shared/<sub> is absent; binds `var` to its path.
#define RASD_REQUIRE_SHARED(var, sub)                                       \
  auto var##_opt = ::rasd::testing::SharedPath(sub);                        \
  if (!var##_opt) GTEST_SKIP() << "../shared/" << (sub) << " is absent";    \
  const std::string var = *var##_opt

#endif  // RASD_TESTS_TESTING_H_
