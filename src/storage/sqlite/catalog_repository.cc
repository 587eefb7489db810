// The catalog repository: writes of products with their variants,
// images, tags, categories and search text, and the lookups by id,
// handle and SKU. The reads it shares with the page query are in
// catalog_reads.cc.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/catalog_reads.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/search_text.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::to_millis;

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
  SqliteCatalogRepository(Connection& connection,
                          SearchTextChanges* deferred_search_text)
      : connection_(connection),
        deferred_search_text_(deferred_search_text) {}

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
    load_product_children(connection_, product, currency);
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
                     std::string_view currency) override {
    return search_catalog(connection_, query, currency);
  }

  std::optional<SellableVariant> find_variant_by_sku(
      std::string_view sku) override {
    return find_sellable("v.sku = ?", std::string(sku));
  }

  std::optional<SellableVariant> find_variant(const VariantId& id) override {
    return find_sellable("v.id = ?", id.str());
  }

  void begin_search_text_batch() override {
    batching_search_text_ = true;
    batched_search_text_.clear();
  }

  void end_search_text_batch() override {
    batching_search_text_ = false;
    if (deferred_search_text_ != nullptr) {
      deferred_search_text_->append(std::move(batched_search_text_));
    } else {
      batched_search_text_.apply(connection_);
    }
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
    SearchText text{product.title, product.description,
                    join(product.tags, " "), product.vendor, join(skus, " ")};
    if (SearchTextChanges* later = search_text_for_later()) {
      later->insert(seq, std::move(text));
    } else {
      insert_search_row(connection_, seq, text);
    }
  }

  void delete_search_text(std::int64_t seq) {
    if (SearchTextChanges* later = search_text_for_later()) {
      later->remove(seq);
    } else {
      delete_search_row(connection_, seq);
    }
  }

  // Returns the list where a change to products_fts waits, or null when
  // the change is made now.
  SearchTextChanges* search_text_for_later() {
    if (batching_search_text_) return &batched_search_text_;
    return deferred_search_text_;
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
  // The list in which the caller collects this repository's changes to
  // products_fts to make them later (see SearchTextChanges), or null.
  SearchTextChanges* deferred_search_text_;
  // Between begin_ and end_search_text_batch(): the changes to
  // products_fts, in the order they were made.
  bool batching_search_text_ = false;
  SearchTextChanges batched_search_text_;
};

}  // namespace

std::unique_ptr<CatalogRepository> make_catalog_repository(
    Connection& connection, SearchTextChanges* deferred_search_text) {
  return std::make_unique<SqliteCatalogRepository>(connection,
                                                   deferred_search_text);
}

}  // namespace shopkit::storage::sqlite
