#include <doctest/doctest.h>

#include "error_check.h"
#include "shopkit/json.h"
#include "store_fixture.h"

using nlohmann::json;
using shopkit::ErrorCode;
using shopkit::testing::error_of;

namespace {

// The product example of the admin routes' contract.
const char* kLinenShirt = R"({
  "title": "Linen Shirt", "description": "<p>Cool</p>", "status": "active",
  "vendor": "Acme", "product_type": "Shirts", "tags": ["summer"],
  "categories": ["shirts"], "options": ["Size", "Color"],
  "variants": [{"sku": "LS-S-BLU", "options": ["S", "Blue"],
                "price": {"amount": 4999, "currency": "USD"},
                "compare_at_price": null, "stock": 12,
                "allow_backorder": false, "weight_grams": 200,
                "barcode": null}],
  "images": [{"url": "https://example.com/a.jpg", "alt": "Front",
              "position": 1}]})";

}  // namespace

TEST_CASE("product JSON round trip") {
  shopkit::testing::StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = json::parse(kLinenShirt).get<shopkit::ProductInput>();
  auto product = f.admin().create_product(owner, store, input);
  json out = product;

  json expected = json::parse(kLinenShirt);
  for (const auto& [key, value] : expected.items()) {
    CAPTURE(key);
    if (key == "variants") continue;
    CHECK(out[key] == value);
  }
  json variant = out["variants"][0];
  CHECK(variant["id"] == product.variants[0].id.str());
  variant.erase("id");
  CHECK(variant == expected["variants"][0]);
  CHECK(out["id"] == product.id.str());
  CHECK(out["handle"] == "linen-shirt");
  CHECK(out["created_at"] == "2026-01-01T00:00:00.000Z");
}

TEST_CASE("product JSON errors name the path") {
  json body = json::parse(kLinenShirt);
  body["variants"][0]["price"]["amount"] = 49.99;
  auto error = error_of([&] { body.get<shopkit::ProductInput>(); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "variants[0].price.amount");

  json no_title = json::parse(kLinenShirt);
  no_title.erase("title");
  CHECK(error_of([&] { no_title.get<shopkit::ProductInput>(); }).field() ==
        "title");

  json bad_status = json::parse(kLinenShirt);
  bad_status["status"] = "live";
  CHECK(error_of([&] { bad_status.get<shopkit::ProductInput>(); }).field() ==
        "status");
}

TEST_CASE("product update JSON sets only present fields") {
  auto update = json::parse(R"({"title": "New", "vendor": null})")
                    .get<shopkit::ProductUpdate>();
  REQUIRE(update.title.has_value());
  CHECK(*update.title == "New");
  REQUIRE(update.vendor.has_value());
  CHECK(update.vendor->empty());
  CHECK_FALSE(update.description.has_value());
  CHECK_FALSE(update.variants.has_value());
  CHECK_FALSE(update.status.has_value());
}

TEST_CASE("checkout JSON reads lines") {
  auto request = json::parse(R"({
    "lines": [{"sku": "A", "quantity": 2}], "email": "a@example.com",
    "shipping_address": {"name": "Ann", "line1": "1 St", "city": "Town",
                         "country": "US"}})")
                     .get<shopkit::CheckoutRequest>();
  REQUIRE(request.lines.size() == 1);
  CHECK(request.lines[0].sku == "A");
  CHECK(request.lines[0].quantity == 2);
  CHECK(request.shipping_address.city == "Town");
  CHECK(request.idempotency_key.empty());
  auto error = error_of([] {
    json::parse(R"({"lines": [{"sku": "A", "quantity": "2"}]})")
        .get<shopkit::CheckoutRequest>();
  });
  CHECK(error.field() == "lines[0].quantity");
}

TEST_CASE("order JSON has the contract fields") {
  shopkit::Order order;
  order.id = shopkit::OrderId("ord_x");
  order.number = 7;
  order.status = shopkit::OrderStatus::paid;
  order.total = shopkit::Money(1234, "EUR");
  json out = order;
  CHECK(out["id"] == "ord_x");
  CHECK(out["number"] == 7);
  CHECK(out["status"] == "paid");
  CHECK(out["lines"].is_array());
  CHECK(out["total"] == json{{"amount", 1234}, {"currency", "EUR"}});
  CHECK(out["subtotal"].is_object());
  CHECK(out["user_id"].is_null());
}

TEST_CASE("store JSON and page JSON") {
  shopkit::Store store;
  store.id = shopkit::StoreId("sto_x");
  store.handle = "acme";
  json out = store;
  CHECK(out["handle"] == "acme");
  CHECK(out["owner_id"].is_null());
  shopkit::Page<shopkit::Store> page;
  page.items.push_back(store);
  json listed = shopkit::page_to_json(page);
  CHECK(listed["items"].size() == 1);
  CHECK(listed["next_cursor"].is_null());
}
