// A store's values for its theme's settings, in its file.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "shopkit/types.h"

namespace shopkit::storage {

// Values are JSON text ("true", "3", "\"#ff0000\""); the theme code
// checks them against the manifest before they are written.
class ThemeSettingsRepository {
 public:
  virtual ~ThemeSettingsRepository() = default;
  // Every stored value by key.
  virtual std::map<std::string, std::string> all() = 0;
  // Inserts or replaces the value of `key`.
  virtual void put(std::string_view key, std::string_view value_json) = 0;
  virtual void erase(std::string_view key) = 0;
};

}  // namespace shopkit::storage
