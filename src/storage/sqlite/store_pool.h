// A bounded pool of open store files. At most max_open stores stay open;
// when another is needed the least recently used one is closed.
#pragma once

#include <filesystem>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "shopkit/types.h"
#include "storage/sqlite/connection.h"

namespace shopkit::storage::sqlite {

// One open store file. Users lock `mutex` for a whole transaction; a
// null connection means the store was closed for a move (to trash) and
// must be acquired again.
struct StoreHandle {
  std::mutex mutex;
  std::unique_ptr<Connection> connection;
};

class StorePool {
 public:
  // `open` opens, configures and migrates a store's file, raising
  // not_found when it does not exist.
  using Opener = std::function<std::unique_ptr<Connection>(const StoreId&)>;

  StorePool(int max_open, Opener open);

  // Returns the store's handle, opening its file when it is not open.
  // Thread-safe.
  std::shared_ptr<StoreHandle> acquire(const StoreId& store);

  // Closes the store's file, waiting for a transaction in progress on it
  // to finish. Does nothing when the store is not open.
  void close_store(const StoreId& store);

  void close_all();

  // Count of stores open in the pool (handles still in use after
  // eviction close as soon as they are released).
  int open_count();

 private:
  struct Entry {
    std::shared_ptr<StoreHandle> handle;
    std::list<StoreId>::iterator position;
  };

  const int max_open_;
  Opener open_;
  std::mutex mutex_;  // Guards lru_ and entries_.
  std::list<StoreId> lru_;  // Most recently used first.
  std::unordered_map<StoreId, Entry> entries_;
};

}  // namespace shopkit::storage::sqlite
