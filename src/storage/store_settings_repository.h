// A store's own settings, in its file, as key and JSON-text value pairs.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "shopkit/types.h"

namespace shopkit::storage {

class StoreSettingsRepository {
 public:
  virtual ~StoreSettingsRepository() = default;
  virtual std::optional<std::string> get(std::string_view key) = 0;
  // Inserts or replaces the value of `key`.
  virtual void put(std::string_view key, std::string_view value) = 0;
  virtual void erase(std::string_view key) = 0;
  virtual std::map<std::string, std::string> all() = 0;
  // The store id written into the file when it was provisioned.
  virtual std::string file_store_id() = 0;
};

}  // namespace shopkit::storage
