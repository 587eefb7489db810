#include "storage/sqlite/store_pool.h"

#include <vector>

namespace shopkit::storage::sqlite {

StorePool::StorePool(int max_open, Opener open)
    : max_open_(max_open), open_(std::move(open)) {}

std::shared_ptr<StoreHandle> StorePool::acquire(const StoreId& store) {
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(store);
    if (found != entries_.end()) {
      lru_.splice(lru_.begin(), lru_, found->second.position);
      return found->second.handle;
    }
  }

  // Open outside the pool lock: opening and migrating a file can take a
  // while, and other stores must stay reachable meanwhile.
  auto handle = std::make_shared<StoreHandle>();
  handle->connection = open_(store);

  std::vector<std::shared_ptr<StoreHandle>> evicted;
  std::shared_ptr<StoreHandle> result;
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(store);
    if (found != entries_.end()) {
      // Another thread opened it first; use theirs and drop ours.
      lru_.splice(lru_.begin(), lru_, found->second.position);
      result = found->second.handle;
    } else {
      lru_.push_front(store);
      entries_.emplace(store, Entry{handle, lru_.begin()});
      result = handle;
      while (static_cast<int>(entries_.size()) > max_open_) {
        auto oldest = entries_.find(lru_.back());
        evicted.push_back(std::move(oldest->second.handle));
        entries_.erase(oldest);
        lru_.pop_back();
      }
    }
  }
  // Evicted handles close their files here, outside the pool lock, or
  // later when the last thread using one releases it.
  evicted.clear();
  return result;
}

void StorePool::close_store(const StoreId& store) {
  std::shared_ptr<StoreHandle> handle;
  {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(store);
    if (found == entries_.end()) return;
    handle = std::move(found->second.handle);
    lru_.erase(found->second.position);
    entries_.erase(found);
  }
  std::lock_guard in_use(handle->mutex);
  handle->connection.reset();
}

void StorePool::close_all() {
  std::unordered_map<StoreId, Entry> entries;
  {
    std::lock_guard lock(mutex_);
    entries.swap(entries_);
    lru_.clear();
  }
  for (auto& [id, entry] : entries) {
    std::lock_guard in_use(entry.handle->mutex);
    entry.handle->connection.reset();
  }
}

int StorePool::open_count() {
  std::lock_guard lock(mutex_);
  return static_cast<int>(entries_.size());
}

}  // namespace shopkit::storage::sqlite
