#include <doctest/doctest.h>

#include <limits>

#include "storage/order_counters.h"
#include "storage_fixture.h"

using shopkit::storage::OrderCounters;
using shopkit::storage::PlatformRepositories;
using shopkit::testing::TempDir;

namespace {

constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();

OrderCounters paid(const shopkit::StoreId& store, std::int64_t revenue) {
  OrderCounters delta;
  delta.store_id = store;
  delta.currency = "USD";
  delta.orders = 1;
  delta.paid_orders = 1;
  delta.revenue = revenue;
  return delta;
}

}  // namespace

TEST_CASE("order counters saturate instead of overflowing") {
  TempDir dir;
  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  auto owner = shopkit::testing::insert_user(dir.path());
  auto first = shopkit::testing::new_store_record(owner, "first");
  auto second = shopkit::testing::new_store_record(owner, "second");
  storage->provision_store(first, {});
  storage->provision_store(second, {});

  storage->run_platform_write([&](PlatformRepositories& p) {
    p.order_counters().add(paid(first.id, kLargest / 2 + 10));
    p.order_counters().add(paid(first.id, kLargest / 2 + 10));
    p.order_counters().add(paid(second.id, kLargest / 2 + 10));
  });

  auto rows = storage->read_platform(
      [](PlatformRepositories& p) { return p.order_counters().list_all(); });
  REQUIRE(rows.size() == 2);
  for (const OrderCounters& row : rows) {
    CAPTURE(row.store_id.str());
    const std::int64_t expected =
        row.store_id == first.id ? kLargest : kLargest / 2 + 10;
    CHECK(row.revenue == expected);
  }
  auto totals = storage->read_platform([](PlatformRepositories& p) {
    return p.order_counters().totals_of_live_stores();
  });
  REQUIRE(totals.size() == 1);
  CHECK(totals[0].currency == "USD");
  CHECK(totals[0].orders == 3);
  CHECK(totals[0].revenue == kLargest);
}
