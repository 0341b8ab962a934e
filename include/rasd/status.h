// Status and StatusOr: how rasd reports errors that a user can cause (bad
// input files, bad queries, I/O failures). Programming errors are asserts.
//
//   rasd::StatusOr<Document> doc = Analyze(raw);
//   if (!doc.ok()) { std::cerr << doc.status().ToString(); return 2; }
#ifndef RASD_STATUS_H_
#define RASD_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace rasd {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the input or a parameter is malformed
  kNotFound,           // a file, record or id does not exist
  kIoError,            // reading or writing failed
  kResourceExhausted,  // a documented limit was exceeded (size, depth, time)
  kUnsupported,        // a format or feature rasd does not handle
  kInternal,           // a bug: an invariant did not hold
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "ok".
  std::string ToString() const;
  // A short machine-readable name of the code: "invalid_argument", "not_found", ...
  const char* CodeName() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT
  StatusOr(T value) : value_(std::move(value)) {}                                  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace rasd

#define RASD_RETURN_IF_ERROR(expr)           \
  do {                                       \
    ::rasd::Status rasd_status_ = (expr);    \
    if (!rasd_status_.ok()) return rasd_status_; \
  } while (0)

#endif  // RASD_STATUS_H_
