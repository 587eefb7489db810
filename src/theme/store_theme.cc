#include "theme/store_theme.h"

#include <nlohmann/json.hpp>

#include "shopkit/json.h"
#include "storage/store_settings_repository.h"
#include "storage/theme_repository.h"
#include "storage/theme_settings_repository.h"
#include "theme/theme_catalog.h"
#include "theme/theme_rules.h"

namespace shopkit::internal {
namespace {

constexpr std::string_view kThemeIdKey = "theme_id";

std::optional<ThemeId> chosen_theme_id(storage::StoreRepositories& s) {
  std::optional<std::string> text = s.settings().get(kThemeIdKey);
  if (!text) return std::nullopt;
  nlohmann::json value = nlohmann::json::parse(*text, nullptr, false);
  if (!value.is_string()) return std::nullopt;
  return ThemeId(value.get<std::string>());
}

// Parses a stored value; nullopt when the text is not a setting value.
std::optional<ThemeSettingValue> parse_value(const std::string& text) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  try {
    return setting_value_from_json(value, "value");
  } catch (const Error&) {
    return std::nullopt;
  }
}

const ThemeSetting* find_setting(const ThemeManifest& manifest,
                                 std::string_view key) {
  for (const ThemeSetting& setting : manifest.settings) {
    if (setting.key == key) return &setting;
  }
  return nullptr;
}

// Returns the theme with id `chosen`, or the default theme when there is
// no choice or the chosen theme is unknown here.
//
// This runs inside store transactions too. A platform read there cannot
// deadlock, because it takes no in-process lock and a WAL-mode reader
// does not wait for a writer (see SQLite's wal.html).
Theme resolve_theme(Context& context, const StoreId& store,
                    const std::optional<ThemeId>& chosen) {
  std::optional<storage::ThemeRecord> record =
      context.storage->read_platform([&](storage::PlatformRepositories& r) {
        std::optional<storage::ThemeRecord> found;
        if (chosen) found = r.themes().find(*chosen);
        if (!found) found = r.themes().find_by_handle(kDefaultThemeHandle);
        return found;
      });
  if (!record) {
    throw Error(ErrorCode::failed_precondition,
                "store '" + store.str() +
                    "' has no theme and the default "
                    "theme '" +
                    std::string(kDefaultThemeHandle) +
                    "' is missing; apply a theme first",
                "theme");
  }
  if (chosen && record->id != *chosen) {
    context.log.warning("store " + store.str() + " uses theme " +
                        chosen->str() + ", unknown here; using '" +
                        record->handle + "'");
  }
  return theme_from_record(*record);
}

std::map<std::string, ThemeSettingValue> effective_settings(
    const Theme& theme, const std::map<std::string, std::string>& stored) {
  std::map<std::string, ThemeSettingValue> settings;
  for (const ThemeSetting& setting : theme.manifest.settings) {
    ThemeSettingValue value = setting.default_value;
    auto it = stored.find(setting.key);
    if (it != stored.end()) {
      std::optional<ThemeSettingValue> parsed = parse_value(it->second);
      if (parsed && !setting_value_problem(setting, *parsed)) value = *parsed;
    }
    settings.emplace(setting.key, std::move(value));
  }
  return settings;
}

}  // namespace

StoreTheme read_store_theme(Context& context, const StoreId& store) {
  std::optional<ThemeId> chosen;
  std::map<std::string, std::string> stored;
  context.storage->read_store(store, [&](storage::StoreRepositories& s) {
    chosen = chosen_theme_id(s);
    stored = s.theme_settings().all();
  });
  Theme theme = resolve_theme(context, store, chosen);
  StoreTheme result{theme, effective_settings(theme, stored)};
  return result;
}

StoreTheme apply_store_theme(Context& context, const StoreId& store,
                             std::string_view handle) {
  return context.storage->write_store(
      store, [&](storage::StoreRepositories& s) {
        std::optional<ThemeId> current = chosen_theme_id(s);
        std::optional<storage::ThemeRecord> record =
            context.storage->read_platform(
                [&](storage::PlatformRepositories& r) {
                  return r.themes().find_by_handle(handle);
                });
        if (!record || record->status == ThemeStatus::draft) {
          throw Error(ErrorCode::not_found,
                      "theme '" + std::string(handle) + "' not found",
                      "handle");
        }
        if (record->status == ThemeStatus::retired && current != record->id) {
          throw Error(ErrorCode::failed_precondition,
                      "theme '" + record->handle +
                          "' is retired and cannot be newly applied; choose a "
                          "published theme",
                      "handle");
        }
        Theme theme = theme_from_record(*record);

        // Keep the values the new theme accepts under the same key.
        for (const auto& [key, text] : s.theme_settings().all()) {
          const ThemeSetting* setting = find_setting(theme.manifest, key);
          std::optional<ThemeSettingValue> value = parse_value(text);
          if (!setting || !value || setting_value_problem(*setting, *value)) {
            s.theme_settings().erase(key);
          }
        }
        s.settings().put(kThemeIdKey, nlohmann::json(theme.id.str()).dump());
        return StoreTheme{theme,
                          effective_settings(theme, s.theme_settings().all())};
      });
}

StoreTheme change_store_theme_settings(Context& context, const StoreId& store,
                                       const ThemeSettingChanges& changes) {
  return context.storage->write_store(
      store, [&](storage::StoreRepositories& s) {
        Theme theme = resolve_theme(context, store, chosen_theme_id(s));
        // Check every change before writing any, so a bad key changes nothing
        // even before the transaction rolls back.
        for (const auto& [key, value] : changes) {
          const ThemeSetting* setting = find_setting(theme.manifest, key);
          if (!setting) {
            throw Error(
                ErrorCode::invalid_argument,
                "theme '" + theme.handle + "' has no setting '" + key + "'",
                "settings." + key);
          }
          if (value) validate_setting_value(*setting, *value);
        }
        for (const auto& [key, value] : changes) {
          if (value) {
            s.theme_settings().put(key, setting_value_to_json(*value).dump());
          } else {
            s.theme_settings().erase(key);
          }
        }
        return StoreTheme{theme,
                          effective_settings(theme, s.theme_settings().all())};
      });
}

}  // namespace shopkit::internal
