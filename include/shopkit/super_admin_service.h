// The platform's super-admin panel.
#pragma once

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT SuperAdminService {
 public:
  explicit SuperAdminService(internal::Context& context);
  ~SuperAdminService();
  SuperAdminService(const SuperAdminService&) = delete;
  SuperAdminService& operator=(const SuperAdminService&) = delete;

 private:
  internal::Context& context_;
};

}  // namespace shopkit
