#include "store/access_cache.h"

#include <mutex>
#include <string_view>

namespace shopkit::internal {

std::optional<StoreAccessCache::Rows> StoreAccessCache::find(
    const std::string& key, std::uint64_t write_count, Timestamp now,
    std::chrono::milliseconds ttl) const {
  std::shared_lock lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  const Entry& entry = it->second;
  if (entry.write_count != write_count || now < entry.loaded_at ||
      now - entry.loaded_at >= ttl) {
    return std::nullopt;
  }
  return entry.rows;
}

void StoreAccessCache::put(const std::string& key, Rows rows,
                           std::uint64_t write_count, Timestamp loaded_at) {
  std::unique_lock lock(mutex_);
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(key,
                            Entry{std::move(rows), write_count, loaded_at});
}

namespace {

// The length prefix keeps keys apart whatever bytes an id or a handle
// from a request contains.
std::string make_key(char kind, std::string_view store, const UserId& user) {
  std::string key(1, kind);
  key += std::to_string(store.size());
  key += ':';
  key += store;
  key += user.str();
  return key;
}

}  // namespace

std::string StoreAccessCache::key_by_id(const StoreId& store,
                                        const UserId& user) {
  return make_key('i', store.str(), user);
}

std::string StoreAccessCache::key_by_handle(std::string_view handle,
                                            const UserId& user) {
  return make_key('h', handle, user);
}

}  // namespace shopkit::internal
