// Factories for the SQLite implementations of the repositories, one
// per source file in this folder, and the bundles that hand them out
// for one transaction.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage/audit_log.h"
#include "storage/catalog_repository.h"
#include "storage/customer_repository.h"
#include "storage/inventory_repository.h"
#include "storage/order_counters.h"
#include "storage/order_repository.h"
#include "storage/session_repository.h"
#include "storage/sqlite/connection.h"
#include "storage/sqlite/search_text.h"
#include "storage/storage.h"
#include "storage/store_registry.h"
#include "storage/store_reports.h"
#include "storage/store_settings_repository.h"
#include "storage/theme_repository.h"
#include "storage/theme_settings_repository.h"
#include "storage/user_repository.h"

namespace shopkit::storage::sqlite {

std::unique_ptr<UserRepository> make_user_repository(Connection& connection);
std::unique_ptr<SessionRepository> make_session_repository(
    Connection& connection);
std::unique_ptr<ThemeRepository> make_theme_repository(Connection& connection);
std::unique_ptr<StoreRegistry> make_store_registry(Connection& connection);
std::unique_ptr<MemberRepository> make_member_repository(
    Connection& connection);
std::unique_ptr<AuditLog> make_audit_log(Connection& connection);
std::unique_ptr<OrderCounterRepository> make_order_counter_repository(
    Connection& connection);

std::unique_ptr<StoreSettingsRepository> make_store_settings_repository(
    Connection& connection);
// With `deferred_search_text`, the repository's changes to products_fts
// wait there for the caller to make them (SearchTextChanges::apply).
std::unique_ptr<CatalogRepository> make_catalog_repository(
    Connection& connection, SearchTextChanges* deferred_search_text = nullptr);
std::unique_ptr<InventoryRepository> make_inventory_repository(
    Connection& connection);
std::unique_ptr<OrderRepository> make_order_repository(Connection& connection);
std::unique_ptr<CustomerRepository> make_customer_repository(
    Connection& connection);
std::unique_ptr<ThemeSettingsRepository> make_theme_settings_repository(
    Connection& connection);
std::unique_ptr<StoreReports> make_store_reports(Connection& connection);

// Builds each repository on first use within one transaction.
class SqlitePlatformRepositories final : public PlatformRepositories {
 public:
  explicit SqlitePlatformRepositories(Connection& connection)
      : connection_(connection) {}
  UserRepository& users() override;
  SessionRepository& sessions() override;
  ThemeRepository& themes() override;
  StoreRegistry& stores() override;
  MemberRepository& members() override;
  AuditLog& audit() override;
  OrderCounterRepository& order_counters() override;

 private:
  Connection& connection_;
  std::unique_ptr<UserRepository> users_;
  std::unique_ptr<SessionRepository> sessions_;
  std::unique_ptr<ThemeRepository> themes_;
  std::unique_ptr<StoreRegistry> stores_;
  std::unique_ptr<MemberRepository> members_;
  std::unique_ptr<AuditLog> audit_;
  std::unique_ptr<OrderCounterRepository> order_counters_;
};

class SqliteStoreRepositories final : public StoreRepositories {
 public:
  // With `deferred_search_text`, the catalog's changes to products_fts
  // wait there for the caller to make them.
  SqliteStoreRepositories(const StoreId& store_id, Connection& connection,
                          SearchTextChanges* deferred_search_text = nullptr)
      : store_id_(store_id),
        connection_(connection),
        deferred_search_text_(deferred_search_text) {}
  // Puts back the page cache size that begin_bulk_load() raised.
  ~SqliteStoreRepositories() override;
  const StoreId& store_id() const override { return store_id_; }
  StoreSettingsRepository& settings() override;
  CatalogRepository& catalog() override;
  InventoryRepository& inventory() override;
  OrderRepository& orders() override;
  CustomerRepository& customers() override;
  ThemeSettingsRepository& theme_settings() override;
  StoreReports& reports() override;
  void savepoint(const std::function<void()>& work) override;
  void begin_bulk_load() override;
  void end_bulk_load() override;

 private:
  const StoreId& store_id_;
  Connection& connection_;
  SearchTextChanges* deferred_search_text_;
  // The page cache of a bulk load, in SQLite's unit for a negative
  // cache_size: KiB, so 64 MiB.
  static constexpr int kBulkLoadCacheSize = -64 * 1024;

  // The CREATE INDEX statements of the indexes that begin_bulk_load()
  // dropped, in schema order.
  std::vector<std::string> dropped_indexes_;
  // The connection's cache_size before begin_bulk_load(), restored by
  // the destructor, so the larger cache also serves the commit.
  std::optional<int> saved_cache_size_;
  std::unique_ptr<StoreSettingsRepository> settings_;
  std::unique_ptr<CatalogRepository> catalog_;
  std::unique_ptr<InventoryRepository> inventory_;
  std::unique_ptr<OrderRepository> orders_;
  std::unique_ptr<CustomerRepository> customers_;
  std::unique_ptr<ThemeSettingsRepository> theme_settings_;
  std::unique_ptr<StoreReports> reports_;
};

}  // namespace shopkit::storage::sqlite
