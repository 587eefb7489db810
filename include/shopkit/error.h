// The one exception type that every shopkit call raises.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "shopkit/export.h"

namespace shopkit {

// The kind of failure. Hosts map these to their own status codes (the
// example HTTP host maps them to HTTP statuses, the Python bindings to
// exception classes), so each code has one meaning everywhere.
enum class ErrorCode {
  invalid_argument,     // The input is malformed or out of range.
  unauthenticated,      // No valid credentials were given.
  permission_denied,    // The principal is known but lacks the right.
  not_found,            // The target does not exist or is hidden.
  already_exists,       // A unique value (email, handle, SKU) is taken.
  conflict,             // Concurrent change, stock shortage, key reuse.
  failed_precondition,  // The target is in the wrong state for the call.
  resource_exhausted,   // A limit or throttle was hit; retry later.
  internal,             // A bug or an I/O failure inside shopkit.
};

// Returns the snake_case name of `code`, for example "not_found".
SHOPKIT_EXPORT std::string_view to_string(ErrorCode code);

// Parses a snake_case name back into an ErrorCode. Raises
// invalid_argument for an unknown name.
SHOPKIT_EXPORT ErrorCode error_code_from_string(std::string_view name);

// A failed shopkit call. The message names the bad value; field() names
// the input field it came from, or is empty when no single field is at
// fault. Messages never contain a password, token or key.
class SHOPKIT_EXPORT Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string field = {});

  ErrorCode code() const noexcept { return code_; }
  const std::string& field() const noexcept { return field_; }

 private:
  ErrorCode code_;
  std::string field_;
};

}  // namespace shopkit
