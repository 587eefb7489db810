// Turns a ProductSearch into a storage query: the FTS5 expression built
// from the user's words, the price bounds and the opaque page cursor.
#pragma once

#include <string>
#include <string_view>

#include "shopkit/catalog.h"
#include "storage/catalog_repository.h"

namespace shopkit::internal {

// The longest `q` accepted, in bytes; longer is invalid_argument.
inline constexpr std::size_t kMaxQueryBytes = 512;
// At most this many words of `q` are used; the rest are ignored.
inline constexpr std::size_t kMaxQueryWords = 16;

// Builds an FTS5 expression that matches products containing every word
// of `q` as a word prefix. Words are runs of ASCII letters and digits
// and of non-ASCII bytes. Everything else separates words, FTS5 syntax
// included (quotes, '*', parentheses, ':', '^', '+', '-'). Each word is
// written as a quoted string, so no input can form an operator. Returns
// "" when `q` has no words.
std::string fts_match_expression(std::string_view q);

// Checks `search` and converts it. `member` is true when the caller may
// see drafts; otherwise status is forced to active. Raises
// invalid_argument naming the field for a bad limit, q, price bound
// (another currency, negative) or cursor.
storage::CatalogQuery to_catalog_query(const ProductSearch& search,
                                       std::string_view currency,
                                       bool member);

// Wraps a storage page into the public Page with an encoded cursor.
Page<Product> to_product_page(storage::CatalogPage page, ProductSort sort);

std::string encode_cursor(ProductSort sort, const storage::SearchKey& key);
// Raises invalid_argument (field "cursor") when `cursor` is malformed or
// was made for another sort order.
storage::SearchKey decode_cursor(std::string_view cursor, ProductSort sort);

}  // namespace shopkit::internal
