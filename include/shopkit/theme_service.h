// The theme catalog.
#pragma once

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT ThemeService {
 public:
  explicit ThemeService(internal::Context& context);
  ~ThemeService();
  ThemeService(const ThemeService&) = delete;
  ThemeService& operator=(const ThemeService&) = delete;

 private:
  internal::Context& context_;
};

}  // namespace shopkit
