// JSON conversion of the super-admin panel's types.
#include "shopkit/json.h"

namespace shopkit {
namespace {

using nlohmann::json;

json optional_time(const std::optional<Timestamp>& time) {
  return time ? json(timestamp_to_json(*time)) : json(nullptr);
}

}  // namespace

void to_json(json& out, const StoreSummary& summary) {
  out = summary.store;
  out["deleted_at"] = optional_time(summary.deleted_at);
  out["purge_after"] = optional_time(summary.purge_after);
}

void to_json(json& out, const UserCount& count) {
  out = json{{"role", to_string(count.role)},
             {"status", to_string(count.status)},
             {"count", count.count}};
}

void to_json(json& out, const StoreCounts& counts) {
  out = json{{"active", counts.active},
             {"suspended", counts.suspended},
             {"deleted", counts.deleted},
             {"purged", counts.purged}};
}

void to_json(json& out, const CurrencyFigures& figures) {
  out = json{{"currency", figures.currency},
             {"orders", figures.orders},
             {"paid_orders", figures.paid_orders},
             {"revenue", figures.revenue},
             {"refunded", figures.refunded},
             {"net_revenue", figures.net_revenue}};
}

void to_json(json& out, const PlatformFigures& figures) {
  out = json{{"users", figures.users},
             {"stores", figures.stores},
             {"orders", figures.orders}};
}

void to_json(json& out, const AuditEntry& entry) {
  // shopkit writes every detail as a JSON object. A row edited by hand
  // that does not parse is shown as a string instead.
  json detail = json::parse(entry.detail_json, nullptr, false);
  if (detail.is_discarded()) detail = entry.detail_json;
  out = json{{"id", entry.id.str()},
             {"actor_id",
              entry.actor_id ? json(entry.actor_id->str()) : json(nullptr)},
             {"action", entry.action},
             {"target_type", entry.target_type},
             {"target_id", entry.target_id},
             {"detail", std::move(detail)},
             {"created_at", timestamp_to_json(entry.created_at)}};
}

}  // namespace shopkit
