#include <doctest/doctest.h>

#include "import_fixture.h"

using shopkit::ErrorCode;
using shopkit::ImportFormat;
using shopkit::Money;
using shopkit::ProductStatus;
using shopkit::testing::ImportFixture;

namespace {

// Two products: a shirt with two variants and an extra image-only row,
// and a mug with the single default variant.
const char* const kShopify =
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
    "Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Grams,"
    "Variant Inventory Qty,Variant Inventory Policy,Variant Price,"
    "Variant Compare At Price,Variant Barcode,Image Src,Image Position,"
    "Image Alt Text,Variant Image,Status\r\n"
    "linen-shirt,Linen Shirt,\"<p>Cool,\r\nlight</p>\",Acme,Shirts,"
    "\"summer, linen\",true,Size,S,Color,Blue,LS-S,200,12,deny,49.99,"
    "59.99,123456,https://example.com/s1.jpg,1,Front,,active\r\n"
    "linen-shirt,,,,,,,,M,,Blue,LS-M,210,0,continue,49.99,,,"
    "https://example.com/s2.jpg,2,Back,https://example.com/s3.jpg,\r\n"
    "linen-shirt,,,,,,,,,,,,,,,,,,https://example.com/s4.jpg,3,Side,,\r\n"
    "mug,Mug,Plain mug,Acme,Kitchen,,false,Title,Default Title,,,MUG-1,"
    ",5,deny,12,,,,,,,\r\n";

}  // namespace

TEST_CASE("shopify rows group into products") {
  ImportFixture f;
  auto report = f.import(kShopify);
  CHECK(report.format == ImportFormat::shopify);
  CHECK(report.rows_read == 4);
  CHECK(report.products_created == 2);
  CHECK(report.variants_written == 3);
  CHECK(report.images_written == 4);
  CHECK(report.error_count == 0);
  auto catalog = f.catalog();
  REQUIRE(catalog.size() == 2);
  const auto& shirt = catalog.at("linen-shirt");
  CHECK(shirt.options == std::vector<std::string>{"Size", "Color"});
  CHECK(shirt.variants.size() == 2);
  CHECK(shirt.images.size() == 4);
}

TEST_CASE("shopify product fields are kept") {
  ImportFixture f;
  f.import(kShopify);
  auto shirt = f.catalog().at("linen-shirt");
  CHECK(shirt.title == "Linen Shirt");
  CHECK(shirt.description == "<p>Cool,\r\nlight</p>");
  CHECK(shirt.vendor == "Acme");
  CHECK(shirt.product_type == "Shirts");
  CHECK(shirt.tags == std::vector<std::string>{"summer", "linen"});
  CHECK(shirt.status == ProductStatus::active);
}

TEST_CASE("shopify variant fields are kept") {
  ImportFixture f;
  f.import(kShopify);
  auto shirt = f.catalog().at("linen-shirt");
  const auto& small = shirt.variants[0];
  CHECK(small.sku == "LS-S");
  CHECK(small.options == std::vector<std::string>{"S", "Blue"});
  CHECK(small.price == Money(4999, "USD"));
  REQUIRE(small.compare_at_price.has_value());
  CHECK(*small.compare_at_price == Money(5999, "USD"));
  CHECK(small.stock == 12);
  CHECK_FALSE(small.allow_backorder);
  CHECK(small.weight_grams == 200);
  CHECK(small.barcode == "123456");
  const auto& medium = shirt.variants[1];
  CHECK(medium.options == std::vector<std::string>{"M", "Blue"});
  CHECK(medium.allow_backorder);
  CHECK_FALSE(medium.compare_at_price.has_value());
  CHECK_FALSE(medium.barcode.has_value());
}

TEST_CASE("shopify images keep order and alt") {
  ImportFixture f;
  f.import(kShopify);
  auto shirt = f.catalog().at("linen-shirt");
  REQUIRE(shirt.images.size() == 4);
  CHECK(shirt.images[0].url == "https://example.com/s1.jpg");
  CHECK(shirt.images[0].alt == "Front");
  CHECK(shirt.images[1].url == "https://example.com/s2.jpg");
  CHECK(shirt.images[2].url == "https://example.com/s4.jpg");
  CHECK(shirt.images[2].alt == "Side");
  // The variant image is not a product image yet, so it is added last.
  CHECK(shirt.images[3].url == "https://example.com/s3.jpg");
  CHECK(shirt.images[3].position == 4);
}

TEST_CASE("shopify default title is one variant") {
  ImportFixture f;
  f.import(kShopify);
  auto mug = f.catalog().at("mug");
  CHECK(mug.options.empty());
  REQUIRE(mug.variants.size() == 1);
  CHECK(mug.variants[0].options.empty());
  CHECK(mug.variants[0].price == Money(1200, "USD"));
  CHECK_FALSE(mug.variants[0].weight_grams.has_value());
  CHECK(mug.status == ProductStatus::draft);  // Published false.
}

TEST_CASE("shopify columns in any order") {
  ImportFixture f;
  auto report = f.import(
      "\xEF\xBB\xBFVariant Price,Title,Option1 Value,handle,Option1 Name\n"
      "5,Pen,Red,pen,Color\n"
      "6,,Blue,pen,\n");
  CHECK(report.error_count == 0);
  auto pen = f.catalog().at("pen");
  CHECK(pen.title == "Pen");
  REQUIRE(pen.variants.size() == 2);
  CHECK(pen.variants[1].options == std::vector<std::string>{"Blue"});
  CHECK(pen.variants[1].price == Money(600, "USD"));
}

TEST_CASE("shopify newer column names") {
  ImportFixture f;
  auto report = f.import(
      "Title,URL handle,Description,SKU,Price,Compare-at price,"
      "Inventory quantity,Continue selling when out of stock,"
      "Weight value (grams),Product image URL,Status\n"
      "Cap,cap,<p>Warm</p>,CAP-1,15.5,20,3,TRUE,80.4,"
      "https://example.com/cap.jpg,draft\n");
  CHECK(report.format == ImportFormat::shopify);
  CHECK(report.error_count == 0);
  auto cap = f.catalog().at("cap");
  CHECK(cap.description == "<p>Warm</p>");
  CHECK(cap.status == ProductStatus::draft);
  REQUIRE(cap.variants.size() == 1);
  CHECK(cap.variants[0].sku == "CAP-1");
  CHECK(cap.variants[0].price == Money(1550, "USD"));
  CHECK(cap.variants[0].stock == 3);
  CHECK(cap.variants[0].allow_backorder);
  CHECK(cap.variants[0].weight_grams == 80);
  CHECK(cap.images.size() == 1);
}

TEST_CASE("prices follow the store currency") {
  ImportFixture f;
  auto yen = f.store(f.owner, "yen-shop", "JPY");
  auto report = f.admin().import_products(
      f.owner, yen, "Handle,Title,Variant Price\nfan,Fan,1500\nbad,Bad,10.5\n");
  CHECK(report.products_created == 1);
  CHECK(f.catalog(yen).at("fan").variants[0].price == Money(1500, "JPY"));
  auto error = shopkit::testing::error_at(report, 3);
  CHECK(error.column == "Variant Price");
  CHECK(shopkit::testing::contains(error.message, "JPY"));
}

TEST_CASE("second import finds the same products") {
  ImportFixture f;
  f.import(kShopify);
  auto first = f.catalog();
  auto report = f.import(kShopify);
  CHECK(report.products_created == 0);
  CHECK(report.products_updated == 0);
  CHECK(report.products_unchanged == 2);
  CHECK(report.variants_written == 0);
  auto second = f.catalog();
  REQUIRE(second.size() == 2);
  CHECK(second.at("linen-shirt").id == first.at("linen-shirt").id);
  CHECK(second.at("linen-shirt").variants[0].id ==
        first.at("linen-shirt").variants[0].id);
  // The mug's variant has a SKU; a variant without one is matched by its
  // option values instead, which the next case covers.
  CHECK(second.at("mug").variants[0].id == first.at("mug").variants[0].id);
  CHECK(second.at("mug").updated_at == first.at("mug").updated_at);
}

TEST_CASE("reimport keeps variants without SKU") {
  ImportFixture f;
  const char* text =
      "Handle,Title,Option1 Name,Option1 Value,Variant Price,"
      "Variant Inventory Qty\n"
      "cup,Cup,Size,S,3,1\ncup,,,L,4,2\n";
  f.import(text);
  auto before = f.catalog().at("cup");
  f.import(std::string(text) + "cup,,,XL,5,3\n");
  auto after = f.catalog().at("cup");
  REQUIRE(after.variants.size() == 3);
  CHECK(after.variants[0].id == before.variants[0].id);
  CHECK(after.variants[1].id == before.variants[1].id);
  CHECK(after.variants[2].options == std::vector<std::string>{"XL"});
}

TEST_CASE("reimport changes fields and stock") {
  ImportFixture f;
  f.import(
      "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
      "pen,Pen,PEN,5,10\n");
  auto report = f.import(
      "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
      "pen,Fine Pen,PEN,6,4\n");
  CHECK(report.products_updated == 1);
  auto pen = f.catalog().at("pen");
  CHECK(pen.title == "Fine Pen");
  CHECK(pen.variants[0].price == Money(600, "USD"));
  CHECK(pen.variants[0].stock == 4);
}

TEST_CASE("empty quantity keeps stock on reimport") {
  ImportFixture f;
  f.import(
      "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
      "pen,Pen,PEN,5,10\n");
  f.import(
      "Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\n"
      "pen,Pen,PEN,5,\n");
  CHECK(f.catalog().at("pen").variants[0].stock == 10);
}

TEST_CASE("dry run writes nothing") {
  ImportFixture f;
  f.import("Handle,Title,Variant Price\nold,Old,1\n");
  const std::string db_before = shopkit::testing::read_bytes(f.store_file());
  const std::string wal_before =
      shopkit::testing::read_bytes(f.store_file().string() + "-wal");
  shopkit::ImportOptions options;
  options.dry_run = true;
  auto report = f.import(
      "Handle,Title,Option1 Name,Option1 Value,Variant Price\n"
      "old,Old again,,,2\nnew,New,Size,S,3\nnew,,,M,4\n",
      options);
  CHECK(report.dry_run);
  CHECK(report.products_created == 1);
  CHECK(report.products_updated == 1);
  CHECK(report.variants_written == 3);
  CHECK(f.catalog().size() == 1);
  CHECK(f.catalog().at("old").title == "Old");
  CHECK(shopkit::testing::read_bytes(f.store_file()) == db_before);
  CHECK(shopkit::testing::read_bytes(f.store_file().string() + "-wal") ==
        wal_before);
}

TEST_CASE("dry run reports the same errors") {
  ImportFixture f;
  const char* text = "Handle,Title,Variant Price\na,A,x\nb,B,2\n";
  shopkit::ImportOptions options;
  options.dry_run = true;
  auto dry = f.import(text, options);
  auto real = f.import(text);
  CHECK(dry.error_count == 1);
  CHECK(real.error_count == 1);
  CHECK(dry.errors[0].line == real.errors[0].line);
  CHECK(dry.products_created == real.products_created);
}

TEST_CASE("progress is called per batch") {
  ImportFixture f;
  std::string text = "Handle,Title,Variant Price\n";
  // Three batches: two full ones (1,024 products each) and the rest.
  for (int i = 0; i < 2100; ++i) {
    text += "p" + std::to_string(i) + ",P,1\n";
  }
  std::vector<std::int64_t> rows_seen;
  shopkit::ImportOptions options;
  options.progress = [&](const shopkit::ImportReport& report) {
    rows_seen.push_back(report.rows_read);
  };
  auto report = f.import(text, options);
  CHECK(report.products_created == 2100);
  REQUIRE(rows_seen.size() >= 3);
  CHECK(rows_seen.back() == 2100);
  CHECK(std::is_sorted(rows_seen.begin(), rows_seen.end()));
}

TEST_CASE("import from a stream") {
  ImportFixture f;
  std::istringstream in(kShopify);
  auto report = f.admin().import_products(f.owner, f.store_id, in);
  CHECK(report.products_created == 2);
  CHECK(f.catalog().size() == 2);
}
