// AdminService: store settings.
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "store/store_access.h"
#include "store/store_settings.h"

namespace shopkit {

StoreSettings AdminService::get_settings(const Principal& principal,
                                         const StoreId& store) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, internal::StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        return internal::read_store_settings(repositories, access.store);
      });
}

StoreSettings AdminService::update_settings(const Principal& principal,
                                            const StoreId& store,
                                            const StoreSettingsUpdate& update) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, internal::StoreRight::edit_settings);
  return internal::change_store_settings(context_, access.store, update)
      .settings;
}

}  // namespace shopkit
