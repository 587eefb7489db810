#include "store/store_access.h"

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <utility>

#include "storage/store_settings_repository.h"
#include "store/access_cache.h"

namespace shopkit::internal {

StoreAccess authorize(Context& context, const Principal& principal,
                      const StoreId& store, StoreRight right) {
  if (principal.is_anonymous()) throw store_not_found(store);
  const std::string key =
      StoreAccessCache::key_by_id(store, principal.user_id());
  const std::chrono::milliseconds ttl = context.options.auth.session_cache_ttl;
  // Read before the read transaction starts: a registry write that
  // commits after this point raises the count, so the rows loaded below
  // are trusted only if no such write ended in between.
  const std::uint64_t write_count =
      context.storage->store_registry_write_count();
  const Timestamp now = context.now();
  if (auto rows = context.access_cache->find(key, write_count, now, ttl)) {
    return check_store_right(rows->store, rows->member, principal, store,
                             right);
  }

  auto [record, member] = context.storage->read_platform(
      [&](storage::PlatformRepositories& platform) {
        std::optional<storage::StoreRecord> found =
            platform.stores().find(store);
        std::optional<storage::MemberRecord> membership;
        if (found) {
          membership = platform.members().find(store, principal.user_id());
        }
        return std::pair(std::move(found), std::move(membership));
      });
  // Unknown ids are not cached, so probing them cannot fill the cache.
  if (record && ttl.count() > 0) {
    context.access_cache->put(key, {*record, member}, write_count, now);
  }
  return check_store_right(record, member, principal, store, right);
}

std::string store_currency(storage::StoreRepositories& repositories,
                           const storage::StoreRecord& record) {
  std::optional<std::string> value =
      repositories.settings().get(kCurrencySetting);
  if (!value) return record.currency;
  return nlohmann::json::parse(*value).get<std::string>();
}

}  // namespace shopkit::internal
