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
  // A store's writes request a checkpoint once the WAL holds this many
  // pages that no checkpoint copied; 1,000 is also SQLite's default for
  // its own automatic checkpoint.
  static constexpr int kCopyFrames = 1000;
  // A checkpoint that leaves at least this many pages (16 MiB of 4 KiB
  // pages) in the WAL also lets the WAL start over (see run()).
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
