#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "checkout_fixture.h"
#include "error_check.h"

using shopkit::CheckoutLine;
using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::OrderStatus;
using shopkit::Principal;
using shopkit::testing::checkout_request;
using shopkit::testing::error_of;
using shopkit::testing::mentions;
using shopkit::testing::ShopFixture;

TEST_CASE("checkout prices from the store") {
  ShopFixture f;
  auto order = f.buy({{"MUG", 2}, {"CAP", 1}}, "k1");
  CHECK(order.number == 1);
  CHECK(order.status == OrderStatus::pending);
  REQUIRE(order.lines.size() == 2);
  CHECK(order.lines[0].sku == "MUG");
  CHECK(order.lines[0].title == "Mug");
  CHECK(order.lines[0].unit_price == Money(1200, "USD"));
  CHECK(order.lines[0].line_total == Money(2400, "USD"));
  CHECK(order.lines[1].line_total == Money(750, "USD"));
  CHECK(order.subtotal == Money(3150, "USD"));
  CHECK(order.total == Money(3150, "USD"));
  CHECK(f.stock("MUG") == 3);
  CHECK(f.stock("CAP") == 2);
}

TEST_CASE("checkout adds tax and shipping") {
  ShopFixture f;
  shopkit::StoreSettingsUpdate settings;
  settings.tax_rate_bps = 825;
  settings.flat_shipping = Money(500, "USD");
  f.admin().update_settings(f.owner, f.shop, settings);
  // 3 x 7.50 = 22.50; 8.25% of it is 1.85625, rounded half up to 1.86.
  auto order = f.buy({{"CAP", 3}}, "k1");
  CHECK(order.subtotal == Money(2250, "USD"));
  CHECK(order.tax == Money(186, "USD"));
  CHECK(order.shipping == Money(500, "USD"));
  CHECK(order.total == Money(2936, "USD"));
}

TEST_CASE("price change after checkout keeps order") {
  ShopFixture f;
  auto order = f.buy({{"MUG", 1}}, "k1");
  shopkit::ProductUpdate update;
  update.title = "Renamed Mug";
  update.variants = std::vector<shopkit::VariantInput>(1);
  (*update.variants)[0].sku = "MUG";
  (*update.variants)[0].price = Money(9999, "USD");
  f.admin().update_product(f.owner, f.shop, f.mug.id, update);
  f.admin().delete_product(f.owner, f.shop, f.mug.id);

  auto read = f.admin().get_order(f.owner, f.shop, order.id);
  CHECK(read.lines[0].title == "Mug");
  CHECK(read.lines[0].sku == "MUG");
  CHECK(read.lines[0].unit_price == Money(1200, "USD"));
  CHECK(read.total == Money(1200, "USD"));
}

TEST_CASE("stock shortage names SKU and available") {
  ShopFixture f;
  auto error = error_of([&] { f.buy({{"TEE", 1}, {"CAP", 4}}, "k1"); });
  CHECK(error.code() == ErrorCode::conflict);
  CHECK(error.field() == "lines[1].quantity");
  CHECK(mentions(error, "CAP"));
  CHECK(mentions(error, "only 3 available"));
  CHECK(f.stock("TEE") == 10);
  CHECK(f.stock("CAP") == 3);
}

TEST_CASE("checkout line rules") {
  ShopFixture f;
  struct Case {
    const char* name;
    std::vector<CheckoutLine> lines;
    const char* field;
  };
  const Case cases[] = {
      {"no lines", {}, "lines"},
      {"zero quantity", {{"MUG", 0}}, "lines[0].quantity"},
      {"negative quantity", {{"MUG", -2}}, "lines[0].quantity"},
      {"above limit", {{"MUG", shopkit::kMaxLineQuantity + 1}},
       "lines[0].quantity"},
      {"repeated SKU", {{"MUG", 1}, {"MUG", 1}}, "lines[1].sku"},
      {"unknown SKU", {{"NOPE", 1}}, "lines[0].sku"},
      {"empty SKU", {{"", 1}}, "lines[0].sku"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto error = error_of([&] { f.buy(c.lines, "k1"); });
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(error.field() == c.field);
  }
  CHECK(f.stock("MUG") == 5);
}

TEST_CASE("line limit applies with backorders") {
  ShopFixture f;
  auto input = shopkit::testing::simple_product("Pre", "PRE", 100, 0);
  input.variants[0].allow_backorder = true;
  f.admin().create_product(f.owner, f.shop, input);
  auto order = f.buy({{"PRE", shopkit::kMaxLineQuantity}}, "k1");
  CHECK(f.stock("PRE") == -shopkit::kMaxLineQuantity);
  CHECK(order.lines[0].quantity == shopkit::kMaxLineQuantity);
  auto error = error_of(
      [&] { f.buy({{"PRE", shopkit::kMaxLineQuantity + 1}}, "k2"); });
  CHECK(error.field() == "lines[0].quantity");
}

TEST_CASE("draft products cannot be bought") {
  ShopFixture f;
  auto input = shopkit::testing::simple_product("Secret", "SECRET");
  input.status = shopkit::ProductStatus::draft;
  f.admin().create_product(f.owner, f.shop, input);
  auto error = error_of([&] { f.buy({{"SECRET", 1}}, "k1"); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "lines[0].sku");
  CHECK(f.stock("SECRET") == 10);
}

TEST_CASE("checkout request field rules") {
  ShopFixture f;
  auto no_email = checkout_request({{"MUG", 1}}, "k1", "not-an-email");
  CHECK(error_of([&] { f.stores().checkout(Principal::anonymous(), "market", no_email); })
            .field() == "email");
  auto no_key = checkout_request({{"MUG", 1}}, "");
  CHECK(error_of([&] { f.stores().checkout(Principal::anonymous(), "market", no_key); })
            .field() == "idempotency_key");
  auto no_city = checkout_request({{"MUG", 1}}, "k1");
  no_city.shipping_address.city = "";
  CHECK(error_of([&] { f.stores().checkout(Principal::anonymous(), "market", no_city); })
            .field() == "shipping_address.city");
  auto unknown_store = error_of([&] {
    f.stores().checkout(Principal::anonymous(), "nope",
                        checkout_request({{"MUG", 1}}, "k1"));
  });
  CHECK(unknown_store.code() == ErrorCode::not_found);
}

TEST_CASE("same key and body replays") {
  ShopFixture f;
  auto first = f.buy({{"MUG", 2}}, "retry-1");
  auto second = f.buy({{"MUG", 2}}, "retry-1");
  CHECK(second.id == first.id);
  CHECK(second.number == first.number);
  CHECK(f.stock("MUG") == 3);
  auto page = f.admin().list_orders(f.owner, f.shop, {});
  CHECK(page.items.size() == 1);
}

TEST_CASE("same key other body conflicts") {
  ShopFixture f;
  f.buy({{"MUG", 2}}, "retry-1");
  auto error = error_of([&] { f.buy({{"MUG", 1}}, "retry-1"); });
  CHECK(error.code() == ErrorCode::conflict);
  CHECK(error.field() == "idempotency_key");
  auto moved = checkout_request({{"MUG", 2}}, "retry-1");
  moved.shipping_address.line1 = "2 Main St";
  auto other_address = error_of([&] {
    f.stores().checkout(Principal::anonymous(), "market", moved);
  });
  CHECK(other_address.code() == ErrorCode::conflict);
  CHECK(f.stock("MUG") == 3);
}

TEST_CASE("order numbers have no gaps") {
  ShopFixture f;
  CHECK(f.buy({{"MUG", 1}}, "a").number == 1);
  CHECK_THROWS_AS(f.buy({{"CAP", 99}}, "b"), shopkit::Error);
  CHECK_THROWS_AS(f.buy({{"NOPE", 1}}, "c"), shopkit::Error);
  CHECK(f.buy({{"MUG", 1}}, "d").number == 2);
  CHECK_THROWS_AS(f.buy({{"MUG", 1}, {"CAP", 50}}, "e"), shopkit::Error);
  CHECK(f.buy({{"TEE", 1}}, "f").number == 3);
  auto page = f.admin().list_orders(f.owner, f.shop, {});
  REQUIRE(page.items.size() == 3);
  CHECK(page.items[0].number == 3);
  CHECK(page.items[2].number == 1);
}

TEST_CASE("order lifecycle moves") {
  ShopFixture f;
  auto order = f.buy({{"MUG", 1}}, "k1");
  auto& admin = f.admin();
  CHECK(error_of([&] { admin.fulfill_order(f.owner, f.shop, order.id); })
            .code() == ErrorCode::failed_precondition);
  auto paid = admin.pay_order(f.owner, f.shop, order.id);
  CHECK(paid.status == OrderStatus::paid);
  CHECK(paid.paid_at.has_value());
  CHECK(error_of([&] { admin.pay_order(f.owner, f.shop, order.id); }).code() ==
        ErrorCode::failed_precondition);
  auto fulfilled = admin.fulfill_order(f.owner, f.shop, order.id);
  CHECK(fulfilled.status == OrderStatus::fulfilled);
  CHECK(error_of([&] { admin.cancel_order(f.owner, f.shop, order.id); })
            .code() == ErrorCode::failed_precondition);
  CHECK(error_of([&] { admin.fulfill_order(f.owner, f.shop, order.id); })
            .code() == ErrorCode::failed_precondition);
  CHECK(admin.get_order(f.owner, f.shop, order.id).status ==
        OrderStatus::fulfilled);
}

TEST_CASE("cancel restocks with ledger rows") {
  ShopFixture f;
  auto order = f.buy({{"MUG", 2}, {"TEE", 3}}, "k1");
  CHECK(f.stock("MUG") == 3);
  auto cancelled = f.admin().cancel_order(f.owner, f.shop, order.id);
  CHECK(cancelled.status == OrderStatus::cancelled);
  CHECK(f.stock("MUG") == 5);
  CHECK(f.stock("TEE") == 10);
  auto ledger = f.admin().list_inventory_ledger(f.owner, f.shop, "MUG", {});
  REQUIRE(ledger.items.size() == 3);
  CHECK(ledger.items[0].reason == "order cancelled");
  CHECK(ledger.items[0].delta == 2);
  CHECK(ledger.items[1].reason == "order");
  CHECK(ledger.items[1].delta == -2);
  CHECK(error_of([&] { f.admin().cancel_order(f.owner, f.shop, order.id); })
            .code() == ErrorCode::failed_precondition);
  CHECK(error_of([&] { f.admin().pay_order(f.owner, f.shop, order.id); })
            .code() == ErrorCode::failed_precondition);
}

TEST_CASE("paid order may be cancelled") {
  ShopFixture f;
  auto order = f.buy({{"CAP", 1}}, "k1");
  f.admin().pay_order(f.owner, f.shop, order.id);
  auto cancelled = f.admin().cancel_order(f.owner, f.shop, order.id);
  CHECK(cancelled.status == OrderStatus::cancelled);
  CHECK(f.stock("CAP") == 3);
  auto refunded = f.admin().refund_order(f.owner, f.shop, order.id,
                                         Money(750, "USD"), "cancelled");
  CHECK(refunded.refunded == Money(750, "USD"));
}

TEST_CASE("refunds never exceed the total") {
  ShopFixture f;
  auto order = f.buy({{"TEE", 1}}, "k1");
  auto& admin = f.admin();
  auto unpaid = error_of([&] {
    admin.refund_order(f.owner, f.shop, order.id, Money(100, "USD"), "");
  });
  CHECK(unpaid.code() == ErrorCode::failed_precondition);
  admin.pay_order(f.owner, f.shop, order.id);
  auto partial =
      admin.refund_order(f.owner, f.shop, order.id, Money(500, "USD"), "dent");
  CHECK(partial.refunded == Money(500, "USD"));
  CHECK(partial.refunds.size() == 1);
  auto too_much = error_of([&] {
    admin.refund_order(f.owner, f.shop, order.id, Money(1501, "USD"), "");
  });
  CHECK(too_much.code() == ErrorCode::failed_precondition);
  CHECK(mentions(too_much, "15.00 of 20.00"));
  auto full =
      admin.refund_order(f.owner, f.shop, order.id, Money(1500, "USD"), "rest");
  CHECK(full.refunded == Money(2000, "USD"));
  CHECK(full.refunds.size() == 2);
  auto zero = error_of([&] {
    admin.refund_order(f.owner, f.shop, order.id, Money(0, "USD"), "");
  });
  CHECK(zero.code() == ErrorCode::invalid_argument);
  auto currency = error_of([&] {
    admin.refund_order(f.owner, f.shop, order.id, Money(1, "EUR"), "");
  });
  CHECK(currency.code() == ErrorCode::invalid_argument);
  auto read = admin.get_order(f.owner, f.shop, order.id);
  CHECK(read.refunded == Money(2000, "USD"));
  CHECK(read.refunds.size() == 2);
}

TEST_CASE("customers see only their orders") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  auto bob = f.user(shopkit::PlatformRole::customer);
  auto ann_order = f.buy({{"MUG", 1}}, "a1", ann);
  f.buy({{"TEE", 1}}, "b1", bob);
  f.buy({{"CAP", 1}}, "g1");
  auto ann_second = f.buy({{"TEE", 1}}, "a2", ann);

  auto mine = f.stores().list_my_orders(ann, "market", {});
  REQUIRE(mine.items.size() == 2);
  CHECK(mine.items[0].id == ann_second.id);
  CHECK(mine.items[1].id == ann_order.id);
  CHECK(f.stores().get_my_order(ann, "market", ann_order.id).id == ann_order.id);
  auto hidden = error_of(
      [&] { f.stores().get_my_order(bob, "market", ann_order.id); });
  CHECK(hidden.code() == ErrorCode::not_found);
  auto anonymous = error_of([&] {
    f.stores().list_my_orders(Principal::anonymous(), "market", {});
  });
  CHECK(anonymous.code() == ErrorCode::unauthenticated);
  CHECK(f.stores().list_my_orders(bob, "market", {}).items.size() == 1);
}

TEST_CASE("my orders page by cursor") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  for (int i = 0; i < 5; ++i) f.buy({{"TEE", 1}}, "k" + std::to_string(i), ann);
  shopkit::PageRequest page{2, ""};
  std::vector<std::int64_t> numbers;
  for (;;) {
    auto result = f.stores().list_my_orders(ann, "market", page);
    for (const auto& order : result.items) numbers.push_back(order.number);
    if (result.next_cursor.empty()) break;
    page.cursor = result.next_cursor;
  }
  CHECK(numbers == std::vector<std::int64_t>{5, 4, 3, 2, 1});
}

TEST_CASE("platform order counters follow orders") {
  ShopFixture f;
  auto order = f.buy({{"TEE", 1}}, "k1");
  f.buy({{"MUG", 1}}, "k2");
  f.buy({{"MUG", 1}}, "k2");  // A replay counts once.
  f.admin().pay_order(f.owner, f.shop, order.id);
  f.admin().refund_order(f.owner, f.shop, order.id, Money(300, "USD"), "");
  SQLite::Database db((f.dir.path() / "platform.db").string());
  SQLite::Statement row(db,
                        "SELECT orders, paid_orders, revenue, refunded FROM "
                        "store_order_counters WHERE store_id = ?");
  row.bind(1, f.shop.str());
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getInt64() == 2);
  CHECK(row.getColumn(1).getInt64() == 1);
  CHECK(row.getColumn(2).getInt64() == 2000);
  CHECK(row.getColumn(3).getInt64() == 300);
}
