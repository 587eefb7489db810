#include <doctest/doctest.h>

#include <limits>

#include "checkout_fixture.h"
#include "error_check.h"

using shopkit::ErrorCode;
using shopkit::testing::error_of;
using shopkit::testing::mentions;
using shopkit::testing::ShopFixture;

TEST_CASE("adjust stock writes a ledger row") {
  ShopFixture f;
  auto level = f.admin().adjust_stock(f.owner, f.shop, "MUG", 7, "delivery");
  CHECK(level.stock == 12);
  CHECK(level.sku == "MUG");
  auto ledger = f.admin().list_inventory_ledger(f.owner, f.shop, "MUG", {});
  REQUIRE(ledger.items.size() == 2);
  CHECK(ledger.items[0].delta == 7);
  CHECK(ledger.items[0].stock_after == 12);
  CHECK(ledger.items[0].reason == "delivery");
  CHECK(ledger.items[0].actor_id == f.owner.user_id());
  CHECK(ledger.items[1].reason == "product created");
  CHECK(ledger.items[1].delta == 5);
}

TEST_CASE("adjust below zero is a conflict") {
  ShopFixture f;
  auto error = error_of(
      [&] { f.admin().adjust_stock(f.owner, f.shop, "CAP", -4, "damaged"); });
  CHECK(error.code() == ErrorCode::conflict);
  CHECK(mentions(error, "CAP"));
  CHECK(mentions(error, "has 3"));
  CHECK(f.stock("CAP") == 3);
  CHECK(f.admin().adjust_stock(f.owner, f.shop, "CAP", -3, "damaged").stock == 0);
}

TEST_CASE("adjust input rules") {
  ShopFixture f;
  CHECK(error_of([&] { f.admin().adjust_stock(f.owner, f.shop, "CAP", 0, "x"); })
            .field() == "delta");
  CHECK(error_of([&] { f.admin().adjust_stock(f.owner, f.shop, "CAP", 1, ""); })
            .field() == "reason");
  CHECK(error_of([&] { f.admin().adjust_stock(f.owner, f.shop, "NOPE", 1, "x"); })
            .code() == ErrorCode::not_found);
}

TEST_CASE("set stock with expected value") {
  ShopFixture f;
  auto level = f.admin().set_stock(f.owner, f.shop, "TEE", 4, "recount", 10);
  CHECK(level.stock == 4);
  auto stale = error_of(
      [&] { f.admin().set_stock(f.owner, f.shop, "TEE", 8, "recount", 10); });
  CHECK(stale.code() == ErrorCode::conflict);
  CHECK(mentions(stale, "is now 4"));
  CHECK(f.stock("TEE") == 4);
  auto ledger = f.admin().list_inventory_ledger(f.owner, f.shop, "TEE", {});
  REQUIRE(ledger.items.size() == 2);
  CHECK(ledger.items[0].delta == -6);
  CHECK(ledger.items[0].stock_after == 4);
}

TEST_CASE("negative stock needs backorders") {
  ShopFixture f;
  auto error = error_of(
      [&] { f.admin().set_stock(f.owner, f.shop, "TEE", -1, "oversold"); });
  CHECK(error.field() == "quantity");
  auto input = shopkit::testing::simple_product("Pre", "PRE", 100, 0);
  input.variants[0].allow_backorder = true;
  f.admin().create_product(f.owner, f.shop, input);
  CHECK(f.admin().adjust_stock(f.owner, f.shop, "PRE", -3, "presale").stock == -3);
  auto order = f.buy({{"PRE", 2}}, "k1");
  CHECK(order.lines[0].quantity == 2);
  CHECK(f.stock("PRE") == -5);
}

TEST_CASE("stock changes stay within bounds") {
  ShopFixture f;
  constexpr std::int64_t kHuge = std::numeric_limits<std::int64_t>::max();
  auto input = shopkit::testing::simple_product("Pre", "PRE", 100, 10);
  input.variants[0].allow_backorder = true;
  f.admin().create_product(f.owner, f.shop, input);

  auto huge_delta = error_of(
      [&] { f.admin().adjust_stock(f.owner, f.shop, "PRE", kHuge, "x"); });
  CHECK(huge_delta.code() == ErrorCode::invalid_argument);
  CHECK(huge_delta.field() == "delta");
  auto lowest_delta = error_of([&] {
    f.admin().adjust_stock(f.owner, f.shop, "PRE",
                           std::numeric_limits<std::int64_t>::min(), "x");
  });
  CHECK(lowest_delta.field() == "delta");
  auto huge_set = error_of(
      [&] { f.admin().set_stock(f.owner, f.shop, "PRE", kHuge, "x"); });
  CHECK(huge_set.field() == "quantity");

  // Two changes each within the bound whose sum is beyond it.
  f.admin().set_stock(f.owner, f.shop, "PRE", shopkit::kMaxStock, "x");
  auto past = error_of(
      [&] { f.admin().adjust_stock(f.owner, f.shop, "PRE", 1, "x"); });
  CHECK(past.field() == "delta");
  CHECK(mentions(past, "PRE"));
  CHECK(f.stock("PRE") == shopkit::kMaxStock);
}

TEST_CASE("ledger pages by cursor") {
  ShopFixture f;
  for (int i = 1; i <= 5; ++i) {
    f.admin().adjust_stock(f.owner, f.shop, "MUG", i, "delivery");
  }
  shopkit::PageRequest page{2, ""};
  std::vector<std::int64_t> deltas;
  for (;;) {
    auto result = f.admin().list_inventory_ledger(f.owner, f.shop, "MUG", page);
    for (const auto& entry : result.items) deltas.push_back(entry.delta);
    if (result.next_cursor.empty()) break;
    page.cursor = result.next_cursor;
  }
  CHECK(deltas == std::vector<std::int64_t>{5, 4, 3, 2, 1, 5});
}

TEST_CASE("product update stock is in the ledger") {
  ShopFixture f;
  shopkit::ProductUpdate update;
  update.variants = std::vector<shopkit::VariantInput>(1);
  (*update.variants)[0].sku = "MUG";
  (*update.variants)[0].price = shopkit::Money(1200, "USD");
  (*update.variants)[0].stock = 9;
  f.admin().update_product(f.owner, f.shop, f.mug.id, update);
  auto ledger = f.admin().list_inventory_ledger(f.owner, f.shop, "MUG", {});
  REQUIRE(ledger.items.size() == 2);
  CHECK(ledger.items[0].reason == "product updated");
  CHECK(ledger.items[0].delta == 4);
  CHECK(f.stock("MUG") == 9);
}
