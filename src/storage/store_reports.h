// Read-only aggregates over a store file's orders, catalog and
// customers, for the admin panel's dashboard and customer list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::storage {

// Totals of the orders placed on one UTC day. An order counts as paid
// when it has a paid_at time, whatever its status since.
struct DayTotals {
  std::int64_t day = 0;  // Days since 1970-01-01.
  std::int64_t orders = 0;
  // Paid orders whose refunds are below their total.
  std::int64_t paid_orders = 0;
  std::int64_t revenue = 0;  // Sum of total - refunded of paid orders.
};

// Sales of one product over the lines of paid, not fully refunded
// orders. Amounts are line totals before any refund.
struct ProductTotals {
  ProductId product_id;
  std::string title;  // The product's current title, or the line's copy.
  std::int64_t quantity = 0;
  std::int64_t revenue = 0;
};

struct LowStockRow {
  ProductId product_id;
  VariantId variant_id;
  std::string sku;
  std::string title;
  std::string variant_title;  // Option values joined by " / ".
  std::int64_t stock = 0;
};

struct CustomerFilter {
  std::string text;        // Substring of the email or the name, any case.
  std::string before_id;   // Keyset cursor: customers with a smaller id.
  int limit = 50;
};

// A customer with figures over all of their orders.
struct CustomerRow {
  CustomerId id;
  std::string email;
  std::string name;
  std::optional<UserId> user_id;
  Timestamp created_at;
  std::int64_t orders = 0;
  std::int64_t spent = 0;  // Sum of total - refunded of paid orders.
  std::optional<Timestamp> last_order_at;
};

class StoreReports {
 public:
  virtual ~StoreReports() = default;
  // Orders placed in [from, to), grouped by UTC day; days without orders
  // are left out.
  virtual std::vector<DayTotals> totals_by_day(Timestamp from,
                                               Timestamp to) = 0;
  // The `limit` products with the most revenue in [from, to), most
  // first; ties go to the smaller product id.
  virtual std::vector<ProductTotals> top_products(Timestamp from,
                                                  Timestamp to,
                                                  int limit) = 0;
  // Variants of products that are not archived with stock at or below
  // `threshold`, lowest stock first, at most `limit`.
  virtual std::vector<LowStockRow> low_stock(std::int64_t threshold,
                                             int limit) = 0;
  virtual std::int64_t count_low_stock(std::int64_t threshold) = 0;
  // Customers matching `filter`, newest first.
  virtual std::vector<CustomerRow> customers(const CustomerFilter& filter) = 0;
  virtual std::optional<CustomerRow> customer(const CustomerId& id) = 0;
};

}  // namespace shopkit::storage
