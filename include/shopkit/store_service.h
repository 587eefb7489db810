// Stores, the public catalog and checkout.
#pragma once

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT StoreService {
 public:
  explicit StoreService(internal::Context& context);
  ~StoreService();
  StoreService(const StoreService&) = delete;
  StoreService& operator=(const StoreService&) = delete;

 private:
  internal::Context& context_;
};

}  // namespace shopkit
