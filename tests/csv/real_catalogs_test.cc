// Imports sample catalogs exported by real shop systems (Shopify,
// WooCommerce, Vendure). The files live outside the repository, in the
// folder SHOPKIT_CATALOG_DIR names (environment variable) or else in
// the build's default SHOPKIT_DEFAULT_CATALOG_DIR. When neither exists
// each case prints a "real catalogs skipped" message and passes, and
// ctest reports the test as skipped. The expected values below were
// read from the files by hand.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>

#include "import_fixture.h"

namespace fs = std::filesystem;
using shopkit::ImportFormat;
using shopkit::Money;
using shopkit::ProductStatus;
using shopkit::testing::ImportFixture;

namespace {

std::optional<fs::path> catalog_file(const std::string& name) {
  const char* from_environment = std::getenv("SHOPKIT_CATALOG_DIR");
  const fs::path dir = from_environment != nullptr
                           ? fs::path(from_environment)
                           : fs::path(SHOPKIT_DEFAULT_CATALOG_DIR);
  fs::path file = dir / name;
  if (!fs::exists(file)) return std::nullopt;
  return file;
}

// Imports catalog file `name` into the fixture's store from a stream.
std::optional<shopkit::ImportReport> import_file(ImportFixture& f,
                                                 const std::string& name) {
  std::optional<fs::path> file = catalog_file(name);
  if (!file) {
    MESSAGE("real catalogs skipped: " << name
                                      << " not found; set SHOPKIT_CATALOG_DIR "
                                         "to the folder of sample catalogs");
    return std::nullopt;
  }
  std::ifstream in(*file, std::ios::binary);
  REQUIRE(in.good());
  return f.admin().import_products(f.owner, f.store_id, in);
}

std::vector<std::string> option_values(const shopkit::Product& product) {
  std::vector<std::string> values;
  for (const auto& variant : product.variants) {
    for (const auto& value : variant.options) values.push_back(value);
  }
  return values;
}

}  // namespace

TEST_CASE("jewelery.csv counts") {
  ImportFixture f;
  auto report = import_file(f, "jewelery.csv");
  if (!report) return;
  CHECK(report->format == ImportFormat::shopify);
  CHECK(report->rows_read == 41);
  CHECK(report->error_count == 0);
  CHECK(report->products_created == 20);
  CHECK(report->variants_written == 23);
  CHECK(report->images_written == 41);
  CHECK(f.catalog().size() == 20);
}

TEST_CASE("jewelery.csv field values") {
  ImportFixture f;
  if (!import_file(f, "jewelery.csv")) return;
  auto catalog = f.catalog();
  const auto& anchor = catalog.at("leather-anchor");
  CHECK(anchor.title == "Anchor Bracelet Mens");
  CHECK(anchor.vendor == "Company 123");
  CHECK(anchor.product_type == "Bracelet");
  CHECK(anchor.status == ProductStatus::active);
  CHECK(anchor.tags ==
        std::vector<std::string>{"Anchor", "Gold", "Leather", "Silver"});
  CHECK(anchor.options == std::vector<std::string>{"Color"});
  CHECK(option_values(anchor) == std::vector<std::string>{"Gold", "Silver"});
  REQUIRE(anchor.variants.size() == 2);
  CHECK(anchor.variants[0].price == Money(6999, "USD"));
  CHECK(anchor.variants[1].price == Money(5500, "USD"));
  CHECK(anchor.variants[1].compare_at_price == Money(8500, "USD"));
  CHECK(anchor.variants[0].stock == 1);
  CHECK(anchor.variants[1].stock == 0);
  REQUIRE(anchor.images.size() == 3);
  CHECK(anchor.images[2].url ==
        "https://burst.shopifycdn.com/photos/"
        "leather-anchor-bracelet-for-men_925x.jpg");
}

TEST_CASE("jewelery.csv quirks") {
  ImportFixture f;
  if (!import_file(f, "jewelery.csv")) return;
  auto catalog = f.catalog();
  CHECK(catalog.at("gemstone").options == std::vector<std::string>{"Colour"});
  CHECK(catalog.at("gemstone").images.size() == 4);
  CHECK(catalog.at("boho-earrings").variants[0].weight_grams == 28);
  CHECK(catalog.count("dainty-gold-neclace") == 1);
  CHECK(catalog.at("bangle-bracelet").options.empty());
  std::size_t multi_line = 0;
  for (const auto& [handle, product] : catalog) {
    if (product.description.find('\n') != std::string::npos) ++multi_line;
  }
  CHECK(multi_line == 2);
}

TEST_CASE("home-and-garden.csv counts") {
  ImportFixture f;
  auto report = import_file(f, "home-and-garden.csv");
  if (!report) return;
  CHECK(report->rows_read == 21);
  CHECK(report->error_count == 0);
  CHECK(report->products_created == 20);
  CHECK(report->variants_written == 21);
  CHECK(report->images_written == 21);
}

TEST_CASE("home-and-garden.csv field values") {
  ImportFixture f;
  if (!import_file(f, "home-and-garden.csv")) return;
  auto catalog = f.catalog();
  const auto& pot = catalog.at("clay-plant-pot");
  CHECK(pot.options == std::vector<std::string>{"Size"});
  REQUIRE(pot.variants.size() == 2);
  CHECK(pot.variants[0].options == std::vector<std::string>{"Regular"});
  CHECK(pot.variants[0].price == Money(999, "USD"));
  CHECK(pot.variants[1].price == Money(1599, "USD"));
  CHECK(pot.variants[1].stock == 3);
  CHECK(pot.images.size() == 2);
  CHECK(pot.description == "<p>Classic blown clay pot for plants</p>");
  CHECK(catalog.at("cream-sofa").variants[0].price == Money(50000, "USD"));
  CHECK(catalog.at("cream-sofa").variants[0].compare_at_price ==
        Money(75000, "USD"));
  // Image Src with an empty Image Position.
  CHECK(catalog.at("pink-armchair").images.size() == 1);
  CHECK(catalog.at("biodegradable-cardboard-pots").variants[0].stock == 8);
}

TEST_CASE("sample_products.csv counts") {
  ImportFixture f;
  auto report = import_file(f, "sample_products.csv");
  if (!report) return;
  CHECK(report->format == ImportFormat::woocommerce);
  CHECK(report->rows_read == 25);
  CHECK(report->error_count == 0);
  // 18 products less the grouped one, which is reported as a warning.
  CHECK(report->products_created == 17);
  CHECK(report->variants_written == 22);
  CHECK(report->images_written == 22);
  bool grouped_warning = false;
  for (const auto& warning : report->warnings) {
    if (shopkit::testing::contains(warning.message, "Logo Collection")) {
      grouped_warning = true;
    }
  }
  CHECK(grouped_warning);
}

TEST_CASE("sample_products.csv variable products") {
  ImportFixture f;
  if (!import_file(f, "sample_products.csv")) return;
  auto catalog = f.catalog();
  const auto& vneck = catalog.at("v-neck-t-shirt");
  // Size is "any" on every variation, so Color is the only option.
  CHECK(vneck.options == std::vector<std::string>{"Color"});
  CHECK(option_values(vneck) ==
        std::vector<std::string>{"Red", "Green", "Blue"});
  CHECK(vneck.variants[2].sku == "woo-vneck-tee-blue");
  CHECK(vneck.variants[2].price == Money(1500, "USD"));
  CHECK(vneck.variants[0].weight_grams == 227);  // Parent's .5 lbs.
  CHECK(vneck.categories == std::vector<std::string>{"Clothing > Tshirts"});
  CHECK(vneck.images.size() == 3);
  const auto& hoodie = catalog.at("hoodie");
  CHECK(hoodie.options == std::vector<std::string>{"Color", "Logo"});
  REQUIRE(hoodie.variants.size() == 4);
  const auto& red = hoodie.variants[1];
  CHECK(red.sku == "woo-hoodie-red");
  CHECK(red.options == std::vector<std::string>{"Red", "No"});
  CHECK(red.price == Money(4200, "USD"));
  CHECK(red.compare_at_price == Money(4500, "USD"));
  CHECK(red.allow_backorder);  // In stock, Stock empty: not counted.
}

TEST_CASE("sample_products.csv simple products") {
  ImportFixture f;
  if (!import_file(f, "sample_products.csv")) return;
  auto catalog = f.catalog();
  const auto& beanie = catalog.at("beanie");
  CHECK(beanie.options == std::vector<std::string>{"Color"});
  CHECK(beanie.variants[0].options == std::vector<std::string>{"Red"});
  CHECK(beanie.variants[0].price == Money(1800, "USD"));
  CHECK(beanie.variants[0].compare_at_price == Money(2000, "USD"));
  CHECK(beanie.variants[0].weight_grams == 91);  // .2 lbs.
  CHECK(catalog.at("wordpress-pennant").variants[0].price ==
        Money(1105, "USD"));
  CHECK(catalog.at("album").categories == std::vector<std::string>{"Music"});
  CHECK(catalog.at("t-shirt-with-logo").variants[0].sku == "Woo-tshirt-logo");
  CHECK(catalog.count("logo-collection") == 0);
}

TEST_CASE("products.csv from Vendure") {
  ImportFixture f;
  auto report = import_file(f, "products.csv");
  if (!report) return;
  CHECK(report->format == ImportFormat::vendure);
  CHECK(report->rows_read == 88);
  // The three variants of Modern Cafe Chair share one SKU, so that
  // product is skipped with an error on its second and third rows.
  CHECK(report->products_created == 53);
  CHECK(report->products_skipped == 1);
  CHECK(report->error_count == 2);
  CHECK(report->variants_written == 85);
  auto catalog = f.catalog();
  const auto& laptop = catalog.at("laptop");
  CHECK(laptop.options == std::vector<std::string>{"screen size", "RAM"});
  REQUIRE(laptop.variants.size() == 4);
  CHECK(laptop.variants[0].options ==
        std::vector<std::string>{"13 inch", "8GB"});
  CHECK(laptop.variants[0].sku == "L2201308");
  CHECK(laptop.variants[0].price == Money(129900, "USD"));
  CHECK(laptop.variants[0].stock == 100);
  CHECK(laptop.vendor == "Apple");
  CHECK(laptop.categories ==
        std::vector<std::string>{"Electronics", "Computers"});
  CHECK(laptop.images.empty());  // Assets are file names, not URLs.
}

TEST_CASE("real catalogs import twice") {
  ImportFixture f;
  for (const char* name :
       {"jewelery.csv", "home-and-garden.csv", "sample_products.csv"}) {
    auto first = import_file(f, name);
    if (!first) return;
    auto second = import_file(f, name);
    CHECK(second->products_created == 0);
    CHECK(second->products_unchanged == first->products_created);
    CHECK(second->products_updated == 0);
    CHECK(second->error_count == 0);
  }
  CHECK(f.catalog().size() == 57);
}
