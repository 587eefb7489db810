#include "storage/sqlite/repositories.h"

#include <sqlite3.h>

namespace shopkit::storage::sqlite {
namespace {

template <typename Repository, typename Factory>
Repository& build_once(std::unique_ptr<Repository>& slot, Factory factory,
                       Connection& connection) {
  if (!slot) slot = factory(connection);
  return *slot;
}

}  // namespace

UserRepository& SqlitePlatformRepositories::users() {
  return build_once(users_, make_user_repository, connection_);
}
SessionRepository& SqlitePlatformRepositories::sessions() {
  return build_once(sessions_, make_session_repository, connection_);
}
ThemeRepository& SqlitePlatformRepositories::themes() {
  return build_once(themes_, make_theme_repository, connection_);
}
StoreRegistry& SqlitePlatformRepositories::stores() {
  return build_once(stores_, make_store_registry, connection_);
}
MemberRepository& SqlitePlatformRepositories::members() {
  return build_once(members_, make_member_repository, connection_);
}
AuditLog& SqlitePlatformRepositories::audit() {
  return build_once(audit_, make_audit_log, connection_);
}
OrderCounterRepository& SqlitePlatformRepositories::order_counters() {
  return build_once(order_counters_, make_order_counter_repository,
                    connection_);
}

StoreSettingsRepository& SqliteStoreRepositories::settings() {
  return build_once(settings_, make_store_settings_repository, connection_);
}
CatalogRepository& SqliteStoreRepositories::catalog() {
  if (!catalog_) {
    catalog_ = make_catalog_repository(connection_, deferred_search_text_);
  }
  return *catalog_;
}
InventoryRepository& SqliteStoreRepositories::inventory() {
  return build_once(inventory_, make_inventory_repository, connection_);
}
OrderRepository& SqliteStoreRepositories::orders() {
  return build_once(orders_, make_order_repository, connection_);
}
CustomerRepository& SqliteStoreRepositories::customers() {
  return build_once(customers_, make_customer_repository, connection_);
}
ThemeSettingsRepository& SqliteStoreRepositories::theme_settings() {
  return build_once(theme_settings_, make_theme_settings_repository,
                    connection_);
}
StoreReports& SqliteStoreRepositories::reports() {
  return build_once(reports_, make_store_reports, connection_);
}

void SqliteStoreRepositories::savepoint(const std::function<void()>& work) {
  connection_.db().exec("SAVEPOINT store_work");
  const std::size_t deferred_before =
      deferred_search_text_ != nullptr ? deferred_search_text_->size() : 0;
  try {
    work();
  } catch (...) {
    // The search text of the undone work must not be made later either.
    if (deferred_search_text_ != nullptr) {
      deferred_search_text_->truncate(deferred_before);
    }
    // Undo and close only this savepoint. These calls do not throw, so
    // the caller sees the original exception; if they fail, the outer
    // transaction's rollback still undoes the work.
    sqlite3* handle = connection_.db().getHandle();
    sqlite3_exec(handle, "ROLLBACK TO store_work", nullptr, nullptr, nullptr);
    sqlite3_exec(handle, "RELEASE store_work", nullptr, nullptr, nullptr);
    throw;
  }
  connection_.db().exec("RELEASE store_work");
}

void SqliteStoreRepositories::begin_bulk_load() {
  std::vector<std::string> names;
  {
    auto statement = connection_.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' "
        "AND tbl_name IN ('products', 'variants', 'images', "
        "'product_tags', 'product_categories', 'inventory_ledger') "
        "ORDER BY rowid");
    while (statement->executeStep()) {
      names.push_back(statement->getColumn(0).getString());
      dropped_indexes_.push_back(statement->getColumn(1).getString());
    }
  }
  for (const std::string& name : names) {
    connection_.db().exec("DROP INDEX \"" + name + "\"");
  }

  // A load writes tens of megabytes in one transaction. With the default
  // page cache of 2 MiB, SQLite writes pages out to the WAL before the
  // commit and reads them back for the next row and for building the
  // indexes. A larger cache saved about a tenth of the wall time of the
  // import benchmark (docs/benchmarks.md).
  saved_cache_size_ =
      connection_.db().execAndGet("PRAGMA cache_size").getInt();
  connection_.db().exec("PRAGMA cache_size = " +
                        std::to_string(kBulkLoadCacheSize));
}

void SqliteStoreRepositories::end_bulk_load() {
  for (const std::string& sql : dropped_indexes_) connection_.db().exec(sql);
  dropped_indexes_.clear();
}

SqliteStoreRepositories::~SqliteStoreRepositories() {
  if (!saved_cache_size_) return;
  // Runs after the commit or during the rollback. A failure leaves the
  // larger cache on this connection, which costs memory but no data, so
  // it is ignored here rather than thrown from a destructor.
  const std::string sql =
      "PRAGMA cache_size = " + std::to_string(*saved_cache_size_);
  sqlite3_exec(connection_.db().getHandle(), sql.c_str(), nullptr, nullptr,
               nullptr);
}

}  // namespace shopkit::storage::sqlite
