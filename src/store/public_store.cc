#include "store/public_store.h"

#include "shopkit/error.h"

namespace shopkit::internal {

PublicStore find_public_store(Context& context, const Principal& principal,
                              std::string_view handle) {
  return context.storage->read_platform(
      [&](storage::PlatformRepositories& platform) {
        std::optional<storage::StoreRecord> record =
            platform.stores().find_by_handle(handle);
        if (!record || record->status != storage::StoreStatus::active) {
          throw Error(ErrorCode::not_found,
                      "store '" + std::string(handle) + "' not found",
                      "handle");
        }
        PublicStore store{*record, principal.is_super_admin()};
        if (!principal.is_anonymous() &&
            platform.members().find(record->id, principal.user_id())) {
          store.insider = true;
        }
        return store;
      });
}

}  // namespace shopkit::internal
