#include "store/store_access.h"

#include <nlohmann/json.hpp>

#include "storage/store_settings_repository.h"

namespace shopkit::internal {

StoreAccess authorize(Context& context, const Principal& principal,
                      const StoreId& store, StoreRight right) {
  return context.storage->read_platform(
      [&](storage::PlatformRepositories& platform) {
        return require_store_right(platform, principal, store, right);
      });
}

std::string store_currency(storage::StoreRepositories& repositories,
                           const storage::StoreRecord& record) {
  std::optional<std::string> value =
      repositories.settings().get(kCurrencySetting);
  if (!value) return record.currency;
  return nlohmann::json::parse(*value).get<std::string>();
}

}  // namespace shopkit::internal
