#include <doctest/doctest.h>

#include "import_fixture.h"
#include "shopkit/json.h"

using shopkit::ErrorCode;
using shopkit::testing::contains;
using shopkit::testing::error_at;
using shopkit::testing::error_of;
using shopkit::testing::ImportFixture;

namespace {

const char* const kHeader =
    "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price\n";

}  // namespace

TEST_CASE("missing title skips only its product") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,,,A1,1\n"
                         "b,,,,B1,2\n"
                         "c,C,,,C1,3\n");
  CHECK(report.products_created == 2);
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 3);
  CHECK(error.column == "Title");
  CHECK(error.handle == "b");
  CHECK(contains(error.message, "missing Title"));
  CHECK(f.catalog().count("b") == 0);
}

TEST_CASE("price that is not a number") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,,,A1,1\n"
                         "b,B,,,B1,12abc\n");
  CHECK(report.products_created == 1);
  auto error = error_at(report, 3);
  CHECK(error.column == "Variant Price");
  CHECK(contains(error.message, "'12abc'"));
}

TEST_CASE("price with thousands separator") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) + "a,A,,,A1,\"1,000.00\"\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 2).column == "Variant Price");
}

TEST_CASE("price beyond currency precision") {
  ImportFixture f;
  auto kwd = f.store(f.owner, "kuwait-store", "KWD");
  auto report = f.admin().import_products(
      f.owner, kwd, std::string(kHeader) + "a,A,,,A1,1.234\nb,B,,,B1,1.2345\n");
  CHECK(report.products_created == 1);
  auto error = error_at(report, 3);
  CHECK(error.column == "Variant Price");
  CHECK(contains(error.message, "more than 3 decimal digits"));
  CHECK(contains(error.message, "KWD"));
}

TEST_CASE("duplicate SKU in the file") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,,,SAME,1\n"
                         "b,B,,,SAME,2\n");
  CHECK(report.products_created == 1);
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 3);
  CHECK(error.column == "Variant SKU");
  CHECK(contains(error.message, "duplicate SKU 'SAME'"));
  CHECK(contains(error.message, "line 2"));
}

TEST_CASE("duplicate SKU of another store product") {
  ImportFixture f;
  f.admin().create_product(f.owner, f.store_id,
                           shopkit::testing::simple_product("Old", "TAKEN"));
  auto report = f.import(std::string(kHeader) + "n,New,,,TAKEN,1\n");
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 2);
  CHECK(error.column == "Variant SKU");
  CHECK(contains(error.message, "'Old'"));
}

TEST_CASE("duplicate SKU inside one product") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,Size,S,DUP,1\n"
                         "a,,,M,DUP,2\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 3).column == "Variant SKU");
}

TEST_CASE("catalog rule errors point at a row") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,Size,S,A1,1\n"
                         "a,,,S,A2,2\n");
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 3);
  CHECK(error.column == "Option1 Value");
  CHECK(contains(error.message, "repeats the option values"));
}

TEST_CASE("bad handle is reported") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) + "Bad Handle,A,,,A1,1\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 2).column == "Handle");
}

TEST_CASE("missing option value") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,Size,S,A1,1\n"
                         "a,,,,A2,2\n");
  auto error = error_at(report, 3);
  CHECK(error.column == "Option1 Value");
  CHECK(contains(error.message, "'Size'"));
}

TEST_CASE("variant row under default title") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,Title,Default Title,A1,1\n"
                         "a,,,Large,A2,2\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 3).column == "Option1 Value");
}

TEST_CASE("handle rows split apart") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,Size,S,A1,1\n"
                         "b,B,,,B1,1\n"
                         "a,A,Size,M,A2,1\n");
  CHECK(report.products_created == 2);
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 4);
  CHECK(error.column == "Handle");
  CHECK(contains(error.message, "consecutive"));
}

TEST_CASE("row without handle") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) + ",A,,,A1,1\nb,B,,,B1,1\n");
  CHECK(report.products_created == 1);
  CHECK(error_at(report, 2).column == "Handle");
}

TEST_CASE("bad quantity and policy") {
  ImportFixture f;
  auto report = f.import(
      "Handle,Title,Variant Price,Variant Inventory Qty,"
      "Variant Inventory Policy\n"
      "a,A,1,many,deny\n"
      "b,B,1,2,sometimes\n"
      "c,C,1,-4,deny\n");
  CHECK(error_at(report, 2).column == "Variant Inventory Qty");
  CHECK(error_at(report, 3).column == "Variant Inventory Policy");
  CHECK(report.products_created == 1);
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].line == 4);
  CHECK(f.catalog().at("c").variants[0].stock == 0);
}

TEST_CASE("image position must be a number") {
  ImportFixture f;
  auto report = f.import(
      "Handle,Title,Variant Price,Image Src,Image Position\n"
      "a,A,1,https://example.com/a.jpg,first\n");
  CHECK(error_at(report, 2).column == "Image Position");
}

TEST_CASE("image URL must be http") {
  ImportFixture f;
  auto report = f.import(
      "Handle,Title,Variant Price,Image Src\n"
      "a,A,1,file:///etc/passwd\n");
  CHECK(report.products_skipped == 1);
  CHECK(error_at(report, 2).column == "Image Src");
}

TEST_CASE("malformed CSV row is reported") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,\"A\"x,,,A1,1\n"
                         "b,B,,,B1,1\n");
  CHECK(report.products_created == 1);
  auto error = error_at(report, 2);
  CHECK(contains(error.message, "closing quote"));
}

TEST_CASE("unclosed quote at the end") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,A,,,A1,1\n"
                         "b,\"B,,,B1,1\n");
  CHECK(report.products_created == 1);
  CHECK(contains(error_at(report, 3).message, "not closed"));
}

TEST_CASE("unread columns are named once") {
  ImportFixture f;
  auto report = f.import(
      "Handle,Title,Variant Price,SEO Title,Gift Card\n"
      "a,A,1,Buy A,false\nb,B,1,Buy B,false\n");
  REQUIRE(report.warnings.size() == 1);
  CHECK(report.warnings[0].column == "SEO Title");
  CHECK(report.warnings[0].line == 2);
}

TEST_CASE("listed errors are capped") {
  ImportFixture f;
  std::string text = kHeader;
  for (int i = 0; i < 20; ++i) {
    text += "p" + std::to_string(i) + ",P,,,,bad\n";
  }
  shopkit::ImportOptions options;
  options.max_listed_errors = 5;
  auto report = f.import(text, options);
  CHECK(report.error_count == 20);
  CHECK(report.errors.size() == 5);
}

TEST_CASE("empty file is invalid") {
  ImportFixture f;
  auto error = error_of([&] { f.import(""); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(contains(error.what(), "empty"));
}

TEST_CASE("unknown header is invalid") {
  ImportFixture f;
  auto error = error_of([&] { f.import("foo,bar\n1,2\n"); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(contains(error.what(), "no known layout"));
}

TEST_CASE("requested format must match") {
  ImportFixture f;
  shopkit::ImportOptions options;
  options.format = shopkit::ImportFormat::woocommerce;
  auto error = error_of(
      [&] { f.import("Handle,Title,Variant Price\na,A,1\n", options); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "format");
}

TEST_CASE("import needs the edit_catalog right") {
  ImportFixture f;
  auto stranger = f.user();
  auto error = error_of([&] {
    f.admin().import_products(stranger, f.store_id,
                              "Handle,Title,Variant Price\na,A,1\n");
  });
  CHECK(error.code() == ErrorCode::not_found);
  CHECK(f.catalog().empty());
}

TEST_CASE("format names round trip") {
  for (auto format :
       {shopkit::ImportFormat::detect, shopkit::ImportFormat::shopify,
        shopkit::ImportFormat::woocommerce, shopkit::ImportFormat::vendure}) {
    CHECK(shopkit::import_format_from_string(shopkit::to_string(format)) ==
          format);
  }
  CHECK_THROWS_AS(shopkit::import_format_from_string("excel"), shopkit::Error);
}

TEST_CASE("report converts to JSON") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) + "a,A,,,A1,x\n");
  nlohmann::json json = report;
  CHECK(json["format"] == "shopify");
  CHECK(json["rows_read"] == 1);
  CHECK(json["products_skipped"] == 1);
  REQUIRE(json["errors"].size() == 1);
  CHECK(json["errors"][0]["line"] == 2);
  CHECK(json["errors"][0]["column"] == "Variant Price");
  CHECK(json["errors"][0]["handle"] == "a");
}

TEST_CASE("text that is not UTF-8") {
  ImportFixture f;
  auto report = f.import(std::string(kHeader) +
                         "a,Caf\xe9 Cr\xe8me,,,A1,1\n"
                         "b,Plain,,,B1,2\n");
  CHECK(report.products_created == 1);
  CHECK(report.products_skipped == 1);
  auto error = error_at(report, 2);
  CHECK(error.column == "Title");
  CHECK(contains(error.message, "UTF-8"));
}

TEST_CASE("too many images of one handle") {
  ImportFixture f;
  std::string text = "Handle,Title,Variant Price,Image Src\n";
  text += "a,A,1,https://example.com/0.jpg\n";
  for (int i = 1; i <= 400; ++i) {
    text += "a,,,https://example.com/" + std::to_string(i) + ".jpg\n";
  }
  text += "b,B,2,https://example.com/b.jpg\n";
  auto report = f.import(text);
  CHECK(report.products_skipped == 1);
  CHECK(report.products_created == 1);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].handle == "a");
  CHECK(contains(report.errors[0].message, "250 images"));
}
