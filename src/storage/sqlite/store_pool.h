// A bounded pool of open store files. At most max_open stores stay open;
// when another is needed the least recently used one is closed.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <sqlite3.h>

#include "shopkit/types.h"
#include "storage/sqlite/connection.h"
#include "storage/storage.h"

namespace shopkit::storage::sqlite {

// A write waiting in a store's queue. The thread that runs the queue
// sets `error` (empty on success) and `closed` (the store was closed
// before the write ran). Then, under `mutex`, it sets `done` and wakes
// the write's thread through `wake`.
struct PendingWrite {
  const StoreWork* work = nullptr;
  std::exception_ptr error;
  bool closed = false;
  // `done` and `leads` are set under `mutex`: `done` by the thread that
  // ran the write, `leads` by the thread that hands this one the queue.
  // Each write has its own mutex, so the writes of a commit wake without
  // contending for the queue's.
  std::mutex mutex;
  std::condition_variable wake;
  bool done = false;
  bool leads = false;
};

// One open store file: one connection that writes and a few that read,
// so reads wait neither for writes nor for each other (WAL lets readers
// and one writer work at once). Writes queue, and when no write is
// running, the thread at the queue's front commits the queue in one
// transaction.
class StoreHandle {
 public:
  using Opener = std::function<std::unique_ptr<Connection>()>;

  // `open_reader` opens another connection to the same, already
  // migrated, file. At most `max_readers` read connections exist at once.
  // `label` names the file in log lines.
  StoreHandle(std::string label, std::unique_ptr<Connection> writer,
              Opener open_reader, int max_readers);
  ~StoreHandle();
  StoreHandle(const StoreHandle&) = delete;
  StoreHandle& operator=(const StoreHandle&) = delete;

  const std::string& label() const { return label_; }

  // The connections that with_reader() may use.
  enum class ReadOn {
    // The write connection when it is idle, otherwise a read connection.
    any,
    // A read connection only: for long reads (a checkpoint), which
    // would hold up the writes meanwhile if they took the write
    // connection.
    reader_only,
  };

  // Runs `use` with a connection that no other thread uses meanwhile.
  // Returns false, without running it, when the store was closed.
  bool with_reader(const std::function<void(Connection&)>& use,
                   ReadOn read_on = ReadOn::any);

  // Locked while the write connection is in use. `writer()` is null once
  // the store was closed for a move to trash.
  std::mutex& writer_mutex() { return writer_mutex_; }
  Connection* writer() { return writer_.get(); }

  // The thread running queued writes on the write connection, so that a
  // read it makes meanwhile (an import's progress callback) does not try
  // to lock the write mutex it already holds.
  std::atomic<std::thread::id> writing_thread{};

  // Maximum number of queued writes that one commit takes.
  static constexpr std::size_t kMaxWritesPerCommit = 64;
  // Receives a batch of queued writes to commit, and sets each write's
  // `error` or `closed`. Must not throw.
  using BatchCommit = std::function<void(std::span<PendingWrite* const>)>;

  // Queues `mine` and returns when it is done. When no write is running,
  // the thread whose write is at the front of the queue takes the queue
  // (up to kMaxWritesPerCommit writes) and passes it to `commit`, then
  // hands the queue to the thread of the next write. The others sleep
  // until their write is done or the queue is handed to them.
  void write(PendingWrite& mine, const BatchCommit& commit);

  // Pages in the WAL after the last commit of the write connection, which
  // does not checkpoint by itself (see Checkpointer).
  int wal_frames() const { return wal_frames_; }
  // Pages of the WAL that no checkpoint has copied yet.
  int uncopied_wal_frames() const {
    const int frames = wal_frames_;
    return frames - std::min(frames, copied_wal_frames_.load());
  }
  // Records that a checkpoint copied the first `frames` pages of the WAL.
  void set_copied_wal_frames(int frames) { copied_wal_frames_ = frames; }
  // True while a checkpoint of this store is queued.
  std::atomic<bool> checkpoint_pending{false};

  // Set when a connection of this store turned out to be read-only. The
  // next acquire() then opens the file anew, and this handle closes once
  // its last user releases it.
  std::atomic<bool> replace{false};

  // Closes every connection, waiting for the reads and the write in
  // progress to finish.
  void close();

  // Closes the read connections that no read is using, which gives their
  // descriptors back. A later overlapping read opens new ones.
  void close_idle_readers();

  // Reads waiting for a read connection (for tests).
  int waiting_reads();

 private:
  static int on_wal_commit(void* handle, sqlite3* db, const char* name,
                           int frames);

  const std::string label_;
  std::mutex queue_mutex_;  // Guards queue_ and writing_.
  std::deque<PendingWrite*> queue_;
  bool writing_ = false;
  std::atomic<int> wal_frames_{0};
  std::atomic<int> copied_wal_frames_{0};
  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;

  Opener open_reader_;
  const int max_readers_;
  // A read waiting for a read connection. The read that gives one back
  // sets `connection` (empty: a slot to open one) and `served`.
  struct ReaderWaiter {
    std::condition_variable wake;
    std::unique_ptr<Connection> connection;
    bool served = false;
  };

  std::mutex readers_mutex_;  // Guards the members below.
  std::condition_variable reader_returned_;  // For close().
  std::deque<ReaderWaiter*> reader_waiters_;  // Oldest first.
  std::vector<std::unique_ptr<Connection>> idle_readers_;
  int readers_open_ = 0;  // Idle and in use.
  bool closed_ = false;
};

class StorePool {
 public:
  // `open` opens, configures and migrates a store's file, raising
  // not_found when it does not exist; `open_reader` opens another
  // connection to a file `open` has opened.
  using Opener = std::function<std::unique_ptr<Connection>(const StoreId&)>;

  StorePool(int max_open, int max_readers, Opener open, Opener open_reader);

  // Returns the store's handle, opening its file when it is not open or
  // its handle is marked for replacement. Raises not_found while the
  // store is kept closed. Thread-safe.
  std::shared_ptr<StoreHandle> acquire(const StoreId& store);

  // Closes the store's file, waiting for a transaction in progress on it
  // to finish. Does nothing when the store is not open. With
  // `keep_closed`, acquire() raises not_found for the store until
  // allow_store(), so nothing opens the file while it moves.
  void close_store(const StoreId& store, bool keep_closed = false);
  void allow_store(const StoreId& store);

  void close_all();

  // Gives back descriptors after an open failed for lack of them: closes
  // every store that no thread is using, and the idle read connections
  // of the others. Thread-safe.
  void release_idle();

  // Count of stores open in the pool (handles still in use after
  // eviction close as soon as they are released).
  int open_count();

 private:
  struct Entry {
    std::shared_ptr<StoreHandle> handle;
    std::list<StoreId>::iterator position;
  };

  const int max_open_;
  const int max_readers_;
  Opener open_;
  Opener open_reader_;
  std::mutex mutex_;  // Guards lru_ and entries_.
  std::list<StoreId> lru_;  // Most recently used first.
  std::unordered_map<StoreId, Entry> entries_;
  std::unordered_set<StoreId> kept_closed_;
};

}  // namespace shopkit::storage::sqlite
