// error_of(): runs a call that must raise shopkit::Error and returns the
// error, so a test can check its code, field and message separately.
#pragma once

#include <doctest/doctest.h>

#include "shopkit/error.h"

namespace shopkit::testing {

template <typename Call>
Error error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  FAIL("the call raised no error");
  return Error(ErrorCode::internal, "unreachable");
}

inline bool mentions(const Error& error, const std::string& text) {
  return std::string(error.what()).find(text) != std::string::npos;
}

}  // namespace shopkit::testing
