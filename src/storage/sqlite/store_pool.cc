#include "storage/sqlite/store_pool.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <vector>

#include "shopkit/error.h"

namespace shopkit::storage::sqlite {

namespace {

Error kept_closed(const StoreId& store) {
  return Error(ErrorCode::not_found, "store '" + store.str() + "' not found",
               "store_id");
}

}  // namespace

StoreHandle::StoreHandle(std::string label, std::unique_ptr<Connection> writer,
                         Opener open_reader, int max_readers)
    : label_(std::move(label)),
      writer_(std::move(writer)),
      open_reader_(std::move(open_reader)),
      max_readers_(max_readers) {
  // Replaces SQLite's automatic checkpoint on this connection, so a
  // commit never copies the WAL back itself.
  sqlite3_wal_hook(writer_->db().getHandle(), &StoreHandle::on_wal_commit,
                   this);
}

StoreHandle::~StoreHandle() {
  if (writer_) sqlite3_wal_hook(writer_->db().getHandle(), nullptr, nullptr);
}

int StoreHandle::on_wal_commit(void* handle, sqlite3* /*db*/,
                               const char* /*name*/, int frames) {
  auto* store = static_cast<StoreHandle*>(handle);
  // Fewer frames than after the last commit: the WAL started over, and
  // none of its frames is copied yet.
  if (frames < store->wal_frames_) store->copied_wal_frames_ = 0;
  store->wal_frames_ = frames;
  return SQLITE_OK;
}

void StoreHandle::write(PendingWrite& mine, const BatchCommit& commit) {
  // A local, because once the queue's mutex is released the leader may
  // set mine.leads under mine.mutex.
  bool leads_now = false;
  {
    std::lock_guard queue_lock(queue_mutex_);
    queue_.push_back(&mine);
    // With no write running the queue was empty, so this write is at its
    // front and its thread leads.
    leads_now = !writing_;
    writing_ = true;
  }
  if (!leads_now) {
    std::unique_lock lock(mine.mutex);
    mine.wake.wait(lock, [&mine] { return mine.done || mine.leads; });
    if (mine.done) return;
  }

  // This thread leads: its write is at the queue's front and no other
  // write runs. Nothing below throws (the batch is a fixed array and
  // `commit` does not throw), so the queue never stays marked as writing.
  std::array<PendingWrite*, kMaxWritesPerCommit> taken{};
  std::size_t count = 0;
  {
    std::lock_guard queue_lock(queue_mutex_);
    count = std::min(queue_.size(), kMaxWritesPerCommit);
    std::copy_n(queue_.begin(), count, taken.begin());
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(count));
  }
  const std::span<PendingWrite* const> batch(taken.data(), count);
  commit(batch);

  // The next leader wakes first, so its batch starts while the writes of
  // this one still wake. A write's thread may return as soon as it reads
  // `done`, so its PendingWrite is touched only under its mutex.
  {
    std::lock_guard queue_lock(queue_mutex_);
    if (queue_.empty()) {
      writing_ = false;
    } else {
      PendingWrite* next = queue_.front();
      std::lock_guard next_lock(next->mutex);
      next->leads = true;
      next->wake.notify_one();
    }
  }
  for (PendingWrite* write : batch) {
    if (write == &mine) continue;
    std::lock_guard lock(write->mutex);
    write->done = true;
    write->wake.notify_one();
  }
}

bool StoreHandle::with_reader(const std::function<void(Connection&)>& use,
                              ReadOn read_on) {
  // A read that finds the write connection idle uses it, so a store whose
  // reads never overlap a write or each other opens no read connection
  // and holds only its three descriptors.
  if (read_on == ReadOn::any &&
      writing_thread != std::this_thread::get_id()) {
    std::unique_lock writer_lock(writer_mutex_, std::try_to_lock);
    if (writer_lock.owns_lock() && writer_) {
      use(*writer_);
      return true;
    }
  }

  // Reads that find every read connection busy queue, and a connection
  // that comes back goes to the longest waiting one. Without the queue a
  // read arriving just then could take it first, again and again: under
  // load a few reads waited more than a second.
  std::unique_ptr<Connection> reader;
  {
    std::unique_lock lock(readers_mutex_);
    if (closed_) return false;
    if (reader_waiters_.empty() && !idle_readers_.empty()) {
      reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
    } else if (reader_waiters_.empty() && readers_open_ < max_readers_) {
      ++readers_open_;
    } else {
      ReaderWaiter waiting;
      reader_waiters_.push_back(&waiting);
      waiting.wake.wait(lock, [&] { return waiting.served || closed_; });
      if (!waiting.served) return false;
      if (closed_) {
        // Served just before close(), which now waits for this slot.
        --readers_open_;
        waiting.connection.reset();
        reader_returned_.notify_all();
        return false;
      }
      // An empty connection is a slot: the read opens one below.
      reader = std::move(waiting.connection);
    }
  }
  // Gives the connection back when `use` ends, even by an exception. A
  // connection that failed to open gives back its slot.
  struct ReturnReader {
    StoreHandle& handle;
    std::unique_ptr<Connection>& reader;
    ~ReturnReader() {
      std::lock_guard lock(handle.readers_mutex_);
      if (handle.closed_) {
        --handle.readers_open_;
        reader.reset();
        // close() waits for the count to reach zero.
        handle.reader_returned_.notify_all();
        return;
      }
      if (handle.reader_waiters_.empty()) {
        if (reader) {
          handle.idle_readers_.push_back(std::move(reader));
        } else {
          --handle.readers_open_;
        }
        return;
      }
      // The oldest waiting read gets the connection, or its slot when
      // this one failed to open.
      ReaderWaiter* next = handle.reader_waiters_.front();
      handle.reader_waiters_.pop_front();
      next->connection = std::move(reader);
      next->served = true;
      next->wake.notify_one();
    }
  } give_back{*this, reader};
  if (!reader) reader = open_reader_();
  use(*reader);
  return true;
}

void StoreHandle::close() {
  {
    std::lock_guard in_use(writer_mutex_);
    writer_.reset();
  }
  std::unique_lock lock(readers_mutex_);
  closed_ = true;
  readers_open_ -= static_cast<int>(idle_readers_.size());
  idle_readers_.clear();
  for (ReaderWaiter* waiter : reader_waiters_) waiter->wake.notify_one();
  reader_waiters_.clear();
  reader_returned_.wait(lock, [this] { return readers_open_ == 0; });
}

void StoreHandle::close_idle_readers() {
  std::vector<std::unique_ptr<Connection>> idle;
  {
    std::lock_guard lock(readers_mutex_);
    readers_open_ -= static_cast<int>(idle_readers_.size());
    idle.swap(idle_readers_);
  }
  // The connections close here, outside the lock.
}

int StoreHandle::waiting_reads() {
  std::lock_guard lock(readers_mutex_);
  return static_cast<int>(reader_waiters_.size());
}

StorePool::StorePool(int max_open, int max_readers, Opener open,
                     Opener open_reader)
    : max_open_(max_open),
      max_readers_(max_readers),
      open_(std::move(open)),
      open_reader_(std::move(open_reader)) {}

std::shared_ptr<StoreHandle> StorePool::acquire(const StoreId& store) {
  std::shared_ptr<StoreHandle> replaced;
  {
    std::lock_guard lock(mutex_);
    if (kept_closed_.contains(store)) throw kept_closed(store);
    auto found = entries_.find(store);
    if (found != entries_.end() && found->second.handle->replace) {
      replaced = std::move(found->second.handle);
      lru_.erase(found->second.position);
      entries_.erase(found);
    } else if (found != entries_.end()) {
      lru_.splice(lru_.begin(), lru_, found->second.position);
      return found->second.handle;
    }
  }
  // Closes the replaced handle's files, outside the pool lock, unless
  // another thread still uses it.
  replaced.reset();

  // Open outside the pool lock: opening and migrating a file can take a
  // while, and other stores must stay reachable meanwhile.
  auto handle = std::make_shared<StoreHandle>(
      store.str() + ".db", open_(store), [open_reader = open_reader_, store] {
        return open_reader(store);
      },
      max_readers_);

  std::vector<std::shared_ptr<StoreHandle>> evicted;
  std::shared_ptr<StoreHandle> result;
  {
    std::lock_guard lock(mutex_);
    if (kept_closed_.contains(store)) throw kept_closed(store);
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

void StorePool::close_store(const StoreId& store, bool keep_closed) {
  std::shared_ptr<StoreHandle> handle;
  {
    std::lock_guard lock(mutex_);
    if (keep_closed) kept_closed_.insert(store);
    auto found = entries_.find(store);
    if (found == entries_.end()) return;
    handle = std::move(found->second.handle);
    lru_.erase(found->second.position);
    entries_.erase(found);
  }
  handle->close();
}

void StorePool::close_all() {
  std::unordered_map<StoreId, Entry> entries;
  {
    std::lock_guard lock(mutex_);
    entries.swap(entries_);
    lru_.clear();
  }
  for (auto& [id, entry] : entries) entry.handle->close();
}

void StorePool::release_idle() {
  std::vector<std::shared_ptr<StoreHandle>> unused;
  std::vector<std::shared_ptr<StoreHandle>> in_use;
  {
    std::lock_guard lock(mutex_);
    for (auto entry = entries_.begin(); entry != entries_.end();) {
      // A thread gets a handle from acquire(), which needs this lock, or
      // from another copy, so one that only the pool owns stays unused.
      if (entry->second.handle.use_count() == 1) {
        lru_.erase(entry->second.position);
        unused.push_back(std::move(entry->second.handle));
        entry = entries_.erase(entry);
      } else {
        in_use.push_back(entry->second.handle);
        ++entry;
      }
    }
  }
  // Both close their files here, outside the pool lock.
  unused.clear();
  for (const auto& handle : in_use) handle->close_idle_readers();
}

void StorePool::allow_store(const StoreId& store) {
  std::lock_guard lock(mutex_);
  kept_closed_.erase(store);
}

int StorePool::open_count() {
  std::lock_guard lock(mutex_);
  return static_cast<int>(entries_.size());
}

}  // namespace shopkit::storage::sqlite
