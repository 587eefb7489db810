// Products, variants, images, tags, categories and search, in a store
// file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/types.h"

namespace shopkit::storage {

// The sort key of the last product of a page; the next page starts right
// after it. Which field is used depends on the sort order: `number` for
// newest (created_at in ms) and price (min_price), `text` for title,
// `score` for relevance. `id` breaks ties, so the order is total.
struct SearchKey {
  std::int64_t number = 0;
  std::string text;
  double score = 0;
  std::string id;
};

// A catalog query in storage terms. `match` is an FTS5 expression that
// the caller built from quoted words only (see catalog_search.h); empty
// means no text filter.
struct CatalogQuery {
  std::string match;
  std::optional<std::string> category;
  std::optional<std::string> vendor;
  std::optional<std::string> tag;
  std::optional<std::int64_t> min_price;  // Minor units.
  std::optional<std::int64_t> max_price;
  bool in_stock = false;
  std::optional<ProductStatus> status;
  ProductSort sort = ProductSort::newest;
  int limit = 50;
  std::optional<SearchKey> after;
};

struct CatalogPage {
  std::vector<Product> items;
  // Key of the last item when more rows follow; empty on the last page.
  std::optional<SearchKey> next;
};

// The fields of a variant and its product that checkout reads.
struct SellableVariant {
  VariantId id;
  ProductId product_id;
  std::string sku;
  std::string product_title;
  ProductStatus product_status = ProductStatus::draft;
  std::vector<std::string> options;  // The variant's option values.
  std::int64_t price = 0;            // Minor units.
  std::int64_t stock = 0;
  bool allow_backorder = false;
};

// Money read from the file is in `currency`, the store's currency, which
// callers pass in because the file stores minor units only.
class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;

  // Returns the handles that equal `base` or start with `base` + "-".
  virtual std::vector<std::string> handles_with_base(
      std::string_view base) = 0;

  // Inserts the product with its variants, images, tags, categories and
  // search text. Raises already_exists naming the handle or the SKU that
  // is taken.
  virtual void insert(const Product& product) = 0;

  virtual std::optional<Product> find(const ProductId& id,
                                      std::string_view currency) = 0;
  virtual std::optional<Product> find_by_handle(std::string_view handle,
                                                std::string_view currency) = 0;

  // Rewrites the product row, its lists and search text. Variants of
  // `product` with an id that exists are updated in place (stock too),
  // new ids are inserted, and variants no longer listed are deleted.
  // Raises already_exists like insert().
  virtual void update(const Product& product) = 0;

  // Deletes the product with its variants, images, tags and categories.
  // Returns false when it did not exist.
  virtual bool erase(const ProductId& id) = 0;

  // True when the store has at least one product.
  virtual bool any() = 0;

  virtual CatalogPage search(const CatalogQuery& query,
                             std::string_view currency) = 0;

  virtual std::optional<SellableVariant> find_variant_by_sku(
      std::string_view sku) = 0;
  virtual std::optional<SellableVariant> find_variant(const VariantId& id) = 0;

  // Recomputes the product's min_price, total_stock and sellable columns
  // from its variants; call after any stock change.
  virtual void refresh_summary(const ProductId& id) = 0;

  // From begin_search_text_batch() on, insert(), update() and erase()
  // queue their changes to the full-text index, and
  // end_search_text_batch() makes them, in order. Call both in one
  // transaction, and no search() in between, because it would see the
  // old text. Batch writes use this because FTS5's xSavepoint writes its
  // pending terms out as a new index segment (fts5_main.c, SQLite 3.40).
  // SQLite calls it whenever a later statement of the transaction opens
  // a statement journal, as the DELETEs of update() do. Written one
  // product at a time, the segments then need constant merging. A begin
  // without an end, as after an exception, drops the queue at the next
  // begin.
  virtual void begin_search_text_batch() = 0;
  virtual void end_search_text_batch() = 0;
};

}  // namespace shopkit::storage
