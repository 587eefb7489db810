// SuperAdminService: platform figures and the audit log.
#include "common/access.h"
#include "common/context.h"
#include "common/paging.h"
#include "shopkit/super_admin_service.h"
#include "storage/audit_log.h"
#include "storage/order_counters.h"
#include "storage/store_registry.h"
#include "storage/user_repository.h"

namespace shopkit {

PlatformFigures SuperAdminService::get_figures(const Principal& principal) {
  internal::require_super_admin(principal);
  // One read transaction, so the three groups describe the same moment.
  return context_.storage->read_platform([](storage::PlatformRepositories& r) {
    PlatformFigures figures;
    for (const auto& [key, count] : r.users().count_by_role_and_status()) {
      figures.users.push_back(UserCount{key.first, key.second, count});
    }

    for (const auto& [status, count] : r.stores().count_by_status()) {
      switch (status) {
        case storage::StoreStatus::active:
          figures.stores.active = count;
          break;
        case storage::StoreStatus::suspended:
          figures.stores.suspended = count;
          break;
        case storage::StoreStatus::deleted:
          figures.stores.deleted = count;
          break;
        case storage::StoreStatus::purged:
          figures.stores.purged = count;
          break;
      }
    }

    for (const storage::OrderCounters& row :
         r.order_counters().totals_of_live_stores()) {
      CurrencyFigures currency;
      currency.currency = row.currency;
      currency.orders = row.orders;
      currency.paid_orders = row.paid_orders;
      currency.revenue = Money(row.revenue, row.currency);
      currency.refunded = Money(row.refunded, row.currency);
      currency.net_revenue = currency.revenue.minus(currency.refunded);
      figures.orders.push_back(std::move(currency));
    }
    return figures;
  });
}

Page<AuditEntry> SuperAdminService::list_audit_log(const Principal& principal,
                                                   const AuditQuery& query) {
  internal::require_super_admin(principal);
  internal::check_page_limit(query.page.limit);
  storage::AuditFilter filter;
  filter.actor_id = query.actor_id;
  if (!query.target_id.empty()) filter.target_id = query.target_id;
  if (!query.action.empty()) filter.action = query.action;
  filter.from = query.from;
  filter.to = query.to;
  filter.before_seq = internal::decode_sequence_cursor(query.page.cursor);
  filter.limit = query.page.limit + 1;

  std::vector<storage::AuditRecord> records = context_.storage->read_platform(
      [&](storage::PlatformRepositories& r) { return r.audit().list(filter); });
  std::vector<std::pair<std::int64_t, AuditEntry>> rows;
  for (storage::AuditRecord& record : records) {
    rows.emplace_back(record.seq,
                      AuditEntry{record.id, record.actor_id, record.action,
                                 record.target_type, record.target_id,
                                 record.detail_json, record.created_at});
  }
  Page<std::pair<std::int64_t, AuditEntry>> page = internal::make_page(
      std::move(rows), query.page.limit,
      [](const auto& row) { return std::to_string(row.first); });
  Page<AuditEntry> result;
  result.next_cursor = page.next_cursor;
  for (auto& row : page.items) result.items.push_back(std::move(row.second));
  return result;
}

}  // namespace shopkit
