// Validation of product input and the building of Product values from
// create and update requests. Shared by AdminService and the importers.
#pragma once

#include <string>
#include <string_view>

#include "common/context.h"
#include "shopkit/catalog.h"

namespace shopkit::internal {

// Limits on product input; a value over them is invalid_argument.
inline constexpr std::size_t kMaxTitleLength = 255;   // Code points.
inline constexpr std::size_t kMaxShortText = 255;     // Code points.
inline constexpr std::size_t kMaxDescriptionBytes = 64 * 1024;
inline constexpr std::size_t kMaxHandleLength = 255;  // Bytes.
inline constexpr std::size_t kMaxOptions = 3;
inline constexpr std::size_t kMaxVariants = 250;
inline constexpr std::size_t kMaxImages = 250;
inline constexpr std::size_t kMaxTags = 250;
inline constexpr std::size_t kMaxCategories = 50;
inline constexpr std::size_t kMaxUrlBytes = 2048;

// Raises invalid_argument naming `field` when `stock` is beyond
// kMaxStock in either direction.
void check_stock_bound(std::int64_t stock, const std::string& field);

// Raises invalid_argument naming `field` unless `handle` is 1 to
// kMaxHandleLength characters of a-z, 0-9 and '-'.
void validate_product_handle(std::string_view handle, std::string_view field);

// Builds a new product from `input` with fresh ids and the current time,
// after checking every field. Prices must be in `currency`. The handle
// stays empty when the input has none; the caller picks a free one.
Product build_product(const ProductInput& input, std::string_view currency,
                      const Context& context);

// Returns `current` with the fields that `update` sets, checked like
// build_product. Variants are matched to existing ones by id, then by
// SKU; a variant input without stock keeps the matched variant's stock.
Product apply_product_update(const Product& current,
                             const ProductUpdate& update,
                             std::string_view currency,
                             const Context& context);

// Returns the handle for a product without a given handle: the slug of
// its title, or "product-" and the end of its id when the title has
// nothing a slug keeps.
std::string handle_base(const Product& product);

}  // namespace shopkit::internal
