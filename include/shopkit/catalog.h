// Value types of a store's catalog and stock: products with their
// options, variants and images, search requests, and stock changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/types.h"

namespace shopkit {

// draft: visible to members only. active: visible to everyone while the
// store is active. archived: hidden from the public catalog, kept for
// members and past orders.
enum class ProductStatus { draft, active, archived };

SHOPKIT_EXPORT std::string_view to_string(ProductStatus status);
// Raises invalid_argument naming `name` when it is not a status.
SHOPKIT_EXPORT ProductStatus product_status_from_string(std::string_view name);

// The largest price in minor units (10^12, ten billion units of a
// two-decimal currency). With the checkout limits an order total stays
// far below the int64 range. A larger price is invalid_argument.
inline constexpr std::int64_t kMaxPriceMinorUnits = 1'000'000'000'000;
// The largest stock of a variant, and of a stock change, in either
// direction. A larger value is invalid_argument.
inline constexpr std::int64_t kMaxStock = 1'000'000'000'000;

// One purchasable version of a product, such as size S in blue.
struct Variant {
  VariantId id;
  // Unique in the store; empty when the variant has none (such a
  // variant cannot be bought through checkout, which names SKUs).
  std::string sku;
  // One value per product option, in the order of Product::options.
  std::vector<std::string> options;
  Money price;
  std::optional<Money> compare_at_price;
  // Units on hand. Negative only when allow_backorder is true.
  std::int64_t stock = 0;
  bool allow_backorder = false;
  std::optional<std::int64_t> weight_grams;
  std::optional<std::string> barcode;
};

struct Image {
  std::string url;  // http or https.
  std::string alt;
  int position = 0;  // 1-based display order; 0 in input means "next".
};

struct Product {
  ProductId id;
  std::string handle;  // Unique in the store; used in storefront URLs.
  std::string title;
  std::string description;  // HTML as the merchant wrote it.
  ProductStatus status = ProductStatus::draft;
  std::string vendor;
  std::string product_type;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> options;  // Option names, at most 3.
  std::vector<Variant> variants;     // At least one, in display order.
  std::vector<Image> images;
  Timestamp created_at;
  Timestamp updated_at;
};

// A variant as a create or update call gives it.
struct VariantInput {
  // Update only: the variant to change in place. When empty, an update
  // keeps the existing variant with the same SKU, if any, and otherwise
  // adds a new variant.
  VariantId id;
  std::string sku;
  std::vector<std::string> options;
  Money price;  // Must be in the store's currency.
  std::optional<Money> compare_at_price;
  // Create: the opening stock (0 when empty). Update: empty keeps the
  // current stock; a value sets it and writes a ledger row.
  std::optional<std::int64_t> stock;
  bool allow_backorder = false;
  std::optional<std::int64_t> weight_grams;
  std::optional<std::string> barcode;
};

// Input of AdminService::create_product. Omitted fields take the
// defaults shown.
struct ProductInput {
  std::string title;  // Required, 1 to 255 characters.
  // Empty: made from the title ("Café Crème" gives "cafe-creme"), with
  // "-2", "-3", ... appended when taken. Given: used as is, and
  // already_exists when taken.
  std::string handle;
  std::string description;
  ProductStatus status = ProductStatus::draft;
  std::string vendor;
  std::string product_type;
  std::vector<std::string> tags;
  std::vector<std::string> categories;
  std::vector<std::string> options;
  std::vector<VariantInput> variants;  // At least one.
  std::vector<Image> images;
};

// Input of AdminService::update_product: only the fields that are set
// change. A set `variants` replaces the variant list (variants matched
// by id or SKU keep their id; the others are removed); a set `images`,
// `tags` or `categories` replaces that list.
struct ProductUpdate {
  std::optional<std::string> title;
  std::optional<std::string> handle;  // Must be free; never regenerated.
  std::optional<std::string> description;
  std::optional<ProductStatus> status;
  std::optional<std::string> vendor;
  std::optional<std::string> product_type;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::vector<std::string>> categories;
  std::optional<std::vector<std::string>> options;
  std::optional<std::vector<VariantInput>> variants;
  std::optional<std::vector<Image>> images;
};

enum class ProductSort {
  newest,     // Newest first.
  price,      // Lowest variant price first.
  title,      // A to Z, ignoring ASCII case.
  relevance,  // Best full-text match first; newest when q is empty.
};

SHOPKIT_EXPORT std::string_view to_string(ProductSort sort);
// Raises invalid_argument naming `name` when it is not a sort order.
SHOPKIT_EXPORT ProductSort product_sort_from_string(std::string_view name);

// A catalog query. Every set filter must match. Text in `q` is data:
// words are matched as word prefixes, and FTS5 operators or quotes in
// it have no special meaning.
struct ProductSearch {
  std::string q;  // Title, description, tags, vendor and SKUs.
  std::optional<std::string> category;
  std::optional<std::string> vendor;  // Exact, ignoring ASCII case.
  std::optional<std::string> tag;     // Exact.
  // Bounds on the product's lowest variant price, inclusive, in the
  // store's currency.
  std::optional<Money> min_price;
  std::optional<Money> max_price;
  // True: only products with a variant that can be bought now (stock
  // above zero, or backorders allowed).
  bool in_stock = false;
  // Members only. Empty: every status for members; customers and
  // anonymous callers always see active products only.
  std::optional<ProductStatus> status;
  ProductSort sort = ProductSort::newest;
  int limit = 50;  // 1 to 200.
  // next_cursor of the previous page with the same query; empty for the
  // first page.
  std::string cursor;
};

// A variant's stock after a change.
struct StockLevel {
  VariantId variant_id;
  ProductId product_id;
  std::string sku;
  std::int64_t stock = 0;
  bool allow_backorder = false;
};

// One row of the inventory ledger: every change of stock writes one.
struct LedgerEntry {
  std::int64_t seq = 0;  // Position in the store's ledger.
  VariantId variant_id;
  std::string sku;
  std::int64_t delta = 0;
  std::int64_t stock_after = 0;
  // The text a member gave with an adjust or set call, or one that
  // shopkit writes: "product created", "product updated", "order",
  // "order cancelled".
  std::string reason;
  std::optional<OrderId> order_id;
  std::optional<UserId> actor_id;
  Timestamp created_at;
};

}  // namespace shopkit
