// AdminService: the store's theme and its settings.
#include "common/access.h"
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "theme/store_theme.h"

namespace shopkit {

using internal::StoreRight;

StoreTheme AdminService::get_store_theme(const Principal& principal,
                                         const StoreId& store) {
  context_.storage->read_platform([&](storage::PlatformRepositories& r) {
    internal::require_store_right(r, principal, store, StoreRight::view);
  });
  return internal::read_store_theme(context_, store);
}

StoreTheme AdminService::apply_theme(const Principal& principal,
                                     const StoreId& store,
                                     std::string_view handle) {
  context_.storage->read_platform([&](storage::PlatformRepositories& r) {
    internal::require_store_right(r, principal, store, StoreRight::edit_theme);
  });
  StoreTheme theme = internal::apply_store_theme(context_, store, handle);
  context_.log.info("store " + store.str() + " applied theme '" +
                    theme.theme.handle + "'");
  return theme;
}

StoreTheme AdminService::update_theme_settings(
    const Principal& principal, const StoreId& store,
    const ThemeSettingChanges& changes) {
  context_.storage->read_platform([&](storage::PlatformRepositories& r) {
    internal::require_store_right(r, principal, store, StoreRight::edit_theme);
  });
  return internal::change_store_theme_settings(context_, store, changes);
}

}  // namespace shopkit
