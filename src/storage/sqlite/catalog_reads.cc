// Reading a store's catalog: one product's row and children, the
// children of a page of products, and the page query with its filters,
// sort orders and keyset cursor.
#include "storage/sqlite/catalog_reads.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <unordered_map>

#include "common/time_format.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;

// kProductColumns of the alias p, for queries that join products with a
// table that has columns of the same names.
constexpr const char* kProductColumnsOfP =
    "p.seq, p.id, p.handle, p.title, p.description, p.status, p.vendor, "
    "p.product_type, p.options, p.created_at, p.updated_at";

constexpr const char* kVariantColumns =
    "id, sku, option1, option2, option3, price, compare_at_price, stock, "
    "allow_backorder, weight_grams, barcode";

// Reads kVariantColumns from `row`, starting at column `first`.
Variant read_variant(SQLite::Statement& row, std::string_view currency,
                     int first = 0) {
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

std::vector<std::string> read_list(Connection& connection,
                                   const std::string& table,
                                   const std::string& column,
                                   const ProductId& id) {
  auto statement = connection.prepare("SELECT " + column + " FROM " + table +
                                      " WHERE product_id = ? "
                                      "ORDER BY position");
  statement->bind(1, id.str());
  std::vector<std::string> values;
  while (statement->executeStep()) {
    values.push_back(statement->getColumn(0).getString());
  }
  return values;
}

}  // namespace

Product read_product_row(SQLite::Statement& row) {
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

void load_product_children(Connection& connection, Product& product,
                           std::string_view currency) {
  {
    auto statement = connection.prepare(
        std::string("SELECT ") + kVariantColumns +
        " FROM variants WHERE product_id = ? ORDER BY position");
    statement->bind(1, product.id.str());
    while (statement->executeStep()) {
      product.variants.push_back(read_variant(*statement, currency));
    }
  }
  {
    auto statement = connection.prepare(
        "SELECT url, alt, position FROM images WHERE product_id = ? "
        "ORDER BY position");
    statement->bind(1, product.id.str());
    while (statement->executeStep()) {
      product.images.push_back(Image{statement->getColumn(0).getString(),
                                     statement->getColumn(1).getString(),
                                     statement->getColumn(2).getInt()});
    }
  }
  product.tags = read_list(connection, "product_tags", "tag", product.id);
  product.categories =
      read_list(connection, "product_categories", "category", product.id);
}

// Fills the variants, images, tags and categories of `products` with
// one query per table instead of one per product and table.
void load_children_of(Connection& connection, std::vector<Product>& products,
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
    auto statement = connection.prepare(sql);
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
namespace {

// bm25 weights by column: title, description, tags, vendor, skus.
constexpr const char* kRank = "bm25(products_fts, 10.0, 1.0, 4.0, 2.0, 6.0)";

// Binds one value of a page query at a parameter index.
using Binder = std::function<void(SQLite::Statement&, int)>;

// The WHERE clause of a page query (filters, then the keyset condition
// "after the last row of the previous page") and its values, in order.
struct PageConditions {
  std::string where = " WHERE 1";
  std::vector<Binder> binders;

  void add_text(std::string value) {
    binders.push_back([value = std::move(value)](SQLite::Statement& s, int i) {
      s.bind(i, value);
    });
  }
  void add_number(std::int64_t value) {
    binders.push_back([value](SQLite::Statement& s, int i) {
      s.bind(i, static_cast<int64_t>(value));
    });
  }
};

// Returns the conditions of `query`. `text_drives`: the full-text table
// is joined and matched directly instead of through a sub-query.
PageConditions page_conditions(const CatalogQuery& query, bool text_drives) {
  PageConditions conditions;
  std::string& where = conditions.where;
  if (text_drives) {
    where += " AND products_fts MATCH ?";
    conditions.add_text(query.match);
  } else if (!query.match.empty()) {
    where += " AND p.seq IN (SELECT rowid FROM products_fts"
             " WHERE products_fts MATCH ?)";
    conditions.add_text(query.match);
  }
  if (query.status) {
    where += " AND p.status = ?";
    conditions.add_text(std::string(to_string(*query.status)));
  }
  if (query.category) {
    where += " AND EXISTS (SELECT 1 FROM product_categories c "
             "WHERE c.category = ? AND c.product_id = p.id)";
    conditions.add_text(*query.category);
  }
  if (query.tag) {
    where += " AND EXISTS (SELECT 1 FROM product_tags t "
             "WHERE t.tag = ? AND t.product_id = p.id)";
    conditions.add_text(*query.tag);
  }
  if (query.vendor) {
    where += " AND p.vendor = ? COLLATE NOCASE";
    conditions.add_text(*query.vendor);
  }
  if (query.min_price) {
    where += " AND p.min_price >= ?";
    conditions.add_number(*query.min_price);
  }
  if (query.max_price) {
    where += " AND p.min_price <= ?";
    conditions.add_number(*query.max_price);
  }
  if (query.in_stock) where += " AND p.sellable = 1";

  if (!query.after) return conditions;
  const SearchKey& after = *query.after;
  switch (query.sort) {
    case ProductSort::newest:
      where += " AND (p.created_at, p.id) < (?, ?)";
      conditions.add_number(after.number);
      break;
    case ProductSort::price:
      where += " AND (p.min_price, p.id) > (?, ?)";
      conditions.add_number(after.number);
      break;
    case ProductSort::title:
      where += " AND (p.title > ? COLLATE NOCASE OR "
               "(p.title = ? COLLATE NOCASE AND p.id > ?))";
      conditions.add_text(after.text);
      conditions.add_text(after.text);
      break;
    case ProductSort::relevance:
      // NOTE: bm25 scores depend on the whole index, so a product
      // written between two pages can shift the scores of others.
      // Relevance pages may then skip or repeat a row, unlike the
      // other sort orders.
      where += std::string(" AND (") + kRank + " > ? OR (" + kRank +
               " = ? AND p.id > ?))";
      for (int i = 0; i < 2; ++i) {
        conditions.binders.push_back(
            [score = after.score](SQLite::Statement& s, int index) {
              s.bind(index, score);
            });
      }
      break;
  }
  conditions.add_text(after.id);
  return conditions;
}

// The SQL of one sort order: the sort key's expression, the ORDER BY of
// a query over products p, and the same order over the columns of a
// union of such queries (empty for relevance, which never merges).
struct SortSql {
  std::string key;
  std::string order;
  std::string merged_order;
};

SortSql sort_sql(ProductSort sort) {
  switch (sort) {
    case ProductSort::newest:
      return {"p.created_at", " ORDER BY p.created_at DESC, p.id DESC",
              " ORDER BY sort_key DESC, id DESC"};
    case ProductSort::price:
      return {"p.min_price", " ORDER BY p.min_price, p.id",
              " ORDER BY sort_key, id"};
    case ProductSort::title:
      return {"p.title", " ORDER BY p.title COLLATE NOCASE, p.id",
              " ORDER BY sort_key COLLATE NOCASE, id"};
    case ProductSort::relevance:
      break;
  }
  return {kRank, std::string(" ORDER BY ") + kRank + ", p.id", ""};
}

}  // namespace

// Builds and runs the page query. Filters become WHERE terms with bound
// values; the sort order picks the ORDER BY and the keyset condition
// "after the last row of the previous page". One more row than the
// limit is read to learn whether another page follows.
CatalogPage search_catalog(Connection& connection, const CatalogQuery& query,
                           std::string_view currency) {
  CatalogPage page;
  if (query.limit <= 0) return page;

  // The plan matters: with a plain join SQLite walks products in sort
  // order and runs the full-text match once per product. Relevance
  // needs bm25 per match, so the FTS table drives, and CROSS JOIN fixes
  // that loop order. The other orders match once into a set and walk the
  // sort index, stopping after `limit` rows.
  const bool text_drives =
      !query.match.empty() && query.sort == ProductSort::relevance;
  const SortSql sort = sort_sql(query.sort);
  // The product's columns, then the sort key (column kSortKey).
  std::string select = std::string("SELECT ") + kProductColumnsOfP + ", " +
                       sort.key + " AS sort_key";
  if (text_drives) {
    select += " FROM products_fts CROSS JOIN products p"
              " ON p.seq = products_fts.rowid";
  } else {
    select += " FROM products p";
  }
  const PageConditions conditions = page_conditions(query, text_drives);

  // The sort indexes all begin with the status (store_schema.cc). So a
  // page over every status reads the first limit + 1 rows of each status
  // from its index and sorts that union once. When the FTS table drives,
  // no sort index is used, and one query is enough.
  std::string sql;
  int arms = 1;
  if (query.status || text_drives) {
    sql = select + conditions.where + sort.order + " LIMIT ?";
  } else {
    const char* const statuses[] = {"draft", "active", "archived"};
    for (const char* status : statuses) {
      if (!sql.empty()) sql += " UNION ALL ";
      sql += "SELECT * FROM (" + select + conditions.where +
             " AND p.status = '" + status + "'" + sort.order + " LIMIT ?)";
    }
    sql += sort.merged_order + " LIMIT ?";
    arms = 3;
  }

  // Read the page's product rows first, then their children, so no two
  // leases of one statement overlap.
  constexpr int kSortKey = 11;
  std::vector<SearchKey> keys;
  {
    auto statement = connection.prepare(sql);
    int index = 1;
    for (int arm = 0; arm < arms; ++arm) {
      for (const auto& bind : conditions.binders) bind(*statement, index++);
      statement->bind(index++, static_cast<int64_t>(query.limit) + 1);
    }
    if (arms > 1) {
      statement->bind(index, static_cast<int64_t>(query.limit) + 1);
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
  load_children_of(connection, page.items, currency);
  return page;
}

}  // namespace shopkit::storage::sqlite
