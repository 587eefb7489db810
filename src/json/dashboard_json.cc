// JSON conversion of the admin panel's dashboard and customer types.
#include "common/time_format.h"
#include "shopkit/admin_service.h"
#include "shopkit/json.h"

namespace shopkit {
namespace {

using nlohmann::json;

// The day as "2026-12-04": the date part of the day's midnight.
std::string day_to_json(std::chrono::sys_days day) {
  return internal::format_iso8601(Timestamp(day)).substr(0, 10);
}

json optional_time(const std::optional<Timestamp>& time) {
  return time ? json(timestamp_to_json(*time)) : json(nullptr);
}

}  // namespace

void to_json(json& out, const DailyRevenue& daily) {
  out = json{{"day", day_to_json(daily.day)},
             {"orders", daily.orders},
             {"revenue", daily.revenue}};
}

void to_json(json& out, const ProductSales& sales) {
  out = json{{"product_id", sales.product_id.str()},
             {"title", sales.title},
             {"quantity", sales.quantity},
             {"revenue", sales.revenue}};
}

void to_json(json& out, const LowStockVariant& variant) {
  out = json{{"product_id", variant.product_id.str()},
             {"variant_id", variant.variant_id.str()},
             {"sku", variant.sku},
             {"title", variant.title},
             {"variant_title", variant.variant_title},
             {"stock", variant.stock}};
}

void to_json(json& out, const Dashboard& dashboard) {
  out = json{{"from", timestamp_to_json(dashboard.from)},
             {"to", timestamp_to_json(dashboard.to)},
             {"order_count", dashboard.order_count},
             {"paid_order_count", dashboard.paid_order_count},
             {"revenue", dashboard.revenue},
             {"average_order_value", dashboard.average_order_value},
             {"revenue_per_day", dashboard.revenue_per_day},
             {"top_products", dashboard.top_products},
             {"low_stock", dashboard.low_stock},
             {"low_stock_count", dashboard.low_stock_count}};
}

void to_json(json& out, const Customer& customer) {
  out = json{{"id", customer.id.str()},
             {"email", customer.email},
             {"name", customer.name},
             {"user_id", customer.user_id ? json(customer.user_id->str())
                                          : json(nullptr)},
             {"created_at", timestamp_to_json(customer.created_at)},
             {"order_count", customer.order_count},
             {"total_spent", customer.total_spent},
             {"last_order_at", optional_time(customer.last_order_at)}};
}

}  // namespace shopkit
