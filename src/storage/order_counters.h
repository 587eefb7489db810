// Per-store order figures in platform.db, kept current as orders change
// so that platform-wide figures need no scan of every store file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::storage {

struct OrderCounters {
  StoreId store_id;
  std::string currency;
  std::int64_t orders = 0;
  std::int64_t paid_orders = 0;
  std::int64_t revenue = 0;   // Minor units of paid orders.
  std::int64_t refunded = 0;  // Minor units refunded.
};

class OrderCounterRepository {
 public:
  virtual ~OrderCounterRepository() = default;
  // Adds each field of `delta` to the row of (store_id, currency),
  // creating it at zero first.
  virtual void add(const OrderCounters& delta) = 0;
  virtual std::vector<OrderCounters> list_all() = 0;
  // Sums of the rows of active and suspended stores per currency, by
  // currency code; store_id is empty in each.
  virtual std::vector<OrderCounters> totals_of_live_stores() = 0;
};

}  // namespace shopkit::storage
