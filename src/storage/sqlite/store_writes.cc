// SqliteStorage's writes to a store: the queue's batch runs in one
// transaction with a savepoint per write (group commit), and the commit
// requests a checkpoint when the WAL has grown.
#include <sqlite3.h>

#include <array>
#include <exception>
#include <span>
#include <string>
#include <thread>

#include "storage/sqlite/repositories.h"
#include "storage/sqlite/search_text.h"
#include "storage/sqlite/sqlite_storage.h"
#include "storage/sqlite/storage_errors.h"

namespace shopkit::storage::sqlite {
namespace {

// At kInlineCheckpointFrames WAL pages (128 MiB of 4 KiB pages) the
// checkpoint thread has fallen behind, or reads keep it from finishing,
// and the writer copies the WAL itself. A bulk import commits about
// 64 MiB at once, which the thread copies.
constexpr int kInlineCheckpointFrames = 32 * Checkpointer::kCopyFrames;
// How long that copy waits for the reads in progress to end.
constexpr int kInlineCheckpointWaitMs = 100;

}  // namespace

void SqliteStorage::run_store_write(const StoreId& store,
                                    const StoreWork& work) {
  require_open();
  require_store_id(store);
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::shared_ptr<StoreHandle> handle = stores_.acquire(store);
    PendingWrite mine;
    mine.work = &work;
    handle->write(mine, [&](std::span<PendingWrite* const> batch) {
      write_batch(store, *handle, batch);
      if (handle->uncopied_wal_frames() >= Checkpointer::kCopyFrames) {
        try {
          checkpointer_.request(handle);
        } catch (const std::exception&) {
          // Out of memory for the request. The next commit requests the
          // checkpoint again.
        }
      }
    });
    if (mine.closed) continue;
    if (mine.error) std::rethrow_exception(mine.error);
    return;
  }
  throw store_not_found(store);
}

void SqliteStorage::write_batch(
    const StoreId& store, StoreHandle& handle,
    std::span<PendingWrite* const> batch) noexcept {
  try {
    write_batch_or_throw(store, handle, batch);
  } catch (...) {
    // Only a failure to allocate reaches here.
    for (PendingWrite* write : batch) {
      if (!write->error) write->error = std::current_exception();
    }
  }
}

void SqliteStorage::write_batch_or_throw(
    const StoreId& store, StoreHandle& handle,
    std::span<PendingWrite* const> batch) {
  const std::string file = store.str() + ".db";
  // Converts a write's exception to the one its caller gets, SQLite's
  // own exceptions to shopkit::Error.
  auto caught = [&file, &handle](std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (const SQLite::Exception& sqlite_error) {
      if (is_read_only(sqlite_error)) handle.replace = true;
      return std::make_exception_ptr(storage_error(sqlite_error, file));
    } catch (...) {
      return std::current_exception();
    }
  };

  std::lock_guard lock(handle.writer_mutex());
  Connection* connection = handle.writer();
  if (connection == nullptr) {
    for (PendingWrite* write : batch) write->closed = true;
    return;
  }
  struct WritingThread {
    StoreHandle& handle;
    explicit WritingThread(StoreHandle& owner) : handle(owner) {
      handle.writing_thread = std::this_thread::get_id();
    }
    ~WritingThread() { handle.writing_thread = std::thread::id(); }
  } writing_thread(handle);
  std::array<bool, StoreHandle::kMaxWritesPerCommit> failed{};
  try {
    Transaction transaction(*connection, Transaction::Kind::write);
    if (batch.size() == 1) {
      // Kept until after the commit: a bulk load's larger page cache
      // serves the commit too.
      SqliteStoreRepositories repositories(store, *connection);
      (*batch.front()->work)(repositories);
      transaction.commit();
    } else {
      // Each write runs in a savepoint, so one that fails is undone
      // alone and the others still commit. Each gets repositories of its
      // own, so state a failed write left in them (a search-text batch
      // still open) cannot reach the next write. The search text of the
      // writes that succeed goes in after the last savepoint, where FTS5
      // writes it as one segment instead of one per write
      // (SearchTextChanges).
      SearchTextChanges search_text;
      for (std::size_t i = 0; i < batch.size(); ++i) {
        connection->prepare("SAVEPOINT shopkit_write")->exec();
        try {
          SearchTextChanges write_search_text;
          {
            SqliteStoreRepositories repositories(store, *connection,
                                                 &write_search_text);
            (*batch[i]->work)(repositories);
          }
          connection->prepare("RELEASE shopkit_write")->exec();
          search_text.append(std::move(write_search_text));
        } catch (...) {
          batch[i]->error = caught(std::current_exception());
          failed[i] = true;
          // Some errors (a full disk, an I/O error) end the whole
          // transaction, and then every write of the batch fails.
          if (sqlite3_get_autocommit(connection->db().getHandle())) throw;
          connection->prepare("ROLLBACK TO shopkit_write")->exec();
          connection->prepare("RELEASE shopkit_write")->exec();
        }
      }
      search_text.apply(*connection);
      transaction.commit();
    }
    if (handle.wal_frames() >= kInlineCheckpointFrames) {
      // A PASSIVE checkpoint copies no frame that a read in progress may
      // still need, so reads that overlap without a pause would keep the
      // WAL growing. RESTART waits for those reads to end (new reads find
      // the WAL copied and read the file), copies every frame and lets
      // the next write start the WAL over. It waits at most
      // kInlineCheckpointWaitMs, so a long read (an export) makes it
      // give up, and a later commit tries again.
      sqlite3* db = connection->db().getHandle();
      sqlite3_busy_timeout(db, kInlineCheckpointWaitMs);
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART,
                                nullptr, nullptr);
      sqlite3_busy_timeout(
          db, static_cast<int>(options_.connection.busy_timeout.count()));
    }
  } catch (...) {
    const std::exception_ptr error = caught(std::current_exception());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (!failed[i]) batch[i]->error = error;
    }
  }
}

}  // namespace shopkit::storage::sqlite
