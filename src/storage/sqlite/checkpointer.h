// A thread that copies the WAL of busy store files back into the files.
// SQLite's automatic checkpoint runs inside the commit that fills the
// WAL, so every write queued behind that commit also waited for a
// thousand pages (or a bulk import's 64 MiB) and an fsync.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "common/logger.h"
#include "storage/sqlite/store_pool.h"

namespace shopkit::storage::sqlite {

class Checkpointer {
 public:
  // Pages of the WAL that no checkpoint copied, at which a store's writes
  // request a checkpoint. SQLite's own automatic checkpoint uses 1,000.
  static constexpr int kCopyFrames = 1000;
  // Pages of the WAL (16 MiB of 4 KiB pages) from which a checkpoint also
  // copies the last pages under the write lock, so the WAL starts over.
  static constexpr int kRestartFrames = 4 * kCopyFrames;

  explicit Checkpointer(const internal::Logger& log);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Queues a checkpoint of `store` unless one is already queued. A store
  // that closes before its turn is skipped.
  void request(const std::shared_ptr<StoreHandle>& store);

  // Ends the thread after the checkpoint in progress.
  void stop();

 private:
  void run();

  internal::Logger log_;
  std::mutex mutex_;  // Guards the members below.
  std::condition_variable wake_;
  std::deque<std::weak_ptr<StoreHandle>> pending_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace shopkit::storage::sqlite
