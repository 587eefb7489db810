// Imports the sample catalog that the project ships for its demo.
#include <doctest/doctest.h>

#include "import_fixture.h"

using shopkit::Money;
using shopkit::ProductStatus;
using shopkit::testing::ImportFixture;

namespace {

shopkit::ImportReport import_sample(ImportFixture& f) {
  const std::string text = shopkit::testing::read_bytes(
      std::filesystem::path(SHOPKIT_EXAMPLES_DATA_DIR) / "harbor-goods.csv");
  REQUIRE_FALSE(text.empty());
  return f.import(text);
}

}  // namespace

TEST_CASE("sample catalog imports cleanly") {
  ImportFixture f;
  auto report = import_sample(f);
  CHECK(report.rows_read == 37);
  CHECK(report.error_count == 0);
  CHECK(report.warning_count == 0);
  CHECK(report.products_created == 20);
  CHECK(report.variants_written == 35);
  CHECK(report.images_written == 27);
}

TEST_CASE("sample catalog field values") {
  ImportFixture f;
  import_sample(f);
  auto catalog = f.catalog();
  const auto& beans = catalog.at("dockside-espresso-beans");
  CHECK(beans.options == std::vector<std::string>{"Size", "Grind"});
  REQUIRE(beans.variants.size() == 4);
  CHECK(beans.variants[3].sku == "COF-DOCK-1000-E");
  CHECK(beans.variants[3].options ==
        std::vector<std::string>{"1 kg", "Espresso"});
  CHECK(beans.variants[3].price == Money(3800, "USD"));
  CHECK(beans.variants[3].compare_at_price == Money(4200, "USD"));
  CHECK(beans.categories == std::vector<std::string>{"Coffee"});
  CHECK(catalog.at("decaf-harbor-roast").status == ProductStatus::draft);
  CHECK(catalog.at("winter-spice-chai").status == ProductStatus::archived);
  CHECK(catalog.at("stoneware-mug").images.size() == 4);
  CHECK(catalog.at("gift-card").variants[0].allow_backorder);
}

TEST_CASE("sample catalog imports twice") {
  ImportFixture f;
  import_sample(f);
  auto report = import_sample(f);
  CHECK(report.products_unchanged == 20);
  CHECK(report.products_updated == 0);
  CHECK(report.products_created == 0);
  CHECK(f.catalog().size() == 20);
}
