// The bulk load that an import into a store without products takes,
// checked against the batch path that an import into a store with
// products takes: both must leave the same rows, search text, stock
// ledger and indexes.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "import_fixture.h"

using shopkit::testing::ImportFixture;

namespace {

// A product that no import file of this test names, so that an import
// into its store takes the batch path.
constexpr const char* kOtherHandle = "zz-other-product";

// The two sample catalogs, then extra_csv(): products with a bad row, a
// variant without SKU and backorders below zero, so that skipped
// products and every column are covered.
std::string extra_csv();

std::string test_csv() {
  const std::filesystem::path data(SHOPKIT_EXAMPLES_DATA_DIR);
  std::string harbor = shopkit::testing::read_bytes(data / "harbor-goods.csv");
  std::string trail =
      shopkit::testing::read_bytes(data / "trailhead-outfitters.csv");
  REQUIRE_FALSE(harbor.empty());
  REQUIRE_FALSE(trail.empty());
  // Both files have the Shopify header; keep the first one only.
  trail.erase(0, trail.find('\n') + 1);
  if (harbor.back() != '\n') harbor += '\n';
  if (trail.back() != '\n') trail += '\n';
  return harbor + trail + extra_csv();
}

// Rows in the 22 columns of the sample catalogs' header. They are, in
// order: Handle, Title, Body (HTML), Vendor, Type, Tags, Published,
// Option1 Name, Option1 Value, Option2 Name, Option2 Value, Variant SKU,
// Variant Grams, Variant Inventory Qty, Variant Inventory Policy,
// Variant Price, Variant Compare At Price, Image Src, Image Position,
// Image Alt Text, Collection and Status.
std::string extra_csv() {
  const std::vector<std::vector<std::string>> rows = {
      {"bulk-a", "Bulk A", "\"<p>One, two</p>\"", "Acme", "Misc",
       "\"x, y\"", "true", "Size", "S", "", "", "BA-S", "100", "4", "deny",
       "5.00", "", "https://example.com/a.jpg", "1", "A front", "", "active"},
      {"bulk-a", "", "", "", "", "", "", "", "M", "", "", "", "", "0",
       "continue", "6.00", "", "", "", "", "", ""},
      {"bulk-b", "Bulk B", "", "Acme", "", "", "true", "Size", "S", "", "",
       "BB-S", "", "-2", "continue", "7.00", "", "", "", "", "", "active"},
      {"bulk-bad", "Bulk Bad", "", "Acme", "", "", "true", "Size", "S", "",
       "", "BX-S", "", "1", "deny", "not-a-price", "", "", "", "", "",
       "active"},
  };
  std::string text;
  for (const std::vector<std::string>& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) text += ',';
      text += row[i];
    }
    text += '\n';
  }
  return text;
}

// Every row of `sql` in `file`, each as its columns joined by '|', with
// NULL shown as "<null>".
std::vector<std::string> rows(const std::filesystem::path& file,
                              const std::string& sql) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  SQLite::Statement statement(db, sql);
  std::vector<std::string> out;
  while (statement.executeStep()) {
    std::string row;
    for (int i = 0; i < statement.getColumnCount(); ++i) {
      if (i > 0) row += '|';
      const SQLite::Column column = statement.getColumn(i);
      row += column.isNull() ? std::string("<null>") : column.getString();
    }
    out.push_back(std::move(row));
  }
  return out;
}

// The queries that compare two store files. Ids differ between stores,
// so rows are named by product handle and position instead.
const std::vector<std::string>& comparison_queries() {
  static const std::vector<std::string> queries = {
      "SELECT handle, title, description, status, vendor, product_type, "
      "options, min_price, total_stock, sellable, created_at, updated_at "
      "FROM products WHERE handle <> 'zz-other-product' ORDER BY seq",
      "SELECT p.handle, v.position, v.sku, v.option1, v.option2, "
      "v.option3, v.price, v.compare_at_price, v.stock, "
      "v.allow_backorder, v.weight_grams, v.barcode, v.created_at, "
      "v.updated_at FROM variants v JOIN products p ON p.id = v.product_id "
      "WHERE p.handle <> 'zz-other-product' ORDER BY v.rowid",
      "SELECT p.handle, i.position, i.url, i.alt FROM images i "
      "JOIN products p ON p.id = i.product_id ORDER BY p.seq, i.position",
      "SELECT p.handle, t.position, t.tag FROM product_tags t "
      "JOIN products p ON p.id = t.product_id ORDER BY p.seq, t.position",
      "SELECT p.handle, c.position, c.category FROM product_categories c "
      "JOIN products p ON p.id = c.product_id ORDER BY p.seq, c.position",
      "SELECT p.handle, f.title, f.description, f.tags, f.vendor, f.skus "
      "FROM products_fts f JOIN products p ON p.seq = f.rowid "
      "WHERE p.handle <> 'zz-other-product' ORDER BY p.seq",
      "SELECT p.handle, v.position, l.sku, l.delta, l.stock_after, "
      "l.reason, l.order_id, l.actor_id IS NOT NULL, l.created_at "
      "FROM inventory_ledger l JOIN variants v ON v.id = l.variant_id "
      "JOIN products p ON p.id = v.product_id "
      "WHERE p.handle <> 'zz-other-product' ORDER BY l.seq",
      // The summary columns as the catalog recomputes them after a
      // stock change.
      "SELECT handle, min_price = COALESCE((SELECT MIN(price) FROM variants "
      "WHERE product_id = p.id), 0), total_stock = COALESCE((SELECT "
      "SUM(MAX(stock, 0)) FROM variants WHERE product_id = p.id), 0), "
      "sellable = EXISTS (SELECT 1 FROM variants WHERE product_id = p.id "
      "AND (stock > 0 OR allow_backorder = 1)) FROM products p "
      "WHERE handle <> 'zz-other-product' ORDER BY seq",
      "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
  };
  return queries;
}

// Two stores of one owner: `bulk` has no products, `batch` has one, so
// the same import takes the bulk load into one and the batch path into
// the other.
struct TwoStores : ImportFixture {
  shopkit::StoreId batch_id = store(owner, "batch-store");

  TwoStores() {
    shopkit::ProductInput other =
        shopkit::testing::simple_product("Other", "ZZ-OTHER-1");
    other.handle = kOtherHandle;
    admin().create_product(owner, batch_id, other);
  }

  std::filesystem::path batch_file() const {
    return dir.path() / "stores" / (batch_id.str() + ".db");
  }
};

// The handles of the products that match `query`, sorted. Both stores
// give every product the same creation time, and the list order breaks
// that tie by id, which differs between stores.
std::vector<std::string> handles_found(ImportFixture& f,
                                       const shopkit::StoreId& store,
                                       const std::string& query) {
  shopkit::ProductSearch search;
  search.q = query;
  search.limit = 100;
  std::vector<std::string> handles;
  for (const shopkit::Product& product :
       f.admin().list_products(f.owner, store, search).items) {
    handles.push_back(product.handle);
  }
  std::sort(handles.begin(), handles.end());
  return handles;
}

}  // namespace

TEST_CASE("bulk load matches batch path") {
  TwoStores f;
  const std::string text = test_csv();
  shopkit::ImportReport bulk = f.import(text);
  shopkit::ImportReport batch =
      f.admin().import_products(f.owner, f.batch_id, text);

  CHECK(bulk.products_created == batch.products_created);
  CHECK(bulk.products_skipped == batch.products_skipped);
  CHECK(bulk.variants_written == batch.variants_written);
  CHECK(bulk.images_written == batch.images_written);
  CHECK(bulk.error_count == batch.error_count);
  CHECK(bulk.warning_count == batch.warning_count);
  CHECK(bulk.products_skipped == 1);
  for (const std::string& sql : comparison_queries()) {
    CAPTURE(sql);
    CHECK(rows(f.store_file(), sql) == rows(f.batch_file(), sql));
  }
}

TEST_CASE("bulk load keeps indexes whole") {
  TwoStores f;
  f.import(test_csv());
  CHECK(rows(f.store_file(), "PRAGMA integrity_check") ==
        std::vector<std::string>{"ok"});
  SQLite::Database db(f.store_file().string(), SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(db.exec(
      "INSERT INTO products_fts (products_fts) VALUES ('integrity-check')"));
}

TEST_CASE("bulk load search matches batch path") {
  TwoStores f;
  const std::string text = test_csv();
  f.import(text);
  f.admin().import_products(f.owner, f.batch_id, text);
  for (const std::string query : {"coffee", "acme", "BA-S", "one", "x"}) {
    CAPTURE(query);
    CHECK(handles_found(f, f.store_id, query) ==
          handles_found(f, f.batch_id, query));
  }
  CHECK_FALSE(handles_found(f, f.store_id, "acme").empty());
}

TEST_CASE("failed bulk load leaves store as it was") {
  ImportFixture f;
  const std::vector<std::string> schema_before =
      rows(f.store_file(), comparison_queries().back());
  std::string text = "Handle,Title,Variant Price,Variant Inventory Qty\n";
  for (int i = 0; i < 2100; ++i) {
    text += "p" + std::to_string(i) + ",P,1,3\n";
  }
  shopkit::ImportOptions options;
  int batches = 0;
  options.progress = [&](const shopkit::ImportReport&) {
    if (++batches == 2) throw std::runtime_error("stop the import");
  };
  CHECK_THROWS_AS(f.import(text, options), std::runtime_error);
  CHECK(f.catalog().empty());
  CHECK(rows(f.store_file(), "SELECT count(*) FROM inventory_ledger") ==
        std::vector<std::string>{"0"});
  CHECK(rows(f.store_file(), comparison_queries().back()) == schema_before);
}

TEST_CASE("import after bulk load updates") {
  ImportFixture f;
  const std::string text = test_csv();
  f.import(text);
  shopkit::ImportReport second = f.import(text);
  CHECK(second.products_created == 0);
  CHECK(second.products_updated == 0);
  CHECK(second.products_unchanged > 0);
  CHECK(second.error_count == 1);
}
