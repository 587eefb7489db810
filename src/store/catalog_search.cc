#include "store/catalog_search.h"

#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "shopkit/error.h"

namespace shopkit::internal {
namespace {

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

Error bad_cursor(const std::string& why) {
  return Error(ErrorCode::invalid_argument,
               "cursor is not a cursor of this search (" + why +
                   "); pass next_cursor of the previous page unchanged",
               "cursor");
}

std::int64_t price_bound(const Money& bound, std::string_view currency,
                         const std::string& field) {
  if (bound.currency() != currency) {
    throw Error(ErrorCode::invalid_argument,
                field + " is in " + bound.currency() +
                    " but the store's currency is " + std::string(currency),
                field);
  }
  if (bound.minor_units() < 0) {
    throw Error(ErrorCode::invalid_argument,
                field + " must not be negative, got " +
                    bound.to_decimal_string(),
                field);
  }
  return bound.minor_units();
}

}  // namespace

std::string fts_match_expression(std::string_view q) {
  std::string expression;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < q.size() && words < kMaxQueryWords) {
    while (i < q.size() && !is_word_byte(q[i])) ++i;
    const std::size_t start = i;
    while (i < q.size() && is_word_byte(q[i])) ++i;
    if (i == start) break;
    if (!expression.empty()) expression += ' ';
    // The word has no '"' (it is not a word byte), so quoting is safe.
    expression += '"';
    expression.append(q.substr(start, i - start));
    expression += "\"*";
    ++words;
  }
  return expression;
}

storage::CatalogQuery to_catalog_query(const ProductSearch& search,
                                       std::string_view currency,
                                       bool member) {
  if (search.limit < 1 || search.limit > 200) {
    throw Error(ErrorCode::invalid_argument,
                "limit must be 1 to 200, got " + std::to_string(search.limit),
                "limit");
  }
  if (search.q.size() > kMaxQueryBytes) {
    throw Error(ErrorCode::invalid_argument,
                "q is " + std::to_string(search.q.size()) +
                    " bytes; the maximum is " + std::to_string(kMaxQueryBytes),
                "q");
  }
  storage::CatalogQuery query;
  query.match = fts_match_expression(search.q);
  query.category = search.category;
  query.vendor = search.vendor;
  query.tag = search.tag;
  if (search.min_price) {
    query.min_price = price_bound(*search.min_price, currency, "min_price");
  }
  if (search.max_price) {
    query.max_price = price_bound(*search.max_price, currency, "max_price");
  }
  query.in_stock = search.in_stock;
  query.status = member ? search.status : ProductStatus::active;
  query.limit = search.limit;
  if (!member && search.status && *search.status != ProductStatus::active) {
    // A status the caller may not see gives an empty page rather than an
    // error, like any other filter that matches nothing.
    query.limit = 0;
  }
  query.sort = search.sort;
  if (query.sort == ProductSort::relevance && query.match.empty()) {
    query.sort = ProductSort::newest;
  }
  if (!search.cursor.empty()) {
    query.after = decode_cursor(search.cursor, query.sort);
  }
  return query;
}

Page<Product> to_product_page(storage::CatalogPage page, ProductSort sort) {
  Page<Product> result;
  result.items = std::move(page.items);
  if (page.next) result.next_cursor = encode_cursor(sort, *page.next);
  return result;
}

std::string encode_cursor(ProductSort sort, const storage::SearchKey& key) {
  nlohmann::json json = {{"s", to_string(sort)}, {"i", key.id}};
  switch (sort) {
    case ProductSort::newest:
    case ProductSort::price:
      json["n"] = key.number;
      break;
    case ProductSort::title:
      json["t"] = key.text;
      break;
    case ProductSort::relevance:
      json["r"] = key.score;
      break;
  }
  return base64url_encode(json.dump());
}

storage::SearchKey decode_cursor(std::string_view cursor, ProductSort sort) {
  std::string text;
  if (!base64url_decode(cursor, text)) throw bad_cursor("not base64url");
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) throw bad_cursor("not a JSON object");
  const auto sort_name = json.find("s");
  const auto id = json.find("i");
  if (sort_name == json.end() || !sort_name->is_string() ||
      *sort_name != to_string(sort)) {
    throw bad_cursor("made for another sort order");
  }
  if (id == json.end() || !id->is_string()) throw bad_cursor("no id");
  storage::SearchKey key;
  key.id = id->get<std::string>();
  const char* field = sort == ProductSort::title       ? "t"
                      : sort == ProductSort::relevance ? "r"
                                                       : "n";
  const auto value = json.find(field);
  if (value == json.end()) throw bad_cursor("no sort key");
  const bool valid_type = sort == ProductSort::title ? value->is_string()
                          : sort == ProductSort::relevance
                              ? value->is_number()
                              : value->is_number_integer();
  if (!valid_type) throw bad_cursor("sort key of the wrong type");
  if (sort == ProductSort::title) {
    key.text = value->get<std::string>();
  } else if (sort == ProductSort::relevance) {
    key.score = value->get<double>();
  } else {
    key.number = value->get<std::int64_t>();
  }
  return key;
}

}  // namespace shopkit::internal
