#include "storage/sqlite/checkpointer.h"

#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>

#include <exception>
#include <string>

namespace shopkit::storage::sqlite {
namespace {

// At most this many more rounds without the write lock, until at most
// kLockedFrames pages are left for the round under it.
constexpr int kRoundsBeforeLock = 3;
constexpr int kLockedFrames = 100;

}  // namespace

Checkpointer::Checkpointer(const internal::Logger& log) : log_(log) {
  // The thread starts with every signal blocked, so signals meant for the
  // host (SIGTERM to a server that waits for it with sigwait) never land
  // on a thread of the library.
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  thread_ = std::thread([this] { run(); });
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

Checkpointer::~Checkpointer() { stop(); }

void Checkpointer::request(const std::shared_ptr<StoreHandle>& store) {
  if (store->checkpoint_pending.exchange(true)) return;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      store->checkpoint_pending = false;
      return;
    }
    pending_.push_back(store);
  }
  wake_.notify_one();
}

void Checkpointer::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::run() {
  for (;;) {
    std::shared_ptr<StoreHandle> store;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (stopping_) return;
      store = pending_.front().lock();
      pending_.pop_front();
    }
    if (!store) continue;
    store->checkpoint_pending = false;
    // PASSIVE copies the frames that no read still uses and does not
    // take the write lock (SQLite's documented mode), so writes go on.
    // It runs on a read connection: on the idle write connection it would
    // hold the write mutex for its milliseconds.
    int result = SQLITE_OK;
    std::string message;
    auto checkpoint = [&](Connection& connection) {
      int copied = 0;
      result = sqlite3_wal_checkpoint_v2(connection.db().getHandle(), nullptr,
                                         SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                         &copied);
      if (result == SQLITE_OK) {
        store->set_copied_wal_frames(copied);
      } else {
        message = sqlite3_errmsg(connection.db().getHandle());
      }
    };
    try {
      store->with_reader(checkpoint, StoreHandle::ReadOn::reader_only);
      // Before the write lock is taken below, a few more rounds copy the
      // frames that writes added during the round before, so that the
      // locked round has little left to copy.
      for (int round = 0; round < kRoundsBeforeLock && result == SQLITE_OK &&
                          store->wal_frames() >= kRestartFrames &&
                          store->uncopied_wal_frames() > kLockedFrames;
           ++round) {
        store->with_reader(checkpoint, StoreHandle::ReadOn::reader_only);
      }
    } catch (const std::exception& error) {
      // Opening a read connection fails when the store's file was just
      // moved to trash. The next commit of a live store requests another
      // checkpoint.
      result = SQLITE_ERROR;
      message = error.what();
    }
    // Writes that committed meanwhile left new frames, and SQLite starts
    // the WAL over only when a write begins after a complete checkpoint.
    // So once the WAL is long, the last frames are copied under the write
    // lock: few pages, and the write that follows finds the WAL complete
    // and starts it over. Below that length the writes do not wait for
    // this lock: its two fsyncs take a millisecond or more even for a
    // few pages.
    if (result == SQLITE_OK &&
        store->wal_frames() >= kRestartFrames) {
      std::lock_guard lock(store->writer_mutex());
      if (Connection* writer = store->writer()) checkpoint(*writer);
    }
    // BUSY means that another connection, perhaps in another process, is
    // running a checkpoint of the same file.
    if (result != SQLITE_OK && result != SQLITE_BUSY) {
      log_.warning("checkpoint of " + store->label() + " failed: " + message);
    }
  }
}

}  // namespace shopkit::storage::sqlite
