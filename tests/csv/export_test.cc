#include <doctest/doctest.h>

#include "csv/header_map.h"
#include "csv/reader.h"
#include "import_fixture.h"

using shopkit::Image;
using shopkit::Money;
using shopkit::Product;
using shopkit::ProductInput;
using shopkit::ProductStatus;
using shopkit::VariantInput;
using shopkit::testing::ImportFixture;

namespace {

VariantInput variant(std::string sku, std::vector<std::string> options,
                     std::int64_t price) {
  VariantInput input;
  input.sku = std::move(sku);
  input.options = std::move(options);
  input.price = Money(price, "USD");
  return input;
}

// A shirt with every field set, two variants and three images.
ProductInput shirt() {
  ProductInput input;
  input.title = "Linen Shirt, \"Summer\"";
  input.handle = "linen-shirt";
  input.description = "<p>Cool,\nlight \"linen\"</p>\r\n<p>Second</p>";
  input.status = ProductStatus::active;
  input.vendor = "Acme";
  input.product_type = "Shirts";
  input.tags = {"summer", "linen"};
  input.categories = {"Clothing > Shirts", "Sale"};
  input.options = {"Size", "Color"};
  VariantInput small = variant("LS-S", {"S", "Blue"}, 4999);
  small.compare_at_price = Money(5999, "USD");
  small.stock = 12;
  small.weight_grams = 200;
  small.barcode = "0123456789012";
  VariantInput medium = variant("LS-M", {"M", "Blue"}, 5099);
  medium.stock = -2;
  medium.allow_backorder = true;
  input.variants = {small, medium};
  input.images = {{"https://example.com/1.jpg", "Front", 1},
                  {"https://example.com/2.jpg", "", 2},
                  {"https://example.com/3.jpg", "Side, left", 3}};
  return input;
}

// A draft with the single default variant, no SKU and no image.
ProductInput note() {
  ProductInput input;
  input.title = "Gift Note";
  input.status = ProductStatus::draft;
  input.variants = {variant("", {}, 150)};
  return input;
}

// An archived product with three variants and one image.
ProductInput mug() {
  ProductInput input;
  input.title = "Mug";
  input.status = ProductStatus::archived;
  input.options = {"Size", "Glaze", "Handle"};
  input.variants = {variant("M-1", {"S", "Matte", "Round"}, 900),
                    variant("M-2", {"M", "Matte", "Round"}, 1000),
                    variant("M-3", {"L", "Gloss", "Square"}, 1100)};
  input.images = {{"https://example.com/mug.jpg", "Mug", 0}};
  return input;
}

void check_same(const Product& a, const Product& b) {
  CHECK(a.handle == b.handle);
  CHECK(a.title == b.title);
  CHECK(a.description == b.description);
  CHECK(a.status == b.status);
  CHECK(a.vendor == b.vendor);
  CHECK(a.product_type == b.product_type);
  CHECK(a.tags == b.tags);
  CHECK(a.categories == b.categories);
  CHECK(a.options == b.options);
  REQUIRE(a.variants.size() == b.variants.size());
  for (std::size_t i = 0; i < a.variants.size(); ++i) {
    CAPTURE(i);
    CHECK(a.variants[i].sku == b.variants[i].sku);
    CHECK(a.variants[i].options == b.variants[i].options);
    CHECK(a.variants[i].price == b.variants[i].price);
    CHECK(a.variants[i].compare_at_price == b.variants[i].compare_at_price);
    CHECK(a.variants[i].stock == b.variants[i].stock);
    CHECK(a.variants[i].allow_backorder == b.variants[i].allow_backorder);
    CHECK(a.variants[i].weight_grams == b.variants[i].weight_grams);
    CHECK(a.variants[i].barcode == b.variants[i].barcode);
  }
  REQUIRE(a.images.size() == b.images.size());
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    CAPTURE(i);
    CHECK(a.images[i].url == b.images[i].url);
    CHECK(a.images[i].alt == b.images[i].alt);
    CHECK(a.images[i].position == b.images[i].position);
  }
}

}  // namespace

TEST_CASE("export then import reproduces catalog") {
  ImportFixture f;
  for (const ProductInput& input : {shirt(), note(), mug()}) {
    f.admin().create_product(f.owner, f.store_id, input);
  }
  const std::string exported = f.admin().export_products(f.owner, f.store_id);
  auto copy = f.store(f.owner, "copy-store");
  auto report = f.admin().import_products(f.owner, copy, exported);
  CHECK(report.error_count == 0);
  CHECK(report.products_created == 3);
  auto original = f.catalog();
  auto imported = f.catalog(copy);
  REQUIRE(imported.size() == original.size());
  for (const auto& [handle, product] : original) {
    CAPTURE(handle);
    REQUIRE(imported.count(handle) == 1);
    check_same(product, imported.at(handle));
  }
}

TEST_CASE("export of an import is stable") {
  ImportFixture f;
  for (const ProductInput& input : {shirt(), note(), mug()}) {
    f.admin().create_product(f.owner, f.store_id, input);
  }
  const std::string first = f.admin().export_products(f.owner, f.store_id);
  auto copy = f.store(f.owner, "copy-store");
  f.admin().import_products(f.owner, copy, first);
  CHECK(f.admin().export_products(f.owner, copy) == first);
}

TEST_CASE("export rows follow the Shopify layout") {
  ImportFixture f;
  f.admin().create_product(f.owner, f.store_id, shirt());
  f.admin().create_product(f.owner, f.store_id, note());
  const std::string text = f.admin().export_products(f.owner, f.store_id);
  shopkit::csv::TextReader reader(text);
  auto header_record = reader.next();
  REQUIRE(header_record.has_value());
  shopkit::csv::HeaderMap header(*header_record);
  std::vector<shopkit::csv::Record> rows;
  while (auto row = reader.next()) rows.push_back(*row);
  // Sorted by title: the note (1 row), then the shirt (3 rows: two
  // variants, then an image-only row).
  REQUIRE(rows.size() == 4);
  auto cell = [&](std::size_t row, std::string_view column) {
    return std::string(header.find(column).raw(rows[row]));
  };
  CHECK(cell(0, "Handle") == "gift-note");
  CHECK(cell(0, "Option1 Name") == "Title");
  CHECK(cell(0, "Option1 Value") == "Default Title");
  CHECK(cell(0, "Published") == "false");
  CHECK(cell(0, "Status") == "draft");
  CHECK(cell(0, "Variant Price") == "1.50");
  CHECK(cell(1, "Title") == "Linen Shirt, \"Summer\"");
  CHECK(cell(1, "Tags") == "summer, linen");
  CHECK(cell(1, "Collection") == "Clothing > Shirts, Sale");
  CHECK(cell(1, "Variant Inventory Policy") == "deny");
  CHECK(cell(2, "Title").empty());
  CHECK(cell(2, "Option1 Value") == "M");
  CHECK(cell(2, "Variant Inventory Qty") == "-2");
  CHECK(cell(2, "Variant Inventory Policy") == "continue");
  CHECK(cell(3, "Handle") == "linen-shirt");
  CHECK(cell(3, "Variant Price").empty());
  CHECK(cell(3, "Image Src") == "https://example.com/3.jpg");
  CHECK(cell(3, "Image Position") == "3");
}

TEST_CASE("export of an empty store") {
  ImportFixture f;
  const std::string text = f.admin().export_products(f.owner, f.store_id);
  CHECK(text.rfind("Handle,Title,Body (HTML)", 0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
}

TEST_CASE("export pages through many products") {
  ImportFixture f;
  std::string text = "Handle,Title,Variant Price\n";
  for (int i = 0; i < 450; ++i) {
    text += "p" + std::to_string(i) + ",P " + std::to_string(i) + ",1\n";
  }
  f.import(text);
  std::ostringstream out;
  f.admin().export_products(f.owner, f.store_id, out);
  const std::string exported = out.str();
  CHECK(std::count(exported.begin(), exported.end(), '\n') == 451);
}

TEST_CASE("export needs the view right") {
  ImportFixture f;
  auto stranger = f.user();
  CHECK_THROWS_AS(f.admin().export_products(stranger, f.store_id),
                  shopkit::Error);
}
