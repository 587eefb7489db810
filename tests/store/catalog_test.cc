#include <doctest/doctest.h>

#include "error_check.h"
#include "store_fixture.h"

using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::ProductInput;
using shopkit::ProductStatus;
using shopkit::ProductUpdate;
using shopkit::testing::simple_product;
using shopkit::testing::StoreFixture;

using shopkit::testing::error_of;

TEST_CASE("product create then get") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  ProductInput input = simple_product("Linen Shirt", "LS-1", 4999, 12);
  input.description = "<p>Cool</p>";
  input.vendor = "Acme";
  input.tags = {"summer", "linen"};
  input.categories = {"shirts"};
  input.images = {{"https://example.com/a.jpg", "Front", 0}};

  auto created = f.admin().create_product(owner, store, input);
  auto read = f.admin().get_product(owner, store, created.id);
  CHECK(read.title == "Linen Shirt");
  CHECK(read.handle == "linen-shirt");
  CHECK(read.description == "<p>Cool</p>");
  CHECK(read.tags == std::vector<std::string>{"summer", "linen"});
  CHECK(read.categories == std::vector<std::string>{"shirts"});
  REQUIRE(read.variants.size() == 1);
  CHECK(read.variants[0].sku == "LS-1");
  CHECK(read.variants[0].price == Money(4999, "USD"));
  CHECK(read.variants[0].stock == 12);
  REQUIRE(read.images.size() == 1);
  CHECK(read.images[0].position == 1);
  CHECK(read.created_at == shopkit::testing::test_epoch());
}

TEST_CASE("product handle from accented title") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto product =
      f.admin().create_product(owner, store, simple_product("Café Crème", "C1"));
  CHECK(product.handle == "cafe-creme");
  auto by_handle = f.admin().get_product_by_handle(owner, store, "cafe-creme");
  CHECK(by_handle.id == product.id);
}

TEST_CASE("product handle collisions count up") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto first = f.admin().create_product(owner, store, simple_product("Tee", "T1"));
  auto second = f.admin().create_product(owner, store, simple_product("Tee", "T2"));
  auto third = f.admin().create_product(owner, store, simple_product("tee!", "T3"));
  CHECK(first.handle == "tee");
  CHECK(second.handle == "tee-2");
  CHECK(third.handle == "tee-3");
}

TEST_CASE("product handle without Latin letters") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto first = f.admin().create_product(owner, store, simple_product("緑茶", "G1"));
  auto second = f.admin().create_product(owner, store, simple_product("緑茶", "G2"));
  CHECK(first.handle.rfind("product-", 0) == 0);
  CHECK(first.handle.size() == std::string("product-").size() + 8);
  CHECK(first.handle != second.handle);
  auto found = f.admin().get_product_by_handle(owner, store, first.handle);
  CHECK(found.id == first.id);
}

TEST_CASE("given product handle that is taken") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = simple_product("Mug", "M1");
  input.handle = "mug";
  f.admin().create_product(owner, store, input);
  input.variants[0].sku = "M2";
  auto error = error_of([&] { f.admin().create_product(owner, store, input); });
  CHECK(error.code() == ErrorCode::already_exists);
  CHECK(error.field() == "handle");
  CHECK(std::string(error.what()).find("'mug'") != std::string::npos);
}

TEST_CASE("duplicate SKU across products") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  f.admin().create_product(owner, store, simple_product("Mug", "SKU-9"));
  auto error = error_of([&] {
    f.admin().create_product(owner, store, simple_product("Cup", "SKU-9"));
  });
  CHECK(error.code() == ErrorCode::already_exists);
  CHECK(std::string(error.what()).find("SKU-9") != std::string::npos);
  auto page = f.admin().list_products(owner, store, {});
  CHECK(page.items.size() == 1);
}

TEST_CASE("duplicate SKU within one product") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = simple_product("Shirt", "S-1");
  input.options = {"Size"};
  input.variants[0].options = {"S"};
  auto second = input.variants[0];
  second.options = {"M"};
  input.variants.push_back(second);
  auto error = error_of([&] { f.admin().create_product(owner, store, input); });
  CHECK(error.code() == ErrorCode::already_exists);
  CHECK(error.field() == "variants[1].sku");
  CHECK(std::string(error.what()).find("S-1") != std::string::npos);
}

TEST_CASE("product input rules") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  struct Case {
    const char* name;
    void (*change)(ProductInput&);
    const char* field;
  };
  const Case cases[] = {
      {"empty title", [](ProductInput& p) { p.title = "  "; }, "title"},
      {"four options",
       [](ProductInput& p) { p.options = {"a", "b", "c", "d"}; }, "options"},
      {"no variants", [](ProductInput& p) { p.variants.clear(); }, "variants"},
      {"other currency",
       [](ProductInput& p) { p.variants[0].price = Money(100, "EUR"); },
       "variants[0].price"},
      {"negative stock", [](ProductInput& p) { p.variants[0].stock = -1; },
       "variants[0].stock"},
      {"option count",
       [](ProductInput& p) { p.options = {"Size"}; }, "variants[0].options"},
      {"image scheme",
       [](ProductInput& p) { p.images = {{"javascript:alert(1)", "", 0}}; },
       "images[0].url"},
      {"bad handle", [](ProductInput& p) { p.handle = "Not A Handle"; },
       "handle"},
      {"Latin-1 title", [](ProductInput& p) { p.title = "Caf\xe9"; },
       "title"},
      {"overlong UTF-8 vendor",
       [](ProductInput& p) { p.vendor = "\xc0\xaf"; }, "vendor"},
      {"cut description",
       [](ProductInput& p) { p.description = "<p>\xe2\x82</p>"; },
       "description"},
      {"price too large",
       [](ProductInput& p) {
         p.variants[0].price =
             Money(shopkit::kMaxPriceMinorUnits + 1, "USD");
       },
       "variants[0].price"},
      {"stock too large",
       [](ProductInput& p) { p.variants[0].stock = shopkit::kMaxStock + 1; },
       "variants[0].stock"},
      {"backorder too deep",
       [](ProductInput& p) {
         p.variants[0].allow_backorder = true;
         p.variants[0].stock = -shopkit::kMaxStock - 1;
       },
       "variants[0].stock"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto input = simple_product("Thing", "X-1");
    c.change(input);
    auto error = error_of([&] { f.admin().create_product(owner, store, input); });
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(error.field() == c.field);
  }
}

TEST_CASE("partial update changes named fields") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = simple_product("Mug", "M1", 1500, 4);
  input.vendor = "Acme";
  input.tags = {"kitchen"};
  auto product = f.admin().create_product(owner, store, input);

  ProductUpdate update;
  update.title = "Big Mug";
  auto updated = f.admin().update_product(owner, store, product.id, update);
  CHECK(updated.title == "Big Mug");
  CHECK(updated.handle == "mug");
  CHECK(updated.vendor == "Acme");
  CHECK(updated.tags == std::vector<std::string>{"kitchen"});
  REQUIRE(updated.variants.size() == 1);
  CHECK(updated.variants[0].id == product.variants[0].id);
  CHECK(updated.variants[0].price == Money(1500, "USD"));
  CHECK(updated.variants[0].stock == 4);

  auto read = f.admin().get_product(owner, store, product.id);
  CHECK(read.title == "Big Mug");
  CHECK(read.vendor == "Acme");
  CHECK(read.status == ProductStatus::active);
}

TEST_CASE("update variants keeps ids by SKU") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = simple_product("Shirt", "S-S");
  input.options = {"Size"};
  input.variants[0].options = {"S"};
  auto product = f.admin().create_product(owner, store, input);

  ProductUpdate update;
  update.variants = std::vector<shopkit::VariantInput>(2);
  (*update.variants)[0].sku = "S-S";
  (*update.variants)[0].options = {"S"};
  (*update.variants)[0].price = Money(1200, "USD");
  (*update.variants)[1].sku = "S-M";
  (*update.variants)[1].options = {"M"};
  (*update.variants)[1].price = Money(1300, "USD");
  (*update.variants)[1].stock = 3;
  auto updated = f.admin().update_product(owner, store, product.id, update);
  REQUIRE(updated.variants.size() == 2);
  CHECK(updated.variants[0].id == product.variants[0].id);
  CHECK(updated.variants[0].stock == 10);
  CHECK(updated.variants[0].price == Money(1200, "USD"));
  CHECK(updated.variants[1].stock == 3);
  auto read = f.admin().get_product(owner, store, product.id);
  CHECK(read.variants.size() == 2);
  CHECK(read.variants[1].sku == "S-M");
}

TEST_CASE("update may swap SKUs") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto input = simple_product("Shirt", "A");
  input.options = {"Size"};
  input.variants[0].options = {"S"};
  auto second = input.variants[0];
  second.sku = "B";
  second.options = {"M"};
  input.variants.push_back(second);
  auto product = f.admin().create_product(owner, store, input);

  ProductUpdate update;
  std::vector<shopkit::VariantInput> variants(2);
  for (int i = 0; i < 2; ++i) {
    variants[i].id = product.variants[i].id;
    variants[i].options = product.variants[i].options;
    variants[i].price = Money(100, "USD");
  }
  variants[0].sku = "B";
  variants[1].sku = "A";
  update.variants = variants;
  auto updated = f.admin().update_product(owner, store, product.id, update);
  CHECK(updated.variants[0].sku == "B");
  CHECK(updated.variants[1].sku == "A");
}

TEST_CASE("failed update changes nothing") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  f.admin().create_product(owner, store, simple_product("Cup", "CUP"));
  auto product = f.admin().create_product(owner, store, simple_product("Mug", "MUG"));
  ProductUpdate update;
  update.title = "Renamed";
  update.variants = std::vector<shopkit::VariantInput>(1);
  (*update.variants)[0].sku = "CUP";
  (*update.variants)[0].price = Money(1, "USD");
  CHECK_THROWS_AS(f.admin().update_product(owner, store, product.id, update),
                  shopkit::Error);
  auto read = f.admin().get_product(owner, store, product.id);
  CHECK(read.title == "Mug");
  CHECK(read.variants[0].sku == "MUG");
}

TEST_CASE("deleted product is not found") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  auto product = f.admin().create_product(owner, store, simple_product("Mug", "M"));
  f.admin().delete_product(owner, store, product.id);
  auto error = error_of([&] { f.admin().get_product(owner, store, product.id); });
  CHECK(error.code() == ErrorCode::not_found);
  auto again = error_of([&] { f.admin().delete_product(owner, store, product.id); });
  CHECK(again.code() == ErrorCode::not_found);
  // The SKU is free again.
  f.admin().create_product(owner, store, simple_product("Mug", "M"));
}

TEST_CASE("list products sorted by price") {
  StoreFixture f;
  auto owner = f.user();
  auto store = f.store(owner, "acme");
  f.admin().create_product(owner, store, simple_product("B", "B", 300));
  f.admin().create_product(owner, store, simple_product("A", "A", 100));
  f.admin().create_product(owner, store, simple_product("C", "C", 200));
  shopkit::ProductSearch search;
  search.sort = shopkit::ProductSort::price;
  search.limit = 2;
  auto first = f.admin().list_products(owner, store, search);
  REQUIRE(first.items.size() == 2);
  CHECK(first.items[0].title == "A");
  CHECK(first.items[1].title == "C");
  REQUIRE_FALSE(first.next_cursor.empty());
  search.cursor = first.next_cursor;
  auto second = f.admin().list_products(owner, store, search);
  REQUIRE(second.items.size() == 1);
  CHECK(second.items[0].title == "B");
  CHECK(second.next_cursor.empty());
}
