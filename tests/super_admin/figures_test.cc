#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "support/panels_fixture.h"

using shopkit::PlatformRole;
using shopkit::UserStatus;
using shopkit::testing::PanelsFixture;

namespace {

std::int64_t user_count(const shopkit::PlatformFigures& figures,
                        PlatformRole role, UserStatus status) {
  for (const auto& row : figures.users) {
    if (row.role == role && row.status == status) return row.count;
  }
  return 0;
}

}  // namespace

TEST_CASE("figures count users by role and status") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto a = f.make_merchant();
  f.make_merchant();
  auto c = f.make_user(PlatformRole::customer);
  f.make_user(PlatformRole::customer);
  f.platform.super_admin().suspend_user(admin, a.user_id());
  f.platform.super_admin().delete_user(admin, c.user_id());

  auto figures = f.platform.super_admin().get_figures(admin);
  CHECK(user_count(figures, PlatformRole::super_admin, UserStatus::active) ==
        1);
  CHECK(user_count(figures, PlatformRole::merchant, UserStatus::active) == 1);
  CHECK(user_count(figures, PlatformRole::merchant, UserStatus::suspended) ==
        1);
  CHECK(user_count(figures, PlatformRole::customer, UserStatus::active) == 1);
  CHECK(user_count(figures, PlatformRole::customer, UserStatus::deleted) == 1);
  CHECK(figures.users.size() == 5);
}

TEST_CASE("figures count stores by status") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto owner = f.make_merchant();
  auto& panel = f.platform.super_admin();
  f.make_store(owner, "store-one");
  auto two = f.make_store(owner, "store-two");
  auto three = f.make_store(owner, "store-three");
  auto four = f.make_store(owner, "store-four");
  panel.suspend_store(admin, two);
  panel.delete_store(admin, three);
  panel.delete_store(admin, four);
  f.test.clock->advance(std::chrono::hours(24 * 31));
  panel.purge_deleted_stores(admin);
  panel.delete_store(admin, two);

  auto figures = panel.get_figures(admin);
  CHECK(figures.stores.active == 1);
  CHECK(figures.stores.suspended == 0);
  CHECK(figures.stores.deleted == 1);
  CHECK(figures.stores.purged == 2);
}

TEST_CASE("order figures sum live stores per currency") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto owner = f.make_merchant();
  auto usd = f.make_store(owner, "usd-store");
  auto eur = f.make_store(owner, "eur-store", "EUR");
  auto gone = f.make_store(owner, "gone-store");
  {
    // The store service keeps these rows current as orders change; here
    // they are written directly to check the sums alone.
    SQLite::Database db((f.dir.path() / "platform.db").string(),
                        SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    SQLite::Statement insert(
        db,
        "INSERT INTO store_order_counters (store_id, currency, orders, "
        "paid_orders, revenue, refunded) VALUES (?, ?, ?, ?, ?, ?)");
    auto row = [&](const shopkit::StoreId& store, const char* currency,
                   int orders, int paid, int revenue, int refunded) {
      insert.reset();
      insert.bind(1, store.str());
      insert.bind(2, currency);
      insert.bind(3, orders);
      insert.bind(4, paid);
      insert.bind(5, revenue);
      insert.bind(6, refunded);
      insert.exec();
    };
    row(usd, "USD", 5, 3, 3000, 500);
    row(eur, "EUR", 2, 2, 1500, 0);
    row(gone, "USD", 9, 9, 9000, 0);
  }
  f.platform.super_admin().delete_store(admin, gone);

  auto figures = f.platform.super_admin().get_figures(admin);
  REQUIRE(figures.orders.size() == 2);
  CHECK(figures.orders[0].currency == "EUR");
  CHECK(figures.orders[0].revenue == shopkit::Money(1500, "EUR"));
  CHECK(figures.orders[1].currency == "USD");
  CHECK(figures.orders[1].orders == 5);
  CHECK(figures.orders[1].paid_orders == 3);
  CHECK(figures.orders[1].revenue == shopkit::Money(3000, "USD"));
  CHECK(figures.orders[1].refunded == shopkit::Money(500, "USD"));
  CHECK(figures.orders[1].net_revenue == shopkit::Money(2500, "USD"));
}

namespace {

// Order figures of one currency, summed by reading every order.
struct ScannedFigures {
  std::int64_t orders = 0;
  std::int64_t paid_orders = 0;
  std::int64_t revenue = 0;
  std::int64_t refunded = 0;
};

}  // namespace

TEST_CASE("order figures match a full scan") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto owner = f.make_merchant();
  struct Shop {
    std::string handle;
    shopkit::StoreId id;
    std::string currency;
  };
  std::vector<Shop> shops;
  for (auto [handle, currency] : {std::pair{"scan-usd", "USD"},
                                  {"scan-eur", "EUR"},
                                  {"scan-usd-two", "USD"}}) {
    auto id = f.make_store(owner, handle, currency);
    f.add_product(owner, id, "Mug", "MUG", 1250, currency);
    f.add_product(owner, id, "Tee", "TEE", 1999, currency);
    shops.push_back({handle, id, currency});
  }

  // A seeded random walk of checkouts, payments, fulfilments, cancels
  // and refunds, each chosen among the moves the order allows.
  auto& store_admin = f.platform.admin();
  std::mt19937 random(20261204);
  auto pick = [&](std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size - 1)(random);
  };
  std::vector<std::pair<std::size_t, shopkit::Order>> orders;
  for (int step = 0; step < 120; ++step) {
    if (orders.empty() || pick(3) == 0) {
      std::size_t shop = pick(shops.size());
      std::int64_t quantity = static_cast<std::int64_t>(pick(3)) + 1;
      orders.emplace_back(
          shop, f.checkout(shops[shop].handle,
                           {{pick(2) == 0 ? "MUG" : "TEE", quantity}}));
      continue;
    }
    auto& [shop, order] = orders[pick(orders.size())];
    const shopkit::StoreId& id = shops[shop].id;
    using shopkit::OrderStatus;
    std::int64_t refundable = order.total.minor_units() - order.refunded.minor_units();
    if (order.status == OrderStatus::pending) {
      order = pick(4) == 0 ? store_admin.cancel_order(owner, id, order.id)
                           : store_admin.pay_order(owner, id, order.id);
    } else if (order.paid_at && refundable > 0 && pick(2) == 0) {
      auto amount = static_cast<std::int64_t>(
          pick(static_cast<std::size_t>(refundable))) + 1;
      order = store_admin.refund_order(
          owner, id, order.id, shopkit::Money(amount, shops[shop].currency),
          "random refund");
    } else if (order.status == OrderStatus::paid) {
      order = pick(2) == 0 ? store_admin.fulfill_order(owner, id, order.id)
                           : store_admin.cancel_order(owner, id, order.id);
    }
  }

  // The full scan: every order of every store, page by page.
  std::map<std::string, ScannedFigures> scanned;
  for (const Shop& shop : shops) {
    shopkit::OrderQuery query;
    query.limit = 7;
    do {
      auto page = store_admin.list_orders(owner, shop.id, query);
      for (const auto& order : page.items) {
        ScannedFigures& sums = scanned[shop.currency];
        ++sums.orders;
        if (!order.paid_at) continue;
        ++sums.paid_orders;
        sums.revenue += order.total.minor_units();
        sums.refunded += order.refunded.minor_units();
      }
      query.cursor = page.next_cursor;
    } while (!query.cursor.empty());
  }

  auto figures = f.platform.super_admin().get_figures(admin);
  REQUIRE(figures.orders.size() == scanned.size());
  for (const auto& currency : figures.orders) {
    CAPTURE(currency.currency);
    const ScannedFigures& sums = scanned.at(currency.currency);
    CHECK(currency.orders == sums.orders);
    CHECK(currency.paid_orders == sums.paid_orders);
    CHECK(currency.revenue.minor_units() == sums.revenue);
    CHECK(currency.refunded.minor_units() == sums.refunded);
    CHECK(currency.net_revenue.minor_units() == sums.revenue - sums.refunded);
  }
  CHECK(scanned.at("USD").refunded > 0);
}
