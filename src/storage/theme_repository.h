// The theme catalog in platform.db.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class ThemeRepository {
 public:
  virtual ~ThemeRepository() = default;
};

}  // namespace shopkit::storage
