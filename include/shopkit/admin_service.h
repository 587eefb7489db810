// A store's admin panel, for its members. Each section below is
// implemented in its own file under src/admin/.
//
// Every call takes the principal it is made for and the store id. A
// caller who is not a member of the store (and not a super admin, who
// may read every store) gets not_found exactly as for a store that does
// not exist, so store ids cannot be probed. A member whose role lacks
// the right gets permission_denied; docs/roles.md lists the rights of
// each role. On a suspended store every call that changes data raises
// failed_precondition.
#pragma once

#include <string_view>

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/theme_service.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT AdminService {
 public:
  explicit AdminService(internal::Context& context);
  ~AdminService();
  AdminService(const AdminService&) = delete;
  AdminService& operator=(const AdminService&) = delete;

  // ---- Theme (admin_theme.cc) ----

  // Returns the store's theme and its effective settings (defaults
  // merged with the store's values). A store that never applied a theme
  // uses "classic". Any member may read it.
  StoreTheme get_store_theme(const Principal& principal, const StoreId& store);

  // Switches the store to the published theme `handle` (owner and
  // manager). Values of keys the new theme also has are kept when they
  // satisfy its schema; the others are dropped. Raises not_found for an
  // unknown or draft theme, failed_precondition for a retired one unless
  // the store already uses it.
  StoreTheme apply_theme(const Principal& principal, const StoreId& store,
                         std::string_view handle);

  // Sets or, for nullopt, resets to the default the given settings of
  // the store's theme (owner and manager), all or none. Raises
  // invalid_argument with field "settings.<key>" and a message naming
  // the key and the rule it broke (unknown key, wrong type, min, max,
  // step, max_length, choices, color form, http or https URL).
  StoreTheme update_theme_settings(const Principal& principal,
                                   const StoreId& store,
                                   const ThemeSettingChanges& changes);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
