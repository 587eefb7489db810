#include "store/public_store.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "shopkit/error.h"
#include "store/access_cache.h"

namespace shopkit::internal {

PublicStore find_public_store(Context& context, const Principal& principal,
                              std::string_view handle) {
  const std::string key =
      StoreAccessCache::key_by_handle(handle, principal.user_id());
  const std::chrono::milliseconds ttl = context.options.auth.session_cache_ttl;
  // Read before the read transaction starts: a registry write that
  // commits after this point raises the count, so the rows loaded below
  // are trusted only if no such write ended in between.
  const std::uint64_t write_count =
      context.storage->store_registry_write_count();
  const Timestamp now = context.now();
  std::optional<StoreAccessCache::Rows> rows =
      context.access_cache->find(key, write_count, now, ttl);
  if (!rows) {
    rows = context.storage->read_platform(
        [&](storage::PlatformRepositories& platform)
            -> std::optional<StoreAccessCache::Rows> {
          std::optional<storage::StoreRecord> record =
              platform.stores().find_by_handle(handle);
          if (!record) return std::nullopt;
          std::optional<storage::MemberRecord> member;
          if (!principal.is_anonymous()) {
            member = platform.members().find(record->id, principal.user_id());
          }
          return StoreAccessCache::Rows{std::move(*record), std::move(member)};
        });
    // Unknown handles are not cached, so probing them cannot fill the
    // cache.
    if (rows && ttl.count() > 0) {
      context.access_cache->put(key, *rows, write_count, now);
    }
  }
  if (!rows || rows->store.status != storage::StoreStatus::active) {
    throw Error(ErrorCode::not_found,
                "store '" + std::string(handle) + "' not found", "handle");
  }
  return PublicStore{std::move(rows->store),
                     principal.is_super_admin() || rows->member.has_value()};
}

}  // namespace shopkit::internal
