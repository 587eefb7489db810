#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

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

namespace {

// What the generic path prints, the reference for the direct writer.
std::string dumped(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

shopkit::Product awkward_product() {
  shopkit::Product product;
  product.id = shopkit::ProductId("prd_01m91ke34sabvsmr71gmfcvpwc");
  product.handle = "quote-\"and\\slash";
  // Every control character, DEL, two- to four-byte UTF-8, and bytes
  // that are not UTF-8 at all (a lone continuation byte, a truncated
  // sequence at the end, an overlong form, a surrogate, past U+10FFFF).
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  product.title = controls + "\x7f caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x91\x95";
  product.description =
      "bad \x80 here \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 cut \xE2\x82 x "
      "\xF0\x9F\x91 y \xF8 end \xE2\x82";
  product.status = shopkit::ProductStatus::draft;
  product.vendor = "";
  product.product_type = "Shirts";
  product.tags = {"summer", "", "tab\there"};
  product.options = {"Size"};
  product.created_at = shopkit::Timestamp(std::chrono::milliseconds(1796423265986));
  product.updated_at = shopkit::Timestamp(std::chrono::milliseconds(1796423265987));

  shopkit::Variant plain;
  plain.id = shopkit::VariantId("var_01m91ke34sz4b7tsjxm6w9p0kf");
  plain.options = {"S"};
  plain.price = shopkit::Money(-0, "USD");
  plain.stock = -3;
  shopkit::Variant full;
  full.id = shopkit::VariantId("var_01m91ke34sz4b7tsjxm6w9p0kg");
  full.sku = "LS-\"M\"";
  full.options = {"M", "\xE2\x82\xAC"};
  full.price = shopkit::Money(std::numeric_limits<std::int64_t>::max(), "JPY");
  full.compare_at_price = shopkit::Money(std::numeric_limits<std::int64_t>::min(), "JPY");
  full.stock = 1000000000000;
  full.allow_backorder = true;
  full.weight_grams = 0;
  full.barcode = "";
  product.variants = {plain, full};
  product.images = {{"https://example.com/a.jpg", "Front \"1\"", 1},
                    {"https://example.com/b.jpg", "", 2}};
  return product;
}

}  // namespace

TEST_CASE("direct product JSON text equals the generic dump byte for byte") {
  const shopkit::Product product = awkward_product();
  CHECK(shopkit::to_json_text(product) == dumped(json(product)));

  shopkit::Product empty;
  empty.id = shopkit::ProductId("prd_01m91ke34sabvsmr71gmfcvpwd");
  CHECK(shopkit::to_json_text(empty) == dumped(json(empty)));

  shopkit::Page<shopkit::Product> page;
  CHECK(shopkit::page_to_json_text(page) == dumped(shopkit::page_to_json(page)));
  page.items = {product, empty, product};
  page.next_cursor = "eyJpIjoi\"cursor\"";
  CHECK(shopkit::page_to_json_text(page) == dumped(shopkit::page_to_json(page)));

  // The text parses back to the same document.
  CHECK(json::parse(shopkit::page_to_json_text(page)) ==
        json::parse(dumped(shopkit::page_to_json(page))));
}

TEST_CASE("direct product JSON text of imported products equals the dump") {
  shopkit::testing::StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "text-shop");
  for (int i = 0; i < 5; ++i) {
    auto input = json::parse(kLinenShirt).get<shopkit::ProductInput>();
    input.title = "Linen Shirt " + std::to_string(i);
    input.variants[0].sku = "LS-" + std::to_string(i);
    f.admin().create_product(owner, store, input);
  }
  shopkit::ProductSearch search;
  search.limit = 3;
  auto page = f.admin().list_products(owner, store, search);
  REQUIRE(page.items.size() == 3);
  CHECK(shopkit::page_to_json_text(page) == dumped(shopkit::page_to_json(page)));
}
