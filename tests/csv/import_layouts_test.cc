#include <doctest/doctest.h>

#include "csv/product_rows.h"
#include "import_fixture.h"

using shopkit::ImportFormat;
using shopkit::Money;
using shopkit::ProductStatus;
using shopkit::testing::contains;
using shopkit::testing::error_at;
using shopkit::testing::ImportFixture;

namespace {

const char* const kWooHeader =
    "ID,Type,SKU,Name,Published,Description,In stock?,Stock,"
    "Backorders allowed?,Weight (kg),Sale price,Regular price,Categories,"
    "Tags,Images,Parent,Position,Attribute 1 name,Attribute 1 value(s),"
    "Attribute 2 name,Attribute 2 value(s)\n";

}  // namespace

TEST_CASE("woocommerce variations before their parent") {
  ImportFixture f;
  auto report = f.import(
      std::string(kWooHeader) +
      "11,variation,tee-s,Tee - S,1,,1,3,0,,,10,,,https://example.com/s.jpg,"
      "tee,2,Size,S,,\n"
      "12,variation,tee-m,Tee - M,1,,1,4,0,,8,10,,,,id:10,1,Size,M,,\n"
      "10,variable,tee,Tee,1,<p>Soft</p>,1,,0,0.25,,,\"A > B, C\","
      "\"x, y\",https://example.com/t.jpg,,,Size,\"S, M\",,\n");
  CHECK(report.format == ImportFormat::woocommerce);
  CHECK(report.error_count == 0);
  CHECK(report.products_created == 1);
  auto tee = f.catalog().at("tee");
  CHECK(tee.description == "<p>Soft</p>");
  CHECK(tee.categories == std::vector<std::string>{"A > B", "C"});
  CHECK(tee.tags == std::vector<std::string>{"x", "y"});
  CHECK(tee.options == std::vector<std::string>{"Size"});
  REQUIRE(tee.variants.size() == 2);
  // Position orders the variations: M (1) before S (2).
  CHECK(tee.variants[0].sku == "tee-m");
  CHECK(tee.variants[0].price == Money(800, "USD"));
  CHECK(tee.variants[0].compare_at_price == Money(1000, "USD"));
  CHECK(tee.variants[1].stock == 3);
  CHECK(tee.variants[1].weight_grams == 250);  // The parent's 0.25 kg.
  REQUIRE(tee.images.size() == 2);
  CHECK(tee.images[1].url == "https://example.com/s.jpg");
}

TEST_CASE("woocommerce stock and backorders") {
  ImportFixture f;
  auto report = f.import(std::string(kWooHeader) +
                         "1,simple,a,Counted,1,,1,5,0,,,2,,,,,,,,,\n"
                         "2,simple,b,Untracked,1,,1,,0,,,2,,,,,,,,,\n"
                         "3,simple,c,Sold out,0,,0,,0,,,2,,,,,,,,,\n"
                         "4,simple,d,Backorder,1,,0,0,notify,,,2,,,,,,,,,\n");
  CHECK(report.products_created == 4);
  auto catalog = f.catalog();
  CHECK(catalog.at("counted").variants[0].stock == 5);
  CHECK_FALSE(catalog.at("counted").variants[0].allow_backorder);
  CHECK(catalog.at("untracked").variants[0].allow_backorder);
  CHECK_FALSE(catalog.at("sold-out").variants[0].allow_backorder);
  CHECK(catalog.at("sold-out").status == ProductStatus::draft);
  CHECK(catalog.at("backorder").variants[0].allow_backorder);
  CHECK(report.warning_count == 1);  // The untracked row.
}

TEST_CASE("woocommerce repeated names get suffixes") {
  ImportFixture f;
  auto report = f.import(std::string(kWooHeader) +
                         "1,simple,a,Cap,1,,1,1,0,,,2,,,,,,,,,\n"
                         "2,simple,b,Cap,1,,1,1,0,,,3,,,,,,,,,\n");
  CHECK(report.products_created == 2);
  auto catalog = f.catalog();
  CHECK(catalog.at("cap").variants[0].sku == "a");
  CHECK(catalog.at("cap-2").variants[0].sku == "b");
}

TEST_CASE("woocommerce variation without parent") {
  ImportFixture f;
  auto report = f.import(std::string(kWooHeader) +
                         "5,variation,v,V,1,,1,1,0,,,2,,,,nope,,Size,S,,\n"
                         "6,variation,w,W,1,,1,1,0,,,2,,,,,,Size,S,,\n");
  CHECK(report.products_created == 0);
  CHECK(error_at(report, 2).column == "Parent");
  CHECK(contains(error_at(report, 2).message, "'nope'"));
  CHECK(error_at(report, 3).column == "Parent");
}

TEST_CASE("woocommerce mixed any attribute") {
  ImportFixture f;
  auto report = f.import(std::string(kWooHeader) +
                         "1,variable,p,P,1,,1,,0,,,,,,,,,Size,\"S, M\",,\n"
                         "2,variation,p-s,P,1,,1,1,0,,,2,,,,p,,Size,S,,\n"
                         "3,variation,p-any,P,1,,1,1,0,,,2,,,,p,,Size,,,\n");
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 4);
  CHECK(error.column == "Attribute 1 value(s)");
  CHECK(contains(error.message, "'Size'"));
}

TEST_CASE("woocommerce unknown type and missing price") {
  ImportFixture f;
  auto report = f.import(std::string(kWooHeader) +
                         "1,bundle,a,A,1,,1,1,0,,,2,,,,,,,,,\n"
                         "2,simple,b,B,1,,1,1,0,,,,,,,,,,,,\n");
  CHECK(error_at(report, 2).column == "Type");
  CHECK(error_at(report, 3).column == "Regular price");
  CHECK(report.products_created == 0);
}

TEST_CASE("vendure rows and facets") {
  ImportFixture f;
  auto report = f.import(
      "name   ,slug  ,description,assets,facets,optionGroups,optionValues,"
      "sku,price,taxCategory,stockOnHand,trackInventory\n"
      "Lamp   ,lamp  ,\"A lamp\"   ,https://example.com/l.jpg|l2.jpg,"
      "category:Home|brand:Lux|color:red,size|color,small|red,L-1,"
      "19.90,standard,7,false\n"
      "       ,      ,,,,,large|red,L-2,24.00,standard,8,\n");
  CHECK(report.format == ImportFormat::vendure);
  CHECK(report.error_count == 0);
  auto lamp = f.catalog().at("lamp");
  CHECK(lamp.title == "Lamp");
  CHECK(lamp.description == "A lamp");
  CHECK(lamp.vendor == "Lux");
  CHECK(lamp.categories == std::vector<std::string>{"Home"});
  CHECK(lamp.tags == std::vector<std::string>{"red"});
  CHECK(lamp.options == std::vector<std::string>{"size", "color"});
  REQUIRE(lamp.variants.size() == 2);
  CHECK(lamp.variants[0].price == Money(1990, "USD"));
  CHECK(lamp.variants[0].allow_backorder);
  CHECK(lamp.variants[1].options == std::vector<std::string>{"large", "red"});
  CHECK(lamp.variants[1].stock == 8);
  CHECK(lamp.images.size() == 1);  // l2.jpg is a file name, not a URL.
  CHECK(report.warning_count == 1);
}

TEST_CASE("vendure option count must match") {
  ImportFixture f;
  auto report = f.import(
      "name,slug,optionGroups,optionValues,sku,price\n"
      "Lamp,lamp,size|color,small,L-1,1\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 2).column == "optionValues");
}

TEST_CASE("weights convert to grams") {
  using shopkit::csv::weight_to_grams;
  CHECK(weight_to_grams("1", "kg") == 1000);
  CHECK(weight_to_grams(".5", "lbs") == 227);
  CHECK(weight_to_grams("1", "lb") == 454);
  CHECK(weight_to_grams("1", "oz") == 28);
  CHECK(weight_to_grams("2.5", "g") == 3);
  CHECK(weight_to_grams("0.0001", "kg") == 0);
  CHECK_FALSE(weight_to_grams("-1", "kg").has_value());
  CHECK_FALSE(weight_to_grams("1e3", "kg").has_value());
  CHECK_FALSE(weight_to_grams("1", "stone").has_value());
  CHECK_FALSE(weight_to_grams(".", "kg").has_value());
  CHECK_FALSE(weight_to_grams("1.2.3", "kg").has_value());
}

TEST_CASE("list splitting trims and drops empties") {
  using shopkit::csv::split_list;
  CHECK(split_list(" a, b ,,c ", ',') ==
        std::vector<std::string>{"a", "b", "c"});
  CHECK(split_list("", ',').empty());
  CHECK(split_list("x|y", '|') == std::vector<std::string>{"x", "y"});
}
