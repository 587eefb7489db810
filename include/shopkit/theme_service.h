// The theme catalog: themes, their settings schema (the manifest), and
// their life cycle from draft to published to retired. A store's choice
// of theme and its setting values are managed through AdminService.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// draft: visible to super admins only and editable. published: listed
// for merchants and applicable to stores. retired: no longer listed or
// applicable, but stores that use it keep it working.
enum class ThemeStatus { draft, published, retired };

enum class ThemeSettingType {
  color,      // "#rgb" or "#rrggbb", hex digits in either case.
  text,       // UTF-8 text of at most max_length code points.
  number,     // An integer in [min, max] on the step grid.
  boolean,    // true or false.
  select,     // One of the setting's choices.
  image_url,  // An absolute http or https URL, or "" for no image.
};

SHOPKIT_EXPORT std::string_view to_string(ThemeStatus status);
SHOPKIT_EXPORT std::string_view to_string(ThemeSettingType type);
// Parse a name; raise invalid_argument naming `name` when unknown.
SHOPKIT_EXPORT ThemeStatus theme_status_from_string(std::string_view name);
SHOPKIT_EXPORT ThemeSettingType
theme_setting_type_from_string(std::string_view name);

// A setting's value: a string for color, text, select and image_url, an
// integer for number, a bool for boolean. Numbers are integers so that
// bounds and steps are checked exactly; a theme that needs fractions
// declares a scaled unit (for example per mille).
using ThemeSettingValue = std::variant<bool, std::int64_t, std::string>;

// One entry of a manifest's settings schema. Fields that do not belong
// to the setting's type must keep their defaults.
struct ThemeSetting {
  // 1 to 64 characters of [a-z0-9_], starting with a letter; unique in
  // the manifest.
  std::string key;
  ThemeSettingType type = ThemeSettingType::text;
  std::string label;  // Shown to merchants; 1 to 200 characters.
  ThemeSettingValue default_value = std::string();

  // text: the largest number of code points, 1 to 10000.
  std::int64_t max_length = 255;
  // number: inclusive bounds (absent means unbounded on that side) and
  // the step. A valid value is min + k * step (or k * step without a
  // min) for an integer k.
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  std::int64_t step = 1;
  // select: the allowed values, 1 to 100 distinct non-empty strings.
  std::vector<std::string> choices;

  friend bool operator==(const ThemeSetting&, const ThemeSetting&) = default;
};

// At most 200 settings.
struct ThemeManifest {
  std::vector<ThemeSetting> settings;

  friend bool operator==(const ThemeManifest&, const ThemeManifest&) = default;
};

// The fields a super admin sets when creating or editing a draft.
struct ThemeDraft {
  std::string name;  // 1 to 100 characters.
  // Lower-case letters, digits and single hyphens, 1 to 64 characters,
  // for example "bold-shop". Fixed once the theme is created.
  std::string handle;
  std::string version;      // 1 to 32 printable characters, e.g. "1.2.0".
  std::string description;  // At most 2000 characters.
  ThemeManifest manifest;
};

struct Theme {
  ThemeId id;
  std::string handle;
  std::string name;
  std::string version;
  std::string description;
  ThemeStatus status = ThemeStatus::draft;
  ThemeManifest manifest;
  Timestamp created_at;
  Timestamp updated_at;
};

// The theme a store uses and its effective settings: every key of the
// manifest, with the store's value where it set one and the default
// otherwise.
struct StoreTheme {
  Theme theme;
  std::map<std::string, ThemeSettingValue> settings;
};

// Changes to a store's theme settings: a value sets the key, nullopt
// resets it to the manifest's default.
using ThemeSettingChanges =
    std::map<std::string, std::optional<ThemeSettingValue>>;

// Thread-safe: one instance, owned by Platform, serves every thread.
//
// Every new data folder gets the seeded published themes "classic"
// (which stores use until they apply another), "bold" and "minimal".
// They are added on each open when their handle is missing, so seeding
// is idempotent across opens and processes and never undoes a super
// admin's edit or retirement of them.
class SHOPKIT_EXPORT ThemeService {
 public:
  // Seeds the platform themes (see above). Raises like Storage on I/O
  // errors.
  explicit ThemeService(internal::Context& context);
  ~ThemeService();
  ThemeService(const ThemeService&) = delete;
  ThemeService& operator=(const ThemeService&) = delete;

  // Creates a draft theme. Raises unauthenticated or permission_denied
  // unless `principal` is a super admin, invalid_argument naming the
  // field (for a manifest, the setting's key) when the draft is invalid,
  // already_exists when the handle is taken.
  Theme create_theme(const Principal& principal, const ThemeDraft& draft);

  // Replaces the name, version, description and manifest of the draft
  // theme `handle`. draft.handle must be empty or equal `handle`.
  // Raises like create_theme(), not_found for an unknown handle and
  // failed_precondition when the theme is no longer a draft (published
  // manifests never change, so a store's values stay valid).
  Theme update_theme(const Principal& principal, std::string_view handle,
                     const ThemeDraft& draft);

  // Makes a draft or retired theme available to merchants. Raises
  // unauthenticated or permission_denied unless `principal` is a super
  // admin, not_found for an unknown handle, failed_precondition when it
  // is already published.
  Theme publish_theme(const Principal& principal, std::string_view handle);

  // Withdraws a published theme: merchants no longer see or apply it,
  // stores that use it keep it. Raises like publish_theme(), with
  // failed_precondition unless the theme is published.
  Theme retire_theme(const Principal& principal, std::string_view handle);

  // Returns the published themes, by handle. Needs no principal: the
  // catalog is public.
  std::vector<Theme> list_published_themes();

  // Returns every theme, or those with `status`, by handle. Raises
  // unauthenticated or permission_denied unless `principal` is a super
  // admin.
  std::vector<Theme> list_themes(const Principal& principal,
                                 std::optional<ThemeStatus> status = {});

  // Returns the theme `handle`. Drafts are visible to super admins only;
  // for anyone else a draft raises not_found like an unknown handle.
  Theme get_theme(const Principal& principal, std::string_view handle);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
