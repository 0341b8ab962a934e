#include "rasd/status.h"

namespace rasd {

const char* Status::CodeName() const {
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kResourceExhausted: return "limit_exceeded";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string s = CodeName();
  for (char& c : s) if (c == '_') c = ' ';
  return s + ": " + message_;
}

}  // namespace rasd
