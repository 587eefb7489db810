// The theme catalog in platform.db.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/theme_service.h"
#include "shopkit/types.h"

namespace shopkit::storage {

// A theme row. The manifest is kept as the JSON text of ThemeManifest.
struct ThemeRecord {
  ThemeId id;
  std::string handle;
  std::string name;
  std::string version;
  std::string description;
  ThemeStatus status = ThemeStatus::draft;
  std::string manifest_json;
  Timestamp created_at;
  Timestamp updated_at;
};

class ThemeRepository {
 public:
  virtual ~ThemeRepository() = default;
  // Raises already_exists naming the handle when it is taken.
  virtual void insert(const ThemeRecord& record) = 0;
  virtual std::optional<ThemeRecord> find(const ThemeId& id) = 0;
  virtual std::optional<ThemeRecord> find_by_handle(
      std::string_view handle) = 0;
  // Writes every field but id, handle and created_at.
  virtual void update(const ThemeRecord& record) = 0;
  // Every theme, or those with `status`, ordered by handle.
  virtual std::vector<ThemeRecord> list(std::optional<ThemeStatus> status) = 0;
};

}  // namespace shopkit::storage
