// The storage abstraction that every service stands on. Services reach
// data only through the repositories here; the SQLite backend in
// sqlite/ is the one implementation and the only code with SQL, so a
// second backend (PostgreSQL) can be added behind the same interfaces.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "shopkit/platform.h"
#include "shopkit/types.h"

namespace shopkit::storage {

class UserRepository;
class SessionRepository;
class ThemeRepository;
class StoreRegistry;
class MemberRepository;
class AuditLog;
class OrderCounterRepository;
class StoreSettingsRepository;
class CatalogRepository;
class InventoryRepository;
class OrderRepository;
class CustomerRepository;
class ThemeSettingsRepository;
class StoreReports;
struct StoreRecord;

// The repositories of platform.db, bound to one transaction.
class PlatformRepositories {
 public:
  virtual ~PlatformRepositories() = default;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual ThemeRepository& themes() = 0;
  virtual StoreRegistry& stores() = 0;
  virtual MemberRepository& members() = 0;
  virtual AuditLog& audit() = 0;
  virtual OrderCounterRepository& order_counters() = 0;
};

// The repositories of one store file, bound to one transaction.
class StoreRepositories {
 public:
  virtual ~StoreRepositories() = default;
  virtual const StoreId& store_id() const = 0;
  virtual StoreSettingsRepository& settings() = 0;
  virtual CatalogRepository& catalog() = 0;
  virtual InventoryRepository& inventory() = 0;
  virtual OrderRepository& orders() = 0;
  virtual CustomerRepository& customers() = 0;
  virtual ThemeSettingsRepository& theme_settings() = 0;
  virtual StoreReports& reports() = 0;

  // Runs `work` in a savepoint of the open transaction. When `work`
  // throws, its writes are undone and the exception passes on; the
  // writes made before the call stay.
  virtual void savepoint(const std::function<void()>& work) = 0;

  // Drops the secondary indexes of the catalog tables and the stock
  // ledger, so that a bulk load writes the rows alone, and
  // end_bulk_load() builds them again from the rows. The indexes that
  // enforce UNIQUE constraints stay. Call both in one transaction, so
  // that a rollback puts the indexes back as they were. In between,
  // queries still work but may scan whole tables. The transaction also
  // gets a larger page cache, up to 64 MiB, until it ends.
  virtual void begin_bulk_load() = 0;
  virtual void end_bulk_load() = 0;
};

using PlatformWork = std::function<void(PlatformRepositories&)>;
using StoreWork = std::function<void(StoreRepositories&)>;

// Thread-safe. Each run_* call is one transaction: it commits when the
// work returns and rolls back when it throws. Backend errors are
// converted to shopkit::Error (internal) at this boundary; an Error
// thrown by the work passes through unchanged.
class Storage {
 public:
  virtual ~Storage() = default;

  virtual void run_platform_read(const PlatformWork& work) = 0;
  virtual void run_platform_write(const PlatformWork& work) = 0;
  // Raise not_found when the store has no file (unknown or trashed id).
  virtual void run_store_read(const StoreId& store, const StoreWork& work) = 0;
  virtual void run_store_write(const StoreId& store,
                               const StoreWork& work) = 0;

  // Creates the store's file from the template and commits `record`
  // with its owner as a member, crash-safely: after a crash at any step
  // the next open leaves either the whole store or nothing.
  // `also` runs inside the same platform transaction as the registry row
  // (for the audit entry). Raises already_exists when the handle is
  // taken.
  virtual void provision_store(const StoreRecord& record,
                               const PlatformWork& also) = 0;

  // Moves the store's file to trash/ (closing it first) or back.
  virtual void move_store_to_trash(const StoreId& store) = 0;
  virtual void restore_store_from_trash(const StoreId& store) = 0;
  // Deletes the trashed file for good.
  virtual void purge_store_file(const StoreId& store) = 0;
  // Writes a consistent copy of the store's file to `destination` with
  // SQLite's online backup API, while the store stays in use.
  virtual void backup_store(const StoreId& store,
                            const std::filesystem::path& destination) = 0;

  virtual MigrationReport migrate_all_stores(
      const std::function<void(const MigrationReport&)>& progress) = 0;

  virtual void close() = 0;

  // How many platform write transactions of this process that changed a
  // store row or a membership have ended, committed or rolled back. A
  // cache of those rows reads it before its read transaction starts and
  // drops what it read under a smaller count, since a write may have
  // changed those rows in between.
  std::uint64_t store_registry_write_count() const {
    return store_registry_writes_.load(std::memory_order_acquire);
  }

  // Typed helpers: run `work` and return what it returns.
  template <typename Work>
  auto read_platform(Work&& work) {
    return run_with_result<PlatformRepositories>(
        std::forward<Work>(work),
        [this](const PlatformWork& w) { run_platform_read(w); });
  }
  template <typename Work>
  auto write_platform(Work&& work) {
    return run_with_result<PlatformRepositories>(
        std::forward<Work>(work),
        [this](const PlatformWork& w) { run_platform_write(w); });
  }
  template <typename Work>
  auto read_store(const StoreId& store, Work&& work) {
    return run_with_result<StoreRepositories>(
        std::forward<Work>(work),
        [this, &store](const StoreWork& w) { run_store_read(store, w); });
  }
  template <typename Work>
  auto write_store(const StoreId& store, Work&& work) {
    return run_with_result<StoreRepositories>(
        std::forward<Work>(work),
        [this, &store](const StoreWork& w) { run_store_write(store, w); });
  }

 protected:
  // Backends call it after each transaction that changed a store row or
  // a membership has ended.
  void count_store_registry_write() {
    store_registry_writes_.fetch_add(1, std::memory_order_acq_rel);
  }

 private:
  std::atomic<std::uint64_t> store_registry_writes_{0};

  template <typename Repositories, typename Work, typename Runner>
  static auto run_with_result(Work&& work, Runner&& runner) {
    using Result = std::invoke_result_t<Work&, Repositories&>;
    if constexpr (std::is_void_v<Result>) {
      runner([&](Repositories& repositories) { work(repositories); });
    } else {
      std::optional<Result> result;
      runner([&](Repositories& repositories) {
        result.emplace(work(repositories));
      });
      return std::move(*result);
    }
  }
};

}  // namespace shopkit::storage
