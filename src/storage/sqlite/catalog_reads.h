// Reads of a store's catalog tables, shared by the catalog repository's
// lookups and its page query. The repository itself (catalog_repository.cc)
// contains the writes.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>
#include <vector>

#include "storage/catalog_repository.h"
#include "storage/sqlite/connection.h"

namespace shopkit::storage::sqlite {

// The product columns that read_product_row() reads, in its order.
inline constexpr const char* kProductColumns =
    "seq, id, handle, title, description, status, vendor, product_type, "
    "options, created_at, updated_at";

// Reads kProductColumns from the start of `row`; the product has no
// variants, images, tags or categories yet.
Product read_product_row(SQLite::Statement& row);

// Reads the variants, images, tags and categories of `product`.
void load_product_children(Connection& connection, Product& product,
                           std::string_view currency);

// Reads the variants, images, tags and categories of `products` with one
// query per table instead of one per product and table.
void load_children_of(Connection& connection, std::vector<Product>& products,
                      std::string_view currency);

// Runs the page query of `query` and loads the page's products.
CatalogPage search_catalog(Connection& connection, const CatalogQuery& query,
                           std::string_view currency);

}  // namespace shopkit::storage::sqlite
