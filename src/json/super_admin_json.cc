#include "shopkit/json.h"
#include "shopkit/super_admin_service.h"

namespace shopkit {

namespace {

nlohmann::json optional_time(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return timestamp_to_json(*time);
}

}  // namespace

void to_json(nlohmann::json& out, const StoreSummary& summary) {
  out = summary.store;
  out["deleted_at"] = optional_time(summary.deleted_at);
  out["purge_after"] = optional_time(summary.purge_after);
}

void to_json(nlohmann::json& out, const PlatformFigures& figures) {
  nlohmann::json users = nlohmann::json::array();
  for (const UserCount& count : figures.users) {
    users.push_back({{"role", to_string(count.role)},
                     {"status", to_string(count.status)},
                     {"count", count.count}});
  }
  nlohmann::json orders = nlohmann::json::array();
  for (const CurrencyFigures& currency : figures.orders) {
    orders.push_back({{"currency", currency.currency},
                      {"orders", currency.orders},
                      {"paid_orders", currency.paid_orders},
                      {"revenue", currency.revenue},
                      {"refunded", currency.refunded},
                      {"net_revenue", currency.net_revenue}});
  }
  out = nlohmann::json{{"users", std::move(users)},
                       {"stores",
                        {{"active", figures.stores.active},
                         {"suspended", figures.stores.suspended},
                         {"deleted", figures.stores.deleted},
                         {"purged", figures.stores.purged}}},
                       {"orders", std::move(orders)}};
}

void to_json(nlohmann::json& out, const AuditEntry& entry) {
  // detail_json is written by shopkit as a JSON object; a value that does
  // not parse is passed on as a string rather than dropped.
  nlohmann::json detail =
      nlohmann::json::parse(entry.detail_json, nullptr, false);
  if (detail.is_discarded()) detail = entry.detail_json;
  out = nlohmann::json{
      {"id", entry.id.str()},
      {"actor_id",
       entry.actor_id ? nlohmann::json(entry.actor_id->str()) : nullptr},
      {"action", entry.action},
      {"target_type", entry.target_type},
      {"target_id", entry.target_id},
      {"detail", std::move(detail)},
      {"created_at", timestamp_to_json(entry.created_at)}};
}

}  // namespace shopkit
