// A store's admin panel, for its members.
#pragma once

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT AdminService {
 public:
  explicit AdminService(internal::Context& context);
  ~AdminService();
  AdminService(const AdminService&) = delete;
  AdminService& operator=(const AdminService&) = delete;

 private:
  internal::Context& context_;
};

}  // namespace shopkit
