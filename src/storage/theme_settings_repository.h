// A store's values for its theme's settings, in its file.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class ThemeSettingsRepository {
 public:
  virtual ~ThemeSettingsRepository() = default;
};

}  // namespace shopkit::storage
