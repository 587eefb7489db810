// The SQLite backend of Storage: platform.db plus one file per store in
// a data folder (see docs/architecture.md for the layout).
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "common/logger.h"
#include "shopkit/options.h"
#include "storage/sqlite/checkpointer.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/store_pool.h"
#include "storage/storage.h"

namespace shopkit::storage::sqlite {

struct SqliteStorageOptions {
  std::filesystem::path data_dir;
  ConnectionOptions connection;
  int max_open_stores = 256;
  std::function<void(FaultPoint)> fault_hook;
};

class SqliteStorage final : public Storage {
 public:
  // Creates the folder layout and platform.db when missing, migrates
  // platform.db, and repairs stores left half made by a crash.
  SqliteStorage(SqliteStorageOptions options, const internal::Logger& log);
  ~SqliteStorage() override;

  void run_platform_read(const PlatformWork& work) override;
  void run_platform_write(const PlatformWork& work) override;
  void run_store_read(const StoreId& store, const StoreWork& work) override;
  void run_store_write(const StoreId& store, const StoreWork& work) override;

  void provision_store(const StoreRecord& record,
                       const PlatformWork& also) override;
  void move_store_to_trash(const StoreId& store) override;
  void restore_store_from_trash(const StoreId& store) override;
  void purge_store_file(const StoreId& store) override;
  void backup_store(const StoreId& store,
                    const std::filesystem::path& destination) override;
  MigrationReport migrate_all_stores(
      const std::function<void(const MigrationReport&)>& progress) override;
  void close() override;

  // For tests of the pool bound.
  int open_store_count() { return stores_.open_count(); }

  std::filesystem::path store_path(const StoreId& store) const;
  std::filesystem::path trash_path(const StoreId& store) const;
  // A free name in trash/ for a store file that no registry row names.
  std::filesystem::path unregistered_trash_path(const StoreId& store) const;

 private:
  class PlatformLease;
  std::unique_ptr<Connection> open_platform_connection();
  // Closes idle platform connections but one, every store that no thread
  // uses and the idle read connections of the others, after an open
  // failed for lack of file descriptors.
  void release_idle_connections();
  // Opens a store's file. With `migrate_file` the file is checked and
  // migrated first, as the store's first connection must do.
  std::unique_ptr<Connection> open_store_connection(const StoreId& store,
                                                    bool migrate_file);
  void run_platform(bool write, const PlatformWork& work);
  // Runs the queued writes of one store in one transaction, each in its
  // own savepoint, and records each one's outcome in its PendingWrite.
  void write_batch(const StoreId& store, StoreHandle& handle,
                   std::span<PendingWrite* const> batch) noexcept;
  void write_batch_or_throw(const StoreId& store, StoreHandle& handle,
                            std::span<PendingWrite* const> batch);
  void ensure_store_template();
  void repair_stores();
  void repair_one_store(const StoreId& store);
  void require_open() const;
  void hit(FaultPoint point);

  SqliteStorageOptions options_;
  internal::Logger log_;
  std::filesystem::path template_path_;
  std::atomic<bool> closed_{false};

  std::mutex platform_mutex_;  // Guards idle_platform_.
  std::vector<std::unique_ptr<Connection>> idle_platform_;
  // Serializes this process's platform writes, so they queue here
  // instead of spinning in SQLite's busy handler.
  std::mutex platform_write_mutex_;

  StorePool stores_;
  Checkpointer checkpointer_;
};

}  // namespace shopkit::storage::sqlite
