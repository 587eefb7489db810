// The dashboard against a fixture whose every figure is computed by hand
// in the comments below.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::StoreRole;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

using std::chrono::days;
using std::chrono::hours;

shopkit::Money usd(std::int64_t cents) { return Money(cents, "USD"); }

// A USD store with seven products created one second apart, so their ids
// sort in the order of creation (ties in the top 5 go to the smaller id).
struct DashboardFixture : PanelsFixture {
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "dash-shop");
  shopkit::AdminService& admin = platform.admin();
  std::vector<shopkit::Product> products;

  DashboardFixture() {
    add("Tee", "TEE", 2000);
    add("Mug", "MUG", 1200);
    add("Cap", "CAP", 750);
    add("Pen", "PEN", 300);
    add("Bag", "BAG", 3000);
    add("Hat", "HAT", 1500);
    add("Sock", "SOCK", 600);
  }

  void add(const std::string& title, const std::string& sku,
           std::int64_t cents) {
    products.push_back(add_product(owner, store, title, sku, cents));
    test.clock->advance(std::chrono::seconds(1));
  }

  shopkit::ProductId id_of(const std::string& title) {
    for (const auto& product : products) {
      if (product.title == title) return product.id;
    }
    FAIL("no product " << title);
    return {};
  }

  // Moves the clock to `hour`:00 UTC on 2026-01-(1 + day).
  void at(int day, int hour) {
    test.clock->set(shopkit::testing::test_epoch() + days(day) + hours(hour));
  }

  shopkit::Order buy(std::vector<shopkit::CheckoutLine> lines) {
    return checkout("dash-shop", std::move(lines));
  }

  shopkit::Order buy_paid(std::vector<shopkit::CheckoutLine> lines) {
    return admin.pay_order(owner, store, buy(std::move(lines)).id);
  }

  void refund(const shopkit::Order& order, std::int64_t cents) {
    admin.refund_order(owner, store, order.id, usd(cents), "test refund");
  }

  // Places the orders below. The range is days 1 to 3 (from 2026-01-02
  // to 2026-01-05, exclusive); X marks orders that must not count as
  // revenue.
  void place_orders() {
    at(0, 12);  // X: before the range.
    buy_paid({{"BAG", 1}});
    at(1, 9);  // Day 1: paid 2 MUG + 1 TEE = 4400.
    buy_paid({{"MUG", 2}, {"TEE", 1}});
    at(1, 23);  // X: day 1, never paid.
    buy({{"CAP", 1}});
    at(2, 0);  // Day 2: paid 1 TEE + 2 SOCK = 3200, 300 refunded: 2900.
    refund(buy_paid({{"TEE", 1}, {"SOCK", 2}}), 300);
    at(2, 10);  // X: day 2, paid 2 HAT = 3000, all refunded.
    refund(buy_paid({{"HAT", 2}}), 3000);
    at(2, 11);  // X: day 2, cancelled before payment.
    admin.cancel_order(owner, store, buy({{"MUG", 1}}).id);
    at(3, 8);  // X: day 3, paid 1 BAG, cancelled and refunded.
    auto bag = buy_paid({{"BAG", 1}});
    admin.cancel_order(owner, store, bag.id);
    refund(bag, 3000);
    at(3, 20);  // Day 3: paid 2 CAP + 4 PEN + 1 HAT = 4200, fulfilled.
    admin.fulfill_order(owner, store,
                        buy_paid({{"CAP", 2}, {"PEN", 4}, {"HAT", 1}}).id);
    at(4, 0);  // X: the range's end is exclusive.
    buy_paid({{"SOCK", 3}});
    at(5, 0);
  }

  shopkit::DashboardRequest range() {
    auto start = shopkit::testing::test_epoch();
    return shopkit::DashboardRequest{start + days(1), start + days(4), 5};
  }
};

}  // namespace

TEST_CASE("dashboard totals match the fixture") {
  DashboardFixture f;
  f.place_orders();
  auto dashboard = f.admin.get_dashboard(f.owner, f.store, f.range());
  // Seven orders were placed in the range; three count as paid.
  CHECK(dashboard.order_count == 7);
  CHECK(dashboard.paid_order_count == 3);
  // 4400 + 2900 + 4200.
  CHECK(dashboard.revenue == usd(11500));
  // 11500 / 3 = 3833.33, rounded half up.
  CHECK(dashboard.average_order_value == usd(3833));
}

TEST_CASE("dashboard revenue per day") {
  DashboardFixture f;
  f.place_orders();
  auto dashboard = f.admin.get_dashboard(f.owner, f.store, f.range());
  REQUIRE(dashboard.revenue_per_day.size() == 3);
  const auto first = std::chrono::floor<days>(shopkit::testing::test_epoch());
  CHECK(dashboard.revenue_per_day[0].day == first + days(1));
  CHECK(dashboard.revenue_per_day[0].orders == 2);
  CHECK(dashboard.revenue_per_day[0].revenue == usd(4400));
  CHECK(dashboard.revenue_per_day[1].day == first + days(2));
  CHECK(dashboard.revenue_per_day[1].orders == 3);
  CHECK(dashboard.revenue_per_day[1].revenue == usd(2900));
  CHECK(dashboard.revenue_per_day[2].day == first + days(3));
  CHECK(dashboard.revenue_per_day[2].orders == 2);
  CHECK(dashboard.revenue_per_day[2].revenue == usd(4200));
}

TEST_CASE("dashboard top products break ties by id") {
  DashboardFixture f;
  f.place_orders();
  auto top = f.admin.get_dashboard(f.owner, f.store, f.range()).top_products;
  // Tee 2000 + 2000, Mug 2400, Cap 1500 and Hat 1500 (Cap is older), then
  // Pen 1200 ahead of Sock 1200 (Pen is older). Line totals before the
  // partial refund.
  REQUIRE(top.size() == 5);
  CHECK(top[0].product_id == f.id_of("Tee"));
  CHECK(top[0].quantity == 2);
  CHECK(top[0].revenue == usd(4000));
  CHECK(top[1].product_id == f.id_of("Mug"));
  CHECK(top[1].revenue == usd(2400));
  CHECK(top[2].product_id == f.id_of("Cap"));
  CHECK(top[2].revenue == usd(1500));
  CHECK(top[3].product_id == f.id_of("Hat"));
  CHECK(top[3].quantity == 1);
  CHECK(top[3].revenue == usd(1500));
  CHECK(top[4].product_id == f.id_of("Pen"));
  CHECK(top[4].title == "Pen");
  CHECK(top[4].quantity == 4);
  CHECK(top[4].revenue == usd(1200));
}

TEST_CASE("dashboard lists low stock variants") {
  DashboardFixture f;
  f.admin.set_stock(f.owner, f.store, "TEE", 2, "count");
  f.admin.set_stock(f.owner, f.store, "MUG", 5, "count");
  f.admin.set_stock(f.owner, f.store, "PEN", 0, "count");
  f.admin.set_stock(f.owner, f.store, "CAP", 6, "count");
  f.admin.set_stock(f.owner, f.store, "BAG", 0, "count");
  shopkit::ProductUpdate archive;
  archive.status = shopkit::ProductStatus::archived;
  f.admin.update_product(f.owner, f.store, f.id_of("Bag"), archive);

  auto dashboard = f.admin.get_dashboard(f.owner, f.store, f.range());
  // At or below 5, archived products left out, lowest stock first.
  REQUIRE(dashboard.low_stock.size() == 3);
  CHECK(dashboard.low_stock_count == 3);
  CHECK(dashboard.low_stock[0].sku == "PEN");
  CHECK(dashboard.low_stock[0].stock == 0);
  CHECK(dashboard.low_stock[1].sku == "TEE");
  CHECK(dashboard.low_stock[1].title == "Tee");
  CHECK(dashboard.low_stock[2].sku == "MUG");
  CHECK(dashboard.low_stock[2].stock == 5);
}

TEST_CASE("dashboard of an empty range is zero") {
  DashboardFixture f;
  auto start = shopkit::testing::test_epoch();
  auto dashboard = f.admin.get_dashboard(
      f.owner, f.store, {start + hours(1), start + hours(2), 0});
  CHECK(dashboard.order_count == 0);
  CHECK(dashboard.revenue == usd(0));
  CHECK(dashboard.average_order_value == usd(0));
  REQUIRE(dashboard.revenue_per_day.size() == 1);
  CHECK(dashboard.revenue_per_day[0].revenue == usd(0));
  CHECK(dashboard.top_products.empty());
  CHECK(dashboard.low_stock.empty());
}

TEST_CASE("dashboard rejects bad ranges") {
  DashboardFixture f;
  auto start = shopkit::testing::test_epoch();
  auto field_of = [&](shopkit::DashboardRequest request) {
    return shopkit::testing::error_of([&] {
             f.admin.get_dashboard(f.owner, f.store, request);
           })
        .field();
  };
  CHECK(field_of({start, start, 5}) == "to");
  CHECK(field_of({start + days(1), start, 5}) == "to");
  CHECK(field_of({start, start + days(367), 5}) == "to");
  CHECK(field_of({start, start + days(1), -1}) == "low_stock_threshold");
}

TEST_CASE("dashboard rights by role") {
  DashboardFixture f;
  auto staff = f.make_merchant();
  auto manager = f.make_merchant();
  auto customer = f.make_user(shopkit::PlatformRole::customer);
  auto other_owner = f.make_merchant();
  f.make_store(other_owner, "other-shop");
  f.add_member(f.store, f.owner, staff, StoreRole::staff);
  f.add_member(f.store, f.owner, manager, StoreRole::manager);
  auto range = f.range();
  CHECK(f.admin.get_dashboard(staff, f.store, range).order_count == 0);
  CHECK(f.admin.get_dashboard(manager, f.store, range).order_count == 0);
  CHECK(error_code_of([&] {
          f.admin.get_dashboard(customer, f.store, range);
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          f.admin.get_dashboard(other_owner, f.store, range);
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          f.admin.get_dashboard(shopkit::Principal::anonymous(), f.store,
                                range);
        }) == ErrorCode::not_found);
}
