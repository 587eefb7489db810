// Accounts, passwords, sessions and tokens.
#pragma once

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT AuthService {
 public:
  explicit AuthService(internal::Context& context);
  ~AuthService();
  AuthService(const AuthService&) = delete;
  AuthService& operator=(const AuthService&) = delete;

 private:
  internal::Context& context_;
};

}  // namespace shopkit
