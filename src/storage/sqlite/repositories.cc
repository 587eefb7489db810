#include "storage/sqlite/repositories.h"

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
  return build_once(catalog_, make_catalog_repository, connection_);
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

}  // namespace shopkit::storage::sqlite
