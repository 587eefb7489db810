// A store's theme: which theme it uses and its values for that theme's
// settings. The chosen theme's id is kept in the store file's settings
// under "theme_id"; the values are in its theme_settings table. The
// callers (AdminService) check the principal's store rights first.
#pragma once

#include <string_view>

#include "common/context.h"
#include "shopkit/theme_service.h"

namespace shopkit::internal {

// Returns the store's theme and effective settings. A store that never
// applied a theme, or whose theme is unknown to this platform (a store
// file moved from another host), uses the default theme.
StoreTheme read_store_theme(Context& context, const StoreId& store);

// Switches the store to the published theme `handle`. Values of keys
// that the new theme also has are kept when they satisfy its schema;
// every other value is dropped. Raises not_found for an unknown or draft
// theme and failed_precondition for a retired theme, unless it is the
// store's current theme (then nothing changes).
StoreTheme apply_store_theme(Context& context, const StoreId& store,
                             std::string_view handle);

// Sets or resets (nullopt) the given keys of the store's current theme,
// all or none. Raises invalid_argument with field "settings.<key>" for a
// key the theme does not have or a value that breaks its rule.
StoreTheme change_store_theme_settings(Context& context, const StoreId& store,
                                       const ThemeSettingChanges& changes);

}  // namespace shopkit::internal
