// An in-process cache of the platform rows that store-scoped calls check
// on every call: a store's registry row and one user's membership in it.
// It spares most calls a platform.db read transaction.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shopkit/types.h"
#include "storage/store_registry.h"

namespace shopkit::internal {

// Thread-safe. An entry is trusted only while the storage's
// store_registry_write_count() equals the count read before its rows
// were loaded, so a change made through this process applies to the
// next call. It is also trusted for at most `ttl` after loading, which
// bounds how long a change made by another process goes unseen.
class StoreAccessCache {
 public:
  // A store's registry row and one user's membership in it.
  struct Rows {
    storage::StoreRecord store;
    std::optional<storage::MemberRecord> member;  // Empty: not a member.
  };

  // Returns the rows under `key` when they were loaded under
  // `write_count` and are younger than `ttl` at `now`.
  std::optional<Rows> find(const std::string& key, std::uint64_t write_count,
                           Timestamp now, std::chrono::milliseconds ttl) const;
  void put(const std::string& key, Rows rows, std::uint64_t write_count,
           Timestamp loaded_at);

  // Keys of the rows looked up by store id or by store handle, for one
  // user (empty for the anonymous principal).
  static std::string key_by_id(const StoreId& store, const UserId& user);
  static std::string key_by_handle(std::string_view handle, const UserId& user);

 private:
  struct Entry {
    Rows rows;
    std::uint64_t write_count = 0;
    Timestamp loaded_at;
  };
  // Past this many entries the cache is emptied; it refills from storage.
  static constexpr std::size_t kMaxEntries = 100000;

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace shopkit::internal
