// The theme manifest and settings validator on arbitrary input. The
// input is a manifest as JSON, a NUL byte, and a settings PATCH body as
// JSON. Conversion and validation must return or raise invalid_argument.
// A manifest that passes must survive a to_json/from_json round trip
// unchanged, its defaults must pass their own rules, and checking any
// value against it must return a verdict.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "shopkit/json.h"
#include "theme/theme_rules.h"

namespace {

using nlohmann::json;
using shopkit::ThemeManifest;
using shopkit::ThemeSetting;

json parse_or_null(std::string_view text) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  return value.is_discarded() ? json() : value;
}

// Converts and validates `text` as a manifest; nullopt when rejected.
std::optional<ThemeManifest> valid_manifest(std::string_view text) {
  json body = parse_or_null(text);
  try {
    ThemeManifest manifest;
    shopkit::from_json(body, manifest);
    shopkit::internal::validate_manifest(manifest);
    return manifest;
  } catch (const shopkit::Error& error) {
    if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
    return std::nullopt;
  }
}

void check_round_trip(const ThemeManifest& manifest) {
  json out;
  shopkit::to_json(out, manifest);
  ThemeManifest back;
  shopkit::from_json(json::parse(out.dump()), back);
  if (!(back == manifest)) std::abort();
}

// Checks each value of the PATCH body against the setting with its key,
// as AdminService::update_theme_settings does.
void check_changes(const ThemeManifest& manifest, std::string_view text) {
  shopkit::ThemeSettingChanges changes;
  try {
    changes = shopkit::theme_setting_changes_from_json(parse_or_null(text));
  } catch (const shopkit::Error& error) {
    if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
    return;
  }
  for (const ThemeSetting& setting : manifest.settings) {
    auto change = changes.find(setting.key);
    if (change == changes.end() || !change->second) continue;
    try {
      shopkit::internal::validate_setting_value(setting, *change->second);
    } catch (const shopkit::Error& error) {
      if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t split = input.find('\0');
  std::string_view manifest_text = input.substr(0, split);
  std::string_view changes_text =
      split == std::string_view::npos ? std::string_view()
                                      : input.substr(split + 1);

  std::optional<ThemeManifest> manifest = valid_manifest(manifest_text);
  if (!manifest) return 0;
  check_round_trip(*manifest);
  for (const ThemeSetting& setting : manifest->settings) {
    if (shopkit::internal::setting_value_problem(setting,
                                                 setting.default_value)) {
      std::abort();
    }
  }
  check_changes(*manifest, changes_text);
  return 0;
}
