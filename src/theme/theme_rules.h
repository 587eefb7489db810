// Validation of themes: the draft fields, the manifest's settings schema
// and a store's values against that schema.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shopkit/theme_service.h"

namespace shopkit::internal {

// Checks name, handle, version, description and manifest. Raises
// invalid_argument naming the field; manifest errors name the setting.
void validate_theme_draft(const ThemeDraft& draft);

// Checks the manifest on its own: key format and uniqueness, labels,
// per-type bounds, and each default against its own setting. Raises
// invalid_argument with field "manifest.settings.<key>" (or
// "manifest.settings[<index>]" when the key itself is bad).
void validate_manifest(const ThemeManifest& manifest);

// Returns why `value` breaks `setting`'s rule, as text that follows the
// setting's name ("must be at most 6 (max), got 9"), or nullopt when it
// is valid.
std::optional<std::string> setting_value_problem(
    const ThemeSetting& setting, const ThemeSettingValue& value);

// Raises invalid_argument with field "settings.<key>" when `value`
// breaks `setting`'s rule; the message names the key and the rule.
void validate_setting_value(const ThemeSetting& setting,
                            const ThemeSettingValue& value);

}  // namespace shopkit::internal
