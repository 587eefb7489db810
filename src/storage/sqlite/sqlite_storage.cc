#include "storage/sqlite/sqlite_storage.h"

#include <SQLiteCpp/Backup.h>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <span>
#include <initializer_list>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "common/ids.h"
#include "shopkit/error.h"
#include "storage/sqlite/file_lock.h"
#include "storage/sqlite/migrations.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/storage_errors.h"

namespace shopkit::storage::sqlite {

namespace fs = std::filesystem;

namespace {

// Maximum number of read connections per open store, so at most this
// many reads of one store run at once.
constexpr int kReadersPerStore = 4;

// Reports a file that exists but could not be opened, which is most
// likely for lack of file descriptors.
Error out_of_descriptors(const fs::path& path, const SQLite::Exception& error) {
  return Error(ErrorCode::resource_exhausted,
               "cannot open " + path.filename().string() + ": " + error.what() +
                   "; if the process is out of file descriptors, raise its "
                   "limit (ulimit -n) or lower max_open_stores");
}

void remove_with_sidecars(const fs::path& path) {
  std::error_code ignored;
  fs::remove(path, ignored);
  fs::remove(fs::path(path.string() + "-wal"), ignored);
  fs::remove(fs::path(path.string() + "-shm"), ignored);
}

void rename_with_sidecars(const fs::path& from, const fs::path& to) {
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path side(from.string() + suffix);
    std::error_code missing;
    if (fs::exists(side, missing)) {
      fs::rename(side, fs::path(to.string() + suffix));
    }
  }
  fs::rename(from, to);
}

// Creates each folder of `folders` that does not exist yet.
void create_folders(std::initializer_list<fs::path> folders) {
  for (const fs::path& folder : folders) {
    try {
      fs::create_directories(folder);
    } catch (const fs::filesystem_error& error) {
      throw Error(ErrorCode::internal,
                  "cannot create data folder '" + folder.string() +
                      "': " + error.code().message(),
                  "data_dir");
    }
  }
}

}  // namespace

// A platform connection borrowed from the idle list for one transaction.
class SqliteStorage::PlatformLease {
 public:
  explicit PlatformLease(SqliteStorage& storage) : storage_(storage) {
    {
      std::lock_guard lock(storage_.platform_mutex_);
      if (!storage_.idle_platform_.empty()) {
        connection_ = std::move(storage_.idle_platform_.back());
        storage_.idle_platform_.pop_back();
      }
    }
    if (!connection_) connection_ = storage_.open_platform_connection();
  }
  ~PlatformLease() {
    if (storage_.closed_ || !connection_) return;
    std::lock_guard lock(storage_.platform_mutex_);
    storage_.idle_platform_.push_back(std::move(connection_));
  }
  Connection& connection() { return *connection_; }
  // Closes the connection instead of keeping it for the next lease.
  void discard() { connection_.reset(); }

 private:
  SqliteStorage& storage_;
  std::unique_ptr<Connection> connection_;
};

SqliteStorage::SqliteStorage(SqliteStorageOptions options,
                             const internal::Logger& log)
    : options_(std::move(options)),
      log_(log),
      stores_(
          options_.max_open_stores, kReadersPerStore,
          [this](const StoreId& store) {
            return open_store_connection(store, /*migrate_file=*/true);
          },
          [this](const StoreId& store) {
            // The write connection, opened first, has migrated the file.
            return open_store_connection(store, /*migrate_file=*/false);
          }),
      checkpointer_(log_) {
  create_folders({options_.data_dir});
  template_path_ = options_.data_dir / "templates" /
                   ("store-v" +
                    std::to_string(latest_version(store_migrations())) +
                    ".db");

  // Migrate platform.db once here; later connections only configure.
  // The subfolders come after it, so a refused folder stays as it was.
  try {
    auto connection = std::make_unique<Connection>(
        options_.data_dir / "platform.db", options_.connection);
    check_not_newer(*connection, platform_migrations(), "platform.db");
    connection->configure();
    migrate(*connection, platform_migrations(), "platform.db");
    idle_platform_.push_back(std::move(connection));
  } catch (const SQLite::Exception& error) {
    throw storage_error(error, "platform.db");
  }
  create_folders({options_.data_dir / "stores", options_.data_dir / "trash",
                  options_.data_dir / "templates"});
  ensure_store_template();
  repair_stores();
}

SqliteStorage::~SqliteStorage() { close(); }

void SqliteStorage::release_idle_connections() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(platform_mutex_);
    // One stays open, which keeps platform.db's -shm file open for the
    // connections that open later.
    while (idle_platform_.size() > 1) {
      closing.push_back(std::move(idle_platform_.back()));
      idle_platform_.pop_back();
    }
  }
  closing.clear();
  stores_.release_idle();
}

std::unique_ptr<Connection> SqliteStorage::open_platform_connection() {
  const fs::path path = options_.data_dir / "platform.db";
  for (int attempt = 0;; ++attempt) {
    try {
      auto connection = std::make_unique<Connection>(path, options_.connection);
      connection->configure();
      return connection;
    } catch (const SQLite::Exception& error) {
      // platform.db exists since the constructor, so the process is most
      // likely out of file descriptors.
      if (error.getErrorCode() != SQLITE_CANTOPEN) throw;
      if (attempt == 0) {
        release_idle_connections();
        continue;
      }
      throw out_of_descriptors(path, error);
    }
  }
}

std::unique_ptr<Connection> SqliteStorage::open_store_connection(
    const StoreId& store, bool migrate_file) {
  fs::path path = store_path(store);
  ConnectionOptions connection_options = options_.connection;
  connection_options.create = false;
  for (int attempt = 0;; ++attempt) {
    try {
      auto connection = std::make_unique<Connection>(path, connection_options);
      const std::string label = "store file " + path.filename().string();
      if (migrate_file) check_not_newer(*connection, store_migrations(), label);
      connection->configure();
      if (migrate_file) migrate(*connection, store_migrations(), label);
      return connection;
    } catch (const SQLite::Exception& error) {
      if (error.getErrorCode() != SQLITE_CANTOPEN) {
        throw storage_error(error, path.filename().string());
      }
      std::error_code ignored;
      if (!fs::exists(path, ignored)) throw store_not_found(store);
      // The file exists, so the process is most likely out of file
      // descriptors (each open store uses three or more). Closing what
      // is open but unused gives some back for one more try.
      if (attempt == 0) {
        release_idle_connections();
        continue;
      }
      throw out_of_descriptors(path, error);
    }
  }
}

fs::path SqliteStorage::store_path(const StoreId& store) const {
  return options_.data_dir / "stores" / (store.str() + ".db");
}

fs::path SqliteStorage::trash_path(const StoreId& store) const {
  return options_.data_dir / "trash" / (store.str() + ".db");
}

fs::path SqliteStorage::unregistered_trash_path(const StoreId& store) const {
  for (int n = 1;; ++n) {
    fs::path candidate = options_.data_dir / "trash" /
                         (store.str() + ".unregistered-" + std::to_string(n) +
                          ".db");
    std::error_code ignored;
    if (!fs::exists(candidate, ignored)) return candidate;
  }
}

void SqliteStorage::require_open() const {
  if (closed_) {
    throw Error(ErrorCode::failed_precondition,
                "the platform for '" + options_.data_dir.string() +
                    "' is closed");
  }
}

void SqliteStorage::hit(FaultPoint point) {
  if (options_.fault_hook) options_.fault_hook(point);
}

void SqliteStorage::run_platform(bool write, const PlatformWork& work) {
  require_open();
  std::unique_lock<std::mutex> write_lock;
  if (write) write_lock = std::unique_lock(platform_write_mutex_);
  // Set when the work changed a store row or a membership, and counted
  // once the transaction has ended, whether it committed or not.
  bool registry_changed = false;
  struct CountRegistryWrite {
    SqliteStorage& storage;
    const bool& changed;
    ~CountRegistryWrite() {
      if (changed) storage.count_store_registry_write();
    }
  } count_registry_write{*this, registry_changed};
  try {
    PlatformLease lease(*this);
    // The tables behind the access cache (store_registry_write_count()).
    // Set on every lease, so no platform connection goes unwatched.
    static const std::vector<std::string> kRegistryTables = {"stores",
                                                             "store_members"};
    lease.connection().watch_tables(kRegistryTables);
    try {
      // Declared before the transaction, so it reads the record after
      // the commit or the rollback.
      struct TakeChange {
        Connection& connection;
        bool& changed;
        ~TakeChange() { changed = connection.take_watched_change(); }
      } take_change{lease.connection(), registry_changed};
      Transaction transaction(
          lease.connection(),
          write ? Transaction::Kind::write : Transaction::Kind::read);
      SqlitePlatformRepositories repositories(lease.connection());
      work(repositories);
      transaction.commit();
    } catch (const SQLite::Exception& error) {
      if (is_read_only(error)) lease.discard();
      throw;
    }
  } catch (const SQLite::Exception& error) {
    throw storage_error(error, "platform.db");
  }
}

void SqliteStorage::run_platform_read(const PlatformWork& work) {
  run_platform(false, work);
}

void SqliteStorage::run_platform_write(const PlatformWork& work) {
  run_platform(true, work);
}

void SqliteStorage::run_store_read(const StoreId& store,
                                   const StoreWork& work) {
  require_open();
  require_store_id(store);
  // A handle closed for a move to trash has no connections; acquire
  // again once, which then reports not_found if the file is gone.
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::shared_ptr<StoreHandle> handle = stores_.acquire(store);
    const bool ran = handle->with_reader([&](Connection& connection) {
      try {
        Transaction transaction(connection, Transaction::Kind::read);
        SqliteStoreRepositories repositories(store, connection);
        work(repositories);
        transaction.commit();
      } catch (const SQLite::Exception& error) {
        if (is_read_only(error)) handle->replace = true;
        throw storage_error(error, store.str() + ".db");
      }
    });
    if (ran) return;
  }
  throw store_not_found(store);
}

void SqliteStorage::ensure_store_template() {
  if (fs::exists(template_path_)) return;
  // Build under a unique temporary name and rename into place, so two
  // processes racing here both end with a complete template.
  fs::path temporary(template_path_.string() + "." +
                     std::to_string(::getpid()) + ".tmp");
  try {
    {
      Connection connection(temporary, options_.connection);
      migrate(connection, store_migrations(), "store template");
      connection.db().exec("VACUUM");
    }
    fsync_path(temporary);
    fs::rename(temporary, template_path_);
  } catch (const SQLite::Exception& error) {
    remove_with_sidecars(temporary);
    throw storage_error(error, "store template");
  }
}

void SqliteStorage::provision_store(const StoreRecord& record,
                                    const PlatformWork& also) {
  require_open();
  require_store_id(record.id);
  ensure_store_template();
  const fs::path final_path = store_path(record.id);
  const fs::path temporary(final_path.string() + ".tmp");
  FileLock lock =
      FileLock::acquire(options_.data_dir / "stores" / (record.id.str() + ".lock"));

  // Each step survives a crash of this process on its own: the kernel
  // keeps written pages. Only with synchronous_full does provisioning
  // also fsync, to survive power loss; under NORMAL, as with SQLite's
  // own NORMAL mode, a power loss may undo the newest store.
  const bool durable = options_.connection.synchronous_full;

  // Step 1: copy the pre-migrated template and stamp the store id into
  // it, under a temporary name. The copy needs no journal: on failure it
  // is deleted.
  try {
    fs::copy_file(template_path_, temporary,
                  fs::copy_options::overwrite_existing);
    {
      Connection connection(temporary, options_.connection);
      connection.db().exec("PRAGMA journal_mode=OFF");
      connection.db().exec("PRAGMA synchronous=OFF");
      auto stamp = connection.prepare(
          "INSERT INTO store_meta (key, value) VALUES ('store_id', ?)");
      stamp->bind(1, record.id.str());
      stamp->exec();
    }
    if (durable) fsync_path(temporary);
  } catch (const SQLite::Exception& error) {
    remove_with_sidecars(temporary);
    throw storage_error(error, temporary.filename().string());
  } catch (const fs::filesystem_error& error) {
    remove_with_sidecars(temporary);
    throw Error(ErrorCode::internal, "cannot create store file '" +
                                         temporary.string() +
                                         "': " + error.code().message());
  }
  hit(FaultPoint::store_temp_file_written);

  // Step 2: give the file its final name.
  try {
    fs::rename(temporary, final_path);
  } catch (const fs::filesystem_error& error) {
    remove_with_sidecars(temporary);
    throw Error(ErrorCode::internal, "cannot rename store file '" +
                                         temporary.string() +
                                         "': " + error.code().message());
  }
  if (durable) fsync_path(final_path.parent_path());
  hit(FaultPoint::store_file_written);

  // Step 3: commit the registry row; this is the moment the store exists.
  try {
    run_platform_write([&](PlatformRepositories& repositories) {
      repositories.stores().insert(record);
      repositories.members().insert(MemberRecord{
          record.id, record.owner_id, StoreRole::owner, record.created_at});
      if (also) also(repositories);
    });
  } catch (...) {
    remove_with_sidecars(final_path);
    lock.release_and_remove();
    throw;
  }
  hit(FaultPoint::store_row_written);
  lock.release_and_remove();
}

void SqliteStorage::repair_stores() {
  // Collect every store id that has any file in stores/.
  std::set<std::string> ids;
  for (const auto& entry : fs::directory_iterator(options_.data_dir / "stores")) {
    std::string name = entry.path().filename().string();
    std::size_t dot = name.find('.');
    if (dot == std::string::npos) continue;
    std::string id = name.substr(0, dot);
    if (internal::is_id(id, kStoreIdPrefix)) ids.insert(id);
  }
  for (const std::string& id : ids) repair_one_store(StoreId(id));
}

void SqliteStorage::repair_one_store(const StoreId& store) {
  const fs::path lock_path =
      options_.data_dir / "stores" / (store.str() + ".lock");
  std::optional<FileLock> lock = FileLock::try_acquire(lock_path);
  if (!lock) return;  // Another process is provisioning it right now.

  std::optional<StoreRecord> record = read_platform(
      [&](PlatformRepositories& r) { return r.stores().find(store); });
  const fs::path path = store_path(store);
  const fs::path temporary(path.string() + ".tmp");
  std::error_code ignored;
  if (fs::exists(temporary, ignored)) {
    log_.warning("removing unfinished store file " +
                 temporary.filename().string());
    remove_with_sidecars(temporary);
  }
  if (!record) {
    if (fs::exists(path, ignored)) {
      // Left by a provisioning that stopped before its registry commit,
      // or copied in by hand: keep it in trash/ rather than delete it.
      const fs::path trash_copy = unregistered_trash_path(store);
      log_.warning("moving store file " + path.filename().string() +
                   " that no registry row names to trash/" +
                   trash_copy.filename().string());
      rename_with_sidecars(path, trash_copy);
    }
  } else if (record->status == StoreStatus::deleted &&
             fs::exists(path, ignored) &&
             !fs::exists(trash_path(store), ignored)) {
    // A delete stopped between its registry change and the file move.
    log_.warning("moving store file of deleted store " + store.str() +
                 " to trash");
    rename_with_sidecars(path, trash_path(store));
  }
  lock->release_and_remove();
}

void SqliteStorage::move_store_to_trash(const StoreId& store) {
  require_open();
  require_store_id(store);
  // No call opens the file again until it is gone from stores/; a call
  // that raced the move gets not_found, as it would just after.
  stores_.close_store(store, /*keep_closed=*/true);
  struct Allow {
    StorePool& pool;
    const StoreId& store;
    ~Allow() { pool.allow_store(store); }
  } allow{stores_, store};
  const fs::path from = store_path(store);
  if (!fs::exists(from)) throw store_not_found(store);
  rename_with_sidecars(from, trash_path(store));
  fsync_path(from.parent_path());
}

void SqliteStorage::restore_store_from_trash(const StoreId& store) {
  require_open();
  require_store_id(store);
  const fs::path from = trash_path(store);
  if (!fs::exists(from)) {
    throw Error(ErrorCode::not_found,
                "store '" + store.str() + "' has no file in trash", "store_id");
  }
  if (fs::exists(store_path(store))) {
    throw Error(ErrorCode::conflict,
                "store '" + store.str() + "' already has a live file",
                "store_id");
  }
  rename_with_sidecars(from, store_path(store));
  fsync_path(store_path(store).parent_path());
}

void SqliteStorage::purge_store_file(const StoreId& store) {
  require_open();
  require_store_id(store);
  stores_.close_store(store);
  remove_with_sidecars(trash_path(store));
}

void SqliteStorage::backup_store(const StoreId& store,
                                 const fs::path& destination) {
  require_open();
  require_store_id(store);
  const fs::path temporary(destination.string() + ".tmp");
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::shared_ptr<StoreHandle> handle = stores_.acquire(store);
    std::lock_guard lock(handle->writer_mutex());
    if (handle->writer() == nullptr) continue;
    try {
      {
        SQLite::Database target(temporary.string(),
                                SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(target, handle->writer()->db());
        backup.executeStep(-1);
      }
      fsync_path(temporary);
      fs::rename(temporary, destination);
      return;
    } catch (const SQLite::Exception& error) {
      remove_with_sidecars(temporary);
      throw Error(ErrorCode::internal, "backup of store '" + store.str() +
                                           "' to '" + destination.string() +
                                           "' failed: " + error.what());
    } catch (const fs::filesystem_error& error) {
      remove_with_sidecars(temporary);
      throw Error(ErrorCode::internal, "backup of store '" + store.str() +
                                           "' to '" + destination.string() +
                                           "' failed: " +
                                           error.code().message());
    }
  }
  throw store_not_found(store);
}

MigrationReport SqliteStorage::migrate_all_stores(
    const std::function<void(const MigrationReport&)>& progress) {
  require_open();
  MigrationReport report;
  const int latest = latest_version(store_migrations());
  std::string after;
  for (;;) {
    std::vector<StoreRecord> batch = read_platform(
        [&](PlatformRepositories& r) { return r.stores().list_after(after, 200); });
    if (batch.empty()) break;
    for (const StoreRecord& record : batch) {
      after = record.id.str();
      if (record.status == StoreStatus::deleted ||
          record.status == StoreStatus::purged) {
        continue;
      }
      ++report.stores_seen;
      ConnectionOptions connection_options = options_.connection;
      connection_options.create = false;
      try {
        Connection connection(store_path(record.id), connection_options);
        const std::string label = "store file " + record.id.str() + ".db";
        check_not_newer(connection, store_migrations(), label);
        if (connection.schema_version() == latest) {
          ++report.stores_current;
        } else {
          connection.configure();
          migrate(connection, store_migrations(), label);
          ++report.stores_migrated;
        }
      } catch (const SQLite::Exception& error) {
        throw storage_error(error, record.id.str() + ".db");
      }
      if (progress) progress(report);
    }
  }
  return report;
}

void SqliteStorage::close() {
  if (closed_.exchange(true)) return;
  checkpointer_.stop();
  stores_.close_all();
  std::lock_guard lock(platform_mutex_);
  idle_platform_.clear();
}

}  // namespace shopkit::storage::sqlite
