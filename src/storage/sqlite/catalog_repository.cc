#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr const char* kProductColumns =
    "seq, id, handle, title, description, status, vendor, product_type, "
    "options, created_at, updated_at";

// kProductColumns of the alias p, for queries that join products with a
// table that has columns of the same names.
constexpr const char* kProductColumnsOfP =
    "p.seq, p.id, p.handle, p.title, p.description, p.status, p.vendor, "
    "p.product_type, p.options, p.created_at, p.updated_at";

constexpr const char* kVariantColumns =
    "id, sku, option1, option2, option3, price, compare_at_price, stock, "
    "allow_backorder, weight_grams, barcode";

// The columns of one products_fts row.
struct SearchText {
  std::string title;
  std::string description;
  std::string tags;    // Joined with spaces.
  std::string vendor;
  std::string skus;    // Joined with spaces.
};

// A change to products_fts that waits for end_search_text_batch():
// removing the row of `seq`, or inserting `text` as it.
struct PendingSearchText {
  std::int64_t seq = 0;
  bool remove = false;
  SearchText text;
};

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

// The writes bind the text of the Product they store with bindNoCopy():
// the Product outlives each statement's run, and the statement lease
// clears the bindings when it is released. That saves SQLite a copy of
// every string, which shows in bulk writes such as an import.
class SqliteCatalogRepository final : public CatalogRepository {
 public:
  explicit SqliteCatalogRepository(Connection& connection)
      : connection_(connection) {}

  std::vector<std::string> handles_with_base(std::string_view base) override {
    // Every handle in ["base-", "base.") starts with "base-", because '.'
    // follows '-' in ASCII.
    auto statement = connection_.prepare(
        "SELECT handle FROM products WHERE handle = ?1 "
        "OR (handle >= ?1 || '-' AND handle < ?1 || '.')");
    statement->bind(1, std::string(base));
    std::vector<std::string> handles;
    while (statement->executeStep()) {
      handles.push_back(statement->getColumn(0).getString());
    }
    return handles;
  }

  void insert(const Product& product) override {
    auto statement = connection_.prepare(
        "INSERT INTO products (id, handle, title, description, status, "
        "vendor, product_type, options, min_price, total_stock, sellable, "
        "created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bindNoCopy(1, product.id.str());
    bind_product_fields(*statement, 2, product);
    bind_summary(*statement, 9, product);
    statement->bind(12, static_cast<int64_t>(to_millis(product.created_at)));
    statement->bind(13, static_cast<int64_t>(to_millis(product.updated_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw handle_taken(product.handle);
    }
    const std::int64_t seq = connection_.db().getLastInsertRowid();

    for (std::size_t i = 0; i < product.variants.size(); ++i) {
      insert_variant(product, product.variants[i], static_cast<int>(i) + 1);
    }
    write_lists(product);
    write_search_text(seq, product);
  }

  std::optional<Product> find(const ProductId& id,
                              std::string_view currency) override {
    Product product;
    {
      auto statement = connection_.prepare(std::string("SELECT ") +
                                           kProductColumns +
                                           " FROM products WHERE id = ?");
      statement->bind(1, id.str());
      if (!statement->executeStep()) return std::nullopt;
      product = read_product_row(*statement);
    }
    load_children(product, currency);
    return product;
  }

  std::optional<Product> find_by_handle(std::string_view handle,
                                        std::string_view currency) override {
    std::optional<ProductId> id;
    {
      auto statement =
          connection_.prepare("SELECT id FROM products WHERE handle = ?");
      statement->bind(1, std::string(handle));
      if (!statement->executeStep()) return std::nullopt;
      id = ProductId(statement->getColumn(0).getString());
    }
    return find(*id, currency);
  }

  void update(const Product& product) override {
    std::int64_t seq = 0;
    {
      auto statement = connection_.prepare(
          "UPDATE products SET handle = ?, title = ?, description = ?, "
          "status = ?, vendor = ?, product_type = ?, options = ?, "
          "min_price = ?, total_stock = ?, sellable = ?, updated_at = ? "
          "WHERE id = ? RETURNING seq");
      bind_product_fields(*statement, 1, product);
      bind_summary(*statement, 8, product);
      statement->bind(11, static_cast<int64_t>(to_millis(product.updated_at)));
      statement->bindNoCopy(12, product.id.str());
      try {
        if (!statement->executeStep()) return;
        seq = statement->getColumn(0).getInt64();
      } catch (const SQLite::Exception& error) {
        if (!is_unique_violation(error)) throw;
        throw handle_taken(product.handle);
      }
    }
    replace_variants(product);
    delete_lists(product.id);
    write_lists(product);
    delete_search_text(seq);
    write_search_text(seq, product);
  }

  bool any() override {
    auto statement =
        connection_.prepare("SELECT EXISTS (SELECT 1 FROM products)");
    statement->executeStep();
    return statement->getColumn(0).getInt() != 0;
  }

  bool erase(const ProductId& id) override {
    std::int64_t seq = 0;
    {
      auto statement = connection_.prepare(
          "DELETE FROM products WHERE id = ? RETURNING seq");
      statement->bind(1, id.str());
      if (!statement->executeStep()) return false;
      seq = statement->getColumn(0).getInt64();
    }
    delete_search_text(seq);
    return true;
  }

  CatalogPage search(const CatalogQuery& query,
                     std::string_view currency) override;

  std::optional<SellableVariant> find_variant_by_sku(
      std::string_view sku) override {
    return find_sellable("v.sku = ?", std::string(sku));
  }

  std::optional<SellableVariant> find_variant(const VariantId& id) override {
    return find_sellable("v.id = ?", id.str());
  }

  void begin_search_text_batch() override {
    batching_search_text_ = true;
    pending_search_text_.clear();
  }

  void end_search_text_batch() override {
    batching_search_text_ = false;
    for (const PendingSearchText& pending : pending_search_text_) {
      if (pending.remove) {
        delete_search_row(pending.seq);
      } else {
        insert_search_row(pending.seq, pending.text);
      }
    }
    pending_search_text_.clear();
  }

  void refresh_summary(const ProductId& id) override {
    auto statement = connection_.prepare(
        "UPDATE products SET "
        "min_price = COALESCE((SELECT MIN(price) FROM variants "
        "  WHERE product_id = ?1), 0), "
        "total_stock = COALESCE((SELECT SUM(MAX(stock, 0)) FROM variants "
        "  WHERE product_id = ?1), 0), "
        "sellable = EXISTS (SELECT 1 FROM variants WHERE product_id = ?1 "
        "  AND (stock > 0 OR allow_backorder = 1)) "
        "WHERE id = ?1");
    statement->bind(1, id.str());
    statement->exec();
  }

 private:
  static Error handle_taken(const std::string& handle) {
    return Error(ErrorCode::already_exists,
                 "product handle '" + handle + "' is already used in this store",
                 "handle");
  }

  static Error sku_taken(const std::string& sku) {
    return Error(ErrorCode::already_exists,
                 "SKU '" + sku + "' is already used in this store", "sku");
  }

  // Binds handle, title, description, status, vendor, product_type and
  // options to the seven parameters starting at `first`.
  static void bind_product_fields(SQLite::Statement& statement, int first,
                                  const Product& product) {
    statement.bindNoCopy(first, product.handle);
    statement.bindNoCopy(first + 1, product.title);
    statement.bindNoCopy(first + 2, product.description);
    statement.bind(first + 3, std::string(to_string(product.status)));
    statement.bindNoCopy(first + 4, product.vendor);
    statement.bindNoCopy(first + 5, product.product_type);
    statement.bind(first + 6, nlohmann::json(product.options).dump());
  }

  // Binds min_price, total_stock and sellable, computed from the
  // variants of `product` as refresh_summary() computes them in SQL, to
  // the three parameters starting at `first`. Writing them with the row
  // saves a second write of the row and of its price indexes.
  static void bind_summary(SQLite::Statement& statement, int first,
                           const Product& product) {
    std::int64_t min_price = 0;
    std::int64_t total_stock = 0;
    bool sellable = false;
    for (std::size_t i = 0; i < product.variants.size(); ++i) {
      const Variant& variant = product.variants[i];
      const std::int64_t price = variant.price.minor_units();
      if (i == 0 || price < min_price) min_price = price;
      total_stock += std::max<std::int64_t>(variant.stock, 0);
      if (variant.stock > 0 || variant.allow_backorder) sellable = true;
    }
    statement.bind(first, static_cast<int64_t>(min_price));
    statement.bind(first + 1, static_cast<int64_t>(total_stock));
    statement.bind(first + 2, sellable ? 1 : 0);
  }

  static Product read_product_row(SQLite::Statement& row) {
    Product product;
    product.id = ProductId(row.getColumn(1).getString());
    product.handle = row.getColumn(2).getString();
    product.title = row.getColumn(3).getString();
    product.description = row.getColumn(4).getString();
    product.status = product_status_from_string(row.getColumn(5).getString());
    product.vendor = row.getColumn(6).getString();
    product.product_type = row.getColumn(7).getString();
    product.options = nlohmann::json::parse(row.getColumn(8).getString())
                          .get<std::vector<std::string>>();
    product.created_at = from_millis(row.getColumn(9).getInt64());
    product.updated_at = from_millis(row.getColumn(10).getInt64());
    return product;
  }

  void load_children(Product& product, std::string_view currency) {
    {
      auto statement = connection_.prepare(
          std::string("SELECT ") + kVariantColumns +
          " FROM variants WHERE product_id = ? ORDER BY position");
      statement->bind(1, product.id.str());
      while (statement->executeStep()) {
        product.variants.push_back(read_variant(*statement, currency));
      }
    }
    {
      auto statement = connection_.prepare(
          "SELECT url, alt, position FROM images WHERE product_id = ? "
          "ORDER BY position");
      statement->bind(1, product.id.str());
      while (statement->executeStep()) {
        product.images.push_back(Image{statement->getColumn(0).getString(),
                                       statement->getColumn(1).getString(),
                                       statement->getColumn(2).getInt()});
      }
    }
    product.tags = read_list("product_tags", "tag", product.id);
    product.categories =
        read_list("product_categories", "category", product.id);
  }

  // Reads kVariantColumns from `row`, starting at column `first`.
  static Variant read_variant(SQLite::Statement& row,
                              std::string_view currency, int first = 0) {
    auto column = [&row, first](int index) {
      return row.getColumn(first + index);
    };
    Variant variant;
    variant.id = VariantId(column(0).getString());
    variant.sku = text_or_empty(column(1));
    for (int option = 2; option <= 4; ++option) {
      if (column(option).isNull()) break;
      variant.options.push_back(column(option).getString());
    }
    variant.price = Money(column(5).getInt64(), currency);
    if (auto compare_at = optional_int(column(6))) {
      variant.compare_at_price = Money(*compare_at, currency);
    }
    variant.stock = column(7).getInt64();
    variant.allow_backorder = column(8).getInt() != 0;
    variant.weight_grams = optional_int(column(9));
    variant.barcode = optional_text(column(10));
    return variant;
  }

  std::vector<std::string> read_list(const std::string& table,
                                     const std::string& column,
                                     const ProductId& id) {
    auto statement = connection_.prepare("SELECT " + column + " FROM " +
                                         table +
                                         " WHERE product_id = ? "
                                         "ORDER BY position");
    statement->bind(1, id.str());
    std::vector<std::string> values;
    while (statement->executeStep()) {
      values.push_back(statement->getColumn(0).getString());
    }
    return values;
  }

  // Fills the variants, images, tags and categories of `products` with
  // one query per table instead of one per product and table.
  void load_children_of(std::vector<Product>& products,
                        std::string_view currency) {
    if (products.empty()) return;
    nlohmann::json id_list = nlohmann::json::array();
    std::unordered_map<std::string, Product*> by_id;
    for (Product& product : products) {
      id_list.push_back(product.id.str());
      by_id.emplace(product.id.str(), &product);
    }
    const std::string bound_ids = id_list.dump();
    // Runs `sql` (its first column the product id, rows in position
    // order, its one parameter the JSON array of ids) and hands each row
    // to `add` with its product.
    auto for_children = [&](const std::string& sql, auto add) {
      auto statement = connection_.prepare(sql);
      statement->bind(1, bound_ids);
      while (statement->executeStep()) {
        auto product = by_id.find(statement->getColumn(0).getString());
        if (product != by_id.end()) add(*product->second, *statement);
      }
    };
    constexpr const char* kOfProducts =
        " IN (SELECT value FROM json_each(?)) ORDER BY product_id, position";
    for_children(std::string("SELECT product_id, ") + kVariantColumns +
                     " FROM variants WHERE product_id" + kOfProducts,
                 [&](Product& product, SQLite::Statement& row) {
                   product.variants.push_back(
                       read_variant(row, currency, /*first=*/1));
                 });
    for_children(std::string("SELECT product_id, url, alt, position FROM "
                             "images WHERE product_id") +
                     kOfProducts,
                 [](Product& product, SQLite::Statement& row) {
                   product.images.push_back(Image{row.getColumn(1).getString(),
                                                  row.getColumn(2).getString(),
                                                  row.getColumn(3).getInt()});
                 });
    for_children(std::string("SELECT product_id, tag FROM product_tags "
                             "WHERE product_id") +
                     kOfProducts,
                 [](Product& product, SQLite::Statement& row) {
                   product.tags.push_back(row.getColumn(1).getString());
                 });
    for_children(std::string("SELECT product_id, category FROM "
                             "product_categories WHERE product_id") +
                     kOfProducts,
                 [](Product& product, SQLite::Statement& row) {
                   product.categories.push_back(row.getColumn(1).getString());
                 });
  }

  void insert_variant(const Product& product, const Variant& variant,
                      int position) {
    auto statement = connection_.prepare(
        "INSERT INTO variants (id, product_id, position, sku, option1, "
        "option2, option3, price, compare_at_price, stock, allow_backorder, "
        "weight_grams, barcode, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bindNoCopy(1, variant.id.str());
    statement->bindNoCopy(2, product.id.str());
    statement->bind(3, position);
    bind_variant_fields(*statement, 4, variant);
    statement->bind(14, static_cast<int64_t>(to_millis(product.updated_at)));
    statement->bind(15, static_cast<int64_t>(to_millis(product.updated_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw sku_taken(variant.sku);
    }
  }

  // Binds sku, option1..3, price, compare_at_price, stock,
  // allow_backorder, weight_grams and barcode from `first` on.
  static void bind_variant_fields(SQLite::Statement& statement, int first,
                                  const Variant& variant) {
    if (variant.sku.empty()) {
      statement.bind(first);
    } else {
      statement.bindNoCopy(first, variant.sku);
    }
    for (std::size_t i = 0; i < 3; ++i) {
      if (i < variant.options.size()) {
        statement.bindNoCopy(first + 1 + static_cast<int>(i),
                             variant.options[i]);
      } else {
        statement.bind(first + 1 + static_cast<int>(i));
      }
    }
    statement.bind(first + 4, static_cast<int64_t>(variant.price.minor_units()));
    std::optional<std::int64_t> compare_at;
    if (variant.compare_at_price) {
      compare_at = variant.compare_at_price->minor_units();
    }
    bind_optional(statement, first + 5, compare_at);
    statement.bind(first + 6, static_cast<int64_t>(variant.stock));
    statement.bind(first + 7, variant.allow_backorder ? 1 : 0);
    bind_optional(statement, first + 8, variant.weight_grams);
    if (variant.barcode) {
      statement.bindNoCopy(first + 9, *variant.barcode);
    } else {
      statement.bind(first + 9);
    }
  }

  void replace_variants(const Product& product) {
    // Delete the variants that are no longer listed, and clear the SKUs
    // of the kept ones so that SKUs can move between variants of this
    // product without tripping the UNIQUE constraint halfway.
    std::vector<std::string> existing;
    {
      auto statement =
          connection_.prepare("SELECT id FROM variants WHERE product_id = ?");
      statement->bind(1, product.id.str());
      while (statement->executeStep()) {
        existing.push_back(statement->getColumn(0).getString());
      }
    }
    std::vector<std::string> kept;
    for (const std::string& id : existing) {
      bool listed = false;
      for (const Variant& variant : product.variants) {
        if (variant.id.str() == id) listed = true;
      }
      auto statement = connection_.prepare(
          listed ? "UPDATE variants SET sku = NULL WHERE id = ?"
                 : "DELETE FROM variants WHERE id = ?");
      statement->bind(1, id);
      statement->exec();
      if (listed) kept.push_back(id);
    }

    for (std::size_t i = 0; i < product.variants.size(); ++i) {
      const Variant& variant = product.variants[i];
      const int position = static_cast<int>(i) + 1;
      bool is_kept = false;
      for (const std::string& id : kept) {
        if (id == variant.id.str()) is_kept = true;
      }
      if (!is_kept) {
        insert_variant(product, variant, position);
        continue;
      }
      auto statement = connection_.prepare(
          "UPDATE variants SET position = ?, sku = ?, option1 = ?, "
          "option2 = ?, option3 = ?, price = ?, compare_at_price = ?, "
          "stock = ?, allow_backorder = ?, weight_grams = ?, barcode = ?, "
          "updated_at = ? WHERE id = ?");
      statement->bind(1, position);
      bind_variant_fields(*statement, 2, variant);
      statement->bind(12, static_cast<int64_t>(to_millis(product.updated_at)));
      statement->bind(13, variant.id.str());
      try {
        statement->exec();
      } catch (const SQLite::Exception& error) {
        if (!is_unique_violation(error)) throw;
        throw sku_taken(variant.sku);
      }
    }
  }

  void delete_lists(const ProductId& id) {
    for (const char* sql : {"DELETE FROM images WHERE product_id = ?",
                            "DELETE FROM product_tags WHERE product_id = ?",
                            "DELETE FROM product_categories WHERE product_id = ?"}) {
      auto statement = connection_.prepare(sql);
      statement->bind(1, id.str());
      statement->exec();
    }
  }

  void write_lists(const Product& product) {
    for (const Image& image : product.images) {
      auto statement = connection_.prepare(
          "INSERT INTO images (product_id, position, url, alt) "
          "VALUES (?, ?, ?, ?)");
      statement->bindNoCopy(1, product.id.str());
      statement->bind(2, image.position);
      statement->bindNoCopy(3, image.url);
      statement->bindNoCopy(4, image.alt);
      statement->exec();
    }
    write_list("product_tags", "tag", product.id, product.tags);
    write_list("product_categories", "category", product.id,
               product.categories);
  }

  void write_list(const std::string& table, const std::string& column,
                  const ProductId& id, const std::vector<std::string>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      auto statement = connection_.prepare(
          "INSERT INTO " + table + " (product_id, position, " + column +
          ") VALUES (?, ?, ?)");
      statement->bindNoCopy(1, id.str());
      statement->bind(2, static_cast<int>(i) + 1);
      statement->bindNoCopy(3, values[i]);
      statement->exec();
    }
  }

  void write_search_text(std::int64_t seq, const Product& product) {
    std::vector<std::string> skus;
    for (const Variant& variant : product.variants) {
      if (!variant.sku.empty()) skus.push_back(variant.sku);
    }
    if (batching_search_text_) {
      pending_search_text_.push_back(PendingSearchText{
          seq, false,
          SearchText{product.title, product.description,
                     join(product.tags, " "), product.vendor,
                     join(skus, " ")}});
      return;
    }
    insert_search_row(seq, SearchText{product.title, product.description,
                                      join(product.tags, " "),
                                      product.vendor, join(skus, " ")});
  }

  void delete_search_text(std::int64_t seq) {
    if (batching_search_text_) {
      pending_search_text_.push_back(PendingSearchText{seq, true, {}});
      return;
    }
    delete_search_row(seq);
  }

  void insert_search_row(std::int64_t seq, const SearchText& text) {
    auto statement = connection_.prepare(
        "INSERT INTO products_fts (rowid, title, description, tags, vendor, "
        "skus) VALUES (?, ?, ?, ?, ?, ?)");
    statement->bind(1, static_cast<int64_t>(seq));
    statement->bindNoCopy(2, text.title);
    statement->bindNoCopy(3, text.description);
    statement->bindNoCopy(4, text.tags);
    statement->bindNoCopy(5, text.vendor);
    statement->bindNoCopy(6, text.skus);
    statement->exec();
  }

  void delete_search_row(std::int64_t seq) {
    auto statement =
        connection_.prepare("DELETE FROM products_fts WHERE rowid = ?");
    statement->bind(1, static_cast<int64_t>(seq));
    statement->exec();
  }

  std::optional<SellableVariant> find_sellable(const std::string& where,
                                               const std::string& value) {
    auto statement = connection_.prepare(
        "SELECT v.id, v.product_id, v.sku, p.title, p.status, v.option1, "
        "v.option2, v.option3, v.price, v.stock, v.allow_backorder "
        "FROM variants v JOIN products p ON p.id = v.product_id WHERE " +
        where);
    statement->bind(1, value);
    if (!statement->executeStep()) return std::nullopt;
    SellableVariant variant;
    variant.id = VariantId(statement->getColumn(0).getString());
    variant.product_id = ProductId(statement->getColumn(1).getString());
    variant.sku = text_or_empty(statement->getColumn(2));
    variant.product_title = statement->getColumn(3).getString();
    variant.product_status =
        product_status_from_string(statement->getColumn(4).getString());
    for (int column = 5; column <= 7; ++column) {
      if (statement->getColumn(column).isNull()) break;
      variant.options.push_back(statement->getColumn(column).getString());
    }
    variant.price = statement->getColumn(8).getInt64();
    variant.stock = statement->getColumn(9).getInt64();
    variant.allow_backorder = statement->getColumn(10).getInt() != 0;
    return variant;
  }

  Connection& connection_;
  // Between begin_ and end_search_text_batch(): the changes to
  // products_fts, in the order they were made.
  bool batching_search_text_ = false;
  std::vector<PendingSearchText> pending_search_text_;
};

// Builds and runs the page query. Filters become WHERE terms with bound
// values; the sort order picks the ORDER BY and the keyset condition
// "after the last row of the previous page". One more row than the
// limit is read to learn whether another page follows.
CatalogPage SqliteCatalogRepository::search(const CatalogQuery& query,
                                            std::string_view currency) {
  CatalogPage page;
  if (query.limit <= 0) return page;
  const bool text = !query.match.empty();

  // bm25 weights by column: title, description, tags, vendor, skus.
  constexpr const char* kRank = "bm25(products_fts, 10.0, 1.0, 4.0, 2.0, 6.0)";
  // The product's columns, then the sort key (column kSortKey).
  std::string sql = std::string("SELECT ") + kProductColumnsOfP + ", ";
  switch (query.sort) {
    case ProductSort::newest:
      sql += "p.created_at";
      break;
    case ProductSort::price:
      sql += "p.min_price";
      break;
    case ProductSort::title:
      sql += "p.title";
      break;
    case ProductSort::relevance:
      sql += kRank;
      break;
  }
  // The plan matters: with a plain join SQLite walks products in sort
  // order and runs the full-text match once per product. Relevance
  // needs bm25 per match, so the FTS table drives (CROSS JOIN fixes the
  // loop order); the other orders match once into a set and walk the
  // sort index, stopping after `limit` rows.
  const bool text_drives = text && query.sort == ProductSort::relevance;
  if (text_drives) {
    sql += " FROM products_fts CROSS JOIN products p"
           " ON p.seq = products_fts.rowid";
  } else {
    sql += " FROM products p";
  }
  sql += " WHERE 1";

  // Every value is bound in this order; `binders` records how.
  std::vector<std::function<void(SQLite::Statement&, int)>> binders;
  auto add_text = [&binders](std::string value) {
    binders.push_back([value = std::move(value)](SQLite::Statement& s, int i) {
      s.bind(i, value);
    });
  };
  auto add_number = [&binders](std::int64_t value) {
    binders.push_back([value](SQLite::Statement& s, int i) {
      s.bind(i, static_cast<int64_t>(value));
    });
  };

  if (text_drives) {
    sql += " AND products_fts MATCH ?";
    add_text(query.match);
  } else if (text) {
    sql += " AND p.seq IN (SELECT rowid FROM products_fts"
           " WHERE products_fts MATCH ?)";
    add_text(query.match);
  }
  if (query.status) {
    sql += " AND p.status = ?";
    add_text(std::string(to_string(*query.status)));
  }
  if (query.category) {
    sql += " AND EXISTS (SELECT 1 FROM product_categories c "
           "WHERE c.category = ? AND c.product_id = p.id)";
    add_text(*query.category);
  }
  if (query.tag) {
    sql += " AND EXISTS (SELECT 1 FROM product_tags t "
           "WHERE t.tag = ? AND t.product_id = p.id)";
    add_text(*query.tag);
  }
  if (query.vendor) {
    sql += " AND p.vendor = ? COLLATE NOCASE";
    add_text(*query.vendor);
  }
  if (query.min_price) {
    sql += " AND p.min_price >= ?";
    add_number(*query.min_price);
  }
  if (query.max_price) {
    sql += " AND p.min_price <= ?";
    add_number(*query.max_price);
  }
  if (query.in_stock) sql += " AND p.sellable = 1";

  if (query.after) {
    const SearchKey& after = *query.after;
    switch (query.sort) {
      case ProductSort::newest:
        sql += " AND (p.created_at, p.id) < (?, ?)";
        add_number(after.number);
        break;
      case ProductSort::price:
        sql += " AND (p.min_price, p.id) > (?, ?)";
        add_number(after.number);
        break;
      case ProductSort::title:
        sql += " AND (p.title > ? COLLATE NOCASE OR "
               "(p.title = ? COLLATE NOCASE AND p.id > ?))";
        add_text(after.text);
        add_text(after.text);
        break;
      case ProductSort::relevance:
        // NOTE: bm25 scores depend on the whole index, so a product
        // written between two pages can shift the scores of others.
        // Relevance pages may then skip or repeat a row, unlike the
        // other sort orders.
        sql += std::string(" AND (") + kRank + " > ? OR (" + kRank +
               " = ? AND p.id > ?))";
        for (int i = 0; i < 2; ++i) {
          binders.push_back([score = after.score](SQLite::Statement& s,
                                                  int index) {
            s.bind(index, score);
          });
        }
        break;
    }
    add_text(after.id);
  }

  switch (query.sort) {
    case ProductSort::newest:
      sql += " ORDER BY p.created_at DESC, p.id DESC";
      break;
    case ProductSort::price:
      sql += " ORDER BY p.min_price, p.id";
      break;
    case ProductSort::title:
      sql += " ORDER BY p.title COLLATE NOCASE, p.id";
      break;
    case ProductSort::relevance:
      sql += std::string(" ORDER BY ") + kRank + ", p.id";
      break;
  }
  sql += " LIMIT ?";
  add_number(query.limit + 1);

  // Read the page's product rows first, then their children, so no two
  // leases of one statement overlap.
  constexpr int kSortKey = 11;
  std::vector<SearchKey> keys;
  {
    auto statement = connection_.prepare(sql);
    for (std::size_t i = 0; i < binders.size(); ++i) {
      binders[i](*statement, static_cast<int>(i) + 1);
    }
    while (statement->executeStep()) {
      page.items.push_back(read_product_row(*statement));
      SearchKey key;
      key.id = page.items.back().id.str();
      const SQLite::Column sort_key = statement->getColumn(kSortKey);
      if (query.sort == ProductSort::title) {
        key.text = sort_key.getString();
      } else if (query.sort == ProductSort::relevance) {
        key.score = sort_key.getDouble();
      } else {
        key.number = sort_key.getInt64();
      }
      keys.push_back(std::move(key));
    }
  }

  const auto limit = static_cast<std::size_t>(query.limit);
  const bool more = page.items.size() > limit;
  if (more) {
    page.items.resize(limit);
    page.next = keys[limit - 1];
  }
  load_children_of(page.items, currency);
  return page;
}

}  // namespace

std::unique_ptr<CatalogRepository> make_catalog_repository(
    Connection& connection) {
  return std::make_unique<SqliteCatalogRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
