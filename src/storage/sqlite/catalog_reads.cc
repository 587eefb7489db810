// Reading a store's catalog: one product's row and children, the
// children of a page of products, and the page query with its filters,
// sort orders and keyset cursor.
#include "storage/sqlite/catalog_reads.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/time_format.h"
#include "json/json_text.h"
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
// kVariantColumns of the alias c.
const std::string kVariantColumnsOfC =
    "c.id, c.sku, c.option1, c.option2, c.option3, c.price, "
    "c.compare_at_price, c.stock, c.allow_backorder, c.weight_grams, "
    "c.barcode";

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

// Reads a JSON array of strings, the format of the options column.
// Most rows contain a few plain names (["Size","Color"]), which are split
// here: the JSON parser took about 7% of the page query's time in a
// profile. Text with an escape, or not exactly such an array, goes to
// the JSON parser.
std::vector<std::string> read_string_array(std::string_view text) {
  std::vector<std::string> values;
  if (text.find('\\') == std::string_view::npos && text.size() >= 2 &&
      text.front() == '[' && text.back() == ']') {
    if (text.size() == 2) return values;
    std::string_view rest = text.substr(1, text.size() - 2);
    while (rest.size() >= 2 && rest.front() == '"') {
      const std::size_t end = rest.find('"', 1);
      if (end == std::string_view::npos) break;
      values.emplace_back(rest.substr(1, end - 1));
      rest.remove_prefix(end + 1);
      if (rest.empty()) return values;
      if (rest.front() != ',') break;
      rest.remove_prefix(1);
    }
  }
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
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
  product.options = read_string_array(row.getColumn(8).getText());
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

namespace {

// A child row of a page's product: the product's index in the page, the
// row's position among that product's rows of its table, and its value.
template <class T>
struct ChildRow {
  std::size_t product = 0;
  std::int64_t position = 0;
  T value;
};

// Appends each row's value to the list `member` of its product, in
// position order.
template <class T>
void attach_children(std::vector<ChildRow<T>>& rows,
                     std::vector<Product>& products,
                     std::vector<T> Product::*member) {
  auto before = [](const ChildRow<T>& a, const ChildRow<T>& b) {
    return a.product != b.product ? a.product < b.product
                                  : a.position < b.position;
  };
  // The query's loop order returns the rows sorted already, but the SQL
  // does not promise it, so check.
  if (!std::is_sorted(rows.begin(), rows.end(), before)) {
    std::stable_sort(rows.begin(), rows.end(), before);
  }
  for (ChildRow<T>& row : rows) {
    (products[row.product].*member).push_back(std::move(row.value));
  }
}

}  // namespace

// Fills the variants, images, tags and categories of `products` with
// one query per table instead of one per product and table.
void load_children_of(Connection& connection, std::vector<Product>& products,
                      std::string_view currency) {
  if (products.empty()) return;
  std::string bound_ids;
  {
    internal::JsonText out(bound_ids);
    out.begin_array();
    for (const Product& product : products) out.string(product.id.str());
    out.end_array();
  }
  // Runs `sql` with the JSON array of ids bound to its one parameter.
  // Its first two columns are the product's index in that array and the
  // row's position. `read` makes the value from the row.
  auto read_children = [&](const std::string& sql, auto read) {
    using Value = decltype(read(std::declval<SQLite::Statement&>()));
    std::vector<ChildRow<Value>> rows;
    auto statement = connection.prepare(sql);
    statement->bindNoCopy(1, bound_ids);
    while (statement->executeStep()) {
      const std::int64_t index = statement->getColumn(0).getInt64();
      if (index < 0 || static_cast<std::size_t>(index) >= products.size()) {
        continue;
      }
      rows.push_back(ChildRow<Value>{static_cast<std::size_t>(index),
                                     statement->getColumn(1).getInt64(),
                                     read(*statement)});
    }
    return rows;
  };
  // json_each's key is the index in the array. CROSS JOIN keeps the
  // array as the outer loop, so each id is one lookup in the table's
  // (product_id, position) index. An IN (SELECT ... FROM json_each(?))
  // makes SQLite build a temporary index of the ids for every query.
  auto sql_for = [](const std::string& columns, const char* table) {
    return "SELECT ids.key, c.position, " + columns +
           " FROM json_each(?) ids CROSS JOIN " + table +
           " c ON c.product_id = ids.value";
  };
  auto variants = read_children(
      sql_for(kVariantColumnsOfC, "variants"), [&](SQLite::Statement& row) {
        return read_variant(row, currency, /*first=*/2);
      });
  attach_children(variants, products, &Product::variants);
  auto images = read_children(
      sql_for("c.url, c.alt", "images"), [](SQLite::Statement& row) {
        return Image{row.getColumn(2).getString(), row.getColumn(3).getString(),
                     row.getColumn(1).getInt()};
      });
  attach_children(images, products, &Product::images);
  auto tags = read_children(
      sql_for("c.tag", "product_tags"),
      [](SQLite::Statement& row) { return row.getColumn(2).getString(); });
  attach_children(tags, products, &Product::tags);
  auto categories = read_children(
      sql_for("c.category", "product_categories"),
      [](SQLite::Statement& row) { return row.getColumn(2).getString(); });
  attach_children(categories, products, &Product::categories);
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
