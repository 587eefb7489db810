// AdminService: the dashboard. One read transaction of the store file
// gives every figure, so they agree with each other.
#include <map>

#include "common/access.h"
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "storage/store_reports.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

constexpr int kTopProducts = 5;
constexpr int kMaxLowStockRows = 100;
constexpr auto kMaxRange = std::chrono::days(366);

void check_request(const DashboardRequest& request) {
  if (request.from >= request.to) {
    throw Error(ErrorCode::invalid_argument,
                "the dashboard range is empty: 'to' must be after 'from'",
                "to");
  }
  if (request.to - request.from > kMaxRange) {
    throw Error(ErrorCode::invalid_argument,
                "the dashboard range is longer than 366 days; ask for a "
                "shorter one",
                "to");
  }
  if (request.low_stock_threshold < 0) {
    throw Error(ErrorCode::invalid_argument,
                "low_stock_threshold must be 0 or more, got " +
                    std::to_string(request.low_stock_threshold),
                "low_stock_threshold");
  }
}

// Returns amount / count rounded half up, for non-negative amounts.
std::int64_t divide_rounding_half_up(std::int64_t amount, std::int64_t count) {
  std::int64_t quotient = amount / count;
  std::int64_t remainder = amount % count;
  if (remainder >= count - remainder) ++quotient;
  return quotient;
}

struct Figures {
  std::string currency;
  std::vector<storage::DayTotals> days;
  std::vector<storage::ProductTotals> products;
  std::vector<storage::LowStockRow> low_stock;
  std::int64_t low_stock_count = 0;
};

}  // namespace

Dashboard AdminService::get_dashboard(const Principal& principal,
                                      const StoreId& store,
                                      const DashboardRequest& request) {
  check_request(request);
  internal::StoreAccess access =
      internal::authorize(context_, principal, store, internal::StoreRight::view);
  Figures figures = context_.storage->read_store(
      store, [&](storage::StoreRepositories& s) {
        Figures read;
        read.currency = internal::store_currency(s, access.store);
        read.days = s.reports().totals_by_day(request.from, request.to);
        read.products =
            s.reports().top_products(request.from, request.to, kTopProducts);
        read.low_stock =
            s.reports().low_stock(request.low_stock_threshold, kMaxLowStockRows);
        read.low_stock_count =
            s.reports().count_low_stock(request.low_stock_threshold);
        return read;
      });
  const std::string& currency = figures.currency;

  // Totals of the range, and the days that had orders.
  Dashboard dashboard;
  dashboard.from = request.from;
  dashboard.to = request.to;
  std::int64_t revenue = 0;
  std::map<std::int64_t, const storage::DayTotals*> by_day;
  for (const storage::DayTotals& day : figures.days) {
    dashboard.order_count += day.orders;
    dashboard.paid_order_count += day.paid_orders;
    revenue += day.revenue;
    by_day[day.day] = &day;
  }
  dashboard.revenue = Money(revenue, currency);
  dashboard.average_order_value = Money(
      dashboard.paid_order_count == 0
          ? 0
          : divide_rounding_half_up(revenue, dashboard.paid_order_count),
      currency);

  // Every UTC day the range touches, with zeros for days without orders.
  const auto first = std::chrono::floor<std::chrono::days>(request.from);
  const auto last = std::chrono::floor<std::chrono::days>(
      request.to - std::chrono::milliseconds(1));
  for (auto day = first; day <= last; day += std::chrono::days(1)) {
    DailyRevenue daily{day, 0, Money(0, currency)};
    auto found = by_day.find(day.time_since_epoch().count());
    if (found != by_day.end()) {
      daily.orders = found->second->orders;
      daily.revenue = Money(found->second->revenue, currency);
    }
    dashboard.revenue_per_day.push_back(std::move(daily));
  }

  for (const storage::ProductTotals& product : figures.products) {
    dashboard.top_products.push_back(
        ProductSales{product.product_id, product.title, product.quantity,
                     Money(product.revenue, currency)});
  }
  for (const storage::LowStockRow& row : figures.low_stock) {
    dashboard.low_stock.push_back(LowStockVariant{row.product_id,
                                                  row.variant_id, row.sku,
                                                  row.title, row.variant_title,
                                                  row.stock});
  }
  dashboard.low_stock_count = figures.low_stock_count;
  return dashboard;
}

}  // namespace shopkit
