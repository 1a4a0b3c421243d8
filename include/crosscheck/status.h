// Status: the one error type of the crosscheck library.
//
// A Status is either ok (cheap: no allocation) or an error code with a message. Functions that can
// fail return a Status (or a Result<T>, below) and callers return early when it is not ok.
// Exceptions are not thrown inside the library; the CLI maps a Status to an exit code, the Python
// binding to an exception.
//
// Thread-safety: a Status is a value; distinct objects may be used from distinct threads.
#ifndef CROSSCHECK_STATUS_H_
#define CROSSCHECK_STATUS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace crosscheck {

class Status {
 public:
  enum class Code : int {
    kOk = 0,
    kInvalidArgument = 1,  // the caller passed something malformed (a bad flag, a bad date)
    kNotFound = 2,         // a file or record that should exist does not
    kIOError = 3,          // the OS refused a read or write
    kCorrupt = 4,          // input bytes that cannot be decoded (truncated gzip, bad JSON, junk)
    kUnsupported = 5,      // a format or feature this build does not handle
    kInternal = 6,         // a bug: an invariant of the library did not hold
  };

  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view msg) { return Status(Code::kInvalidArgument, msg); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status IOError(std::string_view msg) { return Status(Code::kIOError, msg); }
  static Status Corrupt(std::string_view msg) { return Status(Code::kCorrupt, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }

  bool ok() const { return state_ == nullptr; }
  Code code() const { return state_ ? state_->code : Code::kOk; }
  // The message without the code name; empty when ok.
  const std::string& message() const;
  // "ok", or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <old message>"; ok stays ok.
  Status WithContext(std::string_view prefix) const;

 private:
  struct State {
    Code code;
    std::string message;
  };
  Status(Code code, std::string_view msg)
      : state_(std::make_shared<State>(State{code, std::string(msg)})) {}
  std::shared_ptr<const State> state_;  // null when ok: success costs nothing
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}     // NOLINT: implicit on purpose
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

#define CROSSCHECK_RETURN_IF_ERROR(expr)           \
  do {                                             \
    ::crosscheck::Status _cc_status = (expr);      \
    if (!_cc_status.ok()) return _cc_status;       \
  } while (0)

}  // namespace crosscheck

#endif  // CROSSCHECK_STATUS_H_
