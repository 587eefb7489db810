// AdminService: product export in Shopify's product CSV layout.
#include <array>
#include <ostream>
#include <sstream>

#include "csv/writer.h"
#include "shopkit/admin_service.h"

namespace shopkit {
namespace {

// Shopify's classic column names, in its order, then Collection (the
// product's categories, comma-separated, as Shopify's import reads it)
// and Status.
constexpr std::array<std::string_view, 31> kColumns = {
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Type",
    "Tags",
    "Published",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Inventory Tracker",
    "Variant Inventory Qty",
    "Variant Inventory Policy",
    "Variant Fulfillment Service",
    "Variant Price",
    "Variant Compare At Price",
    "Variant Requires Shipping",
    "Variant Taxable",
    "Variant Barcode",
    "Image Src",
    "Image Position",
    "Image Alt Text",
    "Gift Card",
    "Variant Weight Unit",
    "Collection",
    "Status",
};

enum Field : std::size_t {
  kHandle,
  kTitle,
  kBody,
  kVendor,
  kType,
  kTags,
  kPublished,
  kOption1Name,
  kOption1Value,
  kSku = 13,
  kGrams,
  kTracker,
  kQuantity,
  kPolicy,
  kFulfillment,
  kPrice,
  kCompareAt,
  kRequiresShipping,
  kTaxable,
  kBarcode,
  kImageSrc,
  kImagePosition,
  kImageAlt,
  kGiftCard,
  kWeightUnit,
  kCollection,
  kStatus,
};

std::string join(const std::vector<std::string>& values) {
  std::string text;
  for (const std::string& value : values) {
    if (!text.empty()) text += ", ";
    text += value;
  }
  return text;
}

void fill_product(const Product& product, std::vector<std::string>& row) {
  row[kTitle] = product.title;
  row[kBody] = product.description;
  row[kVendor] = product.vendor;
  row[kType] = product.product_type;
  row[kTags] = join(product.tags);
  row[kPublished] = product.status == ProductStatus::active ? "true" : "false";
  // NOTE: a tag or category that contains a comma is split in two when
  // the file is imported again.
  row[kCollection] = join(product.categories);
  row[kStatus] = std::string(to_string(product.status));
  row[kGiftCard] = "false";
  if (product.options.empty()) {
    row[kOption1Name] = "Title";
  }
  for (std::size_t k = 0; k < product.options.size() && k < 3; ++k) {
    row[kOption1Name + 2 * k] = product.options[k];
  }
}

void fill_variant(const Product& product, const Variant& variant,
                  std::vector<std::string>& row) {
  if (product.options.empty()) {
    row[kOption1Value] = "Default Title";
  }
  for (std::size_t k = 0; k < variant.options.size() && k < 3; ++k) {
    row[kOption1Value + 2 * k] = variant.options[k];
  }
  row[kSku] = variant.sku;
  if (variant.weight_grams) {
    row[kGrams] = std::to_string(*variant.weight_grams);
    // assign() rather than = "g" avoids a false -Wrestrict of GCC 12 -O3.
    row[kWeightUnit].assign(1, 'g');
  }
  row[kTracker] = "shopify";
  row[kQuantity] = std::to_string(variant.stock);
  row[kPolicy] = variant.allow_backorder ? "continue" : "deny";
  row[kFulfillment] = "manual";
  row[kPrice] = variant.price.to_decimal_string();
  if (variant.compare_at_price) {
    row[kCompareAt] = variant.compare_at_price->to_decimal_string();
  }
  row[kRequiresShipping] = "true";
  row[kTaxable] = "true";
  row[kBarcode] = variant.barcode.value_or("");
}

void fill_image(const Image& image, std::vector<std::string>& row) {
  row[kImageSrc] = image.url;
  row[kImagePosition] = std::to_string(image.position);
  row[kImageAlt] = image.alt;
}

// Writes one row per variant, the product fields on the first, and the
// images alongside; images beyond the variants get image-only rows.
void write_product(const Product& product, csv::Writer& writer,
                   std::vector<std::string>& row) {
  const std::size_t rows =
      std::max(product.variants.size(), product.images.size());
  for (std::size_t i = 0; i < rows; ++i) {
    std::fill(row.begin(), row.end(), std::string());
    row[kHandle] = product.handle;
    if (i == 0) fill_product(product, row);
    if (i < product.variants.size()) {
      fill_variant(product, product.variants[i], row);
    }
    if (i < product.images.size()) fill_image(product.images[i], row);
    writer.write(row);
  }
}

}  // namespace

void AdminService::export_products(const Principal& principal,
                                   const StoreId& store, std::ostream& out) {
  csv::Writer writer(out);
  writer.write(std::span<const std::string_view>(kColumns));
  std::vector<std::string> row(kColumns.size());
  ProductSearch search;
  search.sort = ProductSort::title;
  search.limit = 200;
  // Each page is read in its own transaction; keyset pagination neither
  // skips nor repeats a product that other writers touch meanwhile.
  while (true) {
    Page<Product> page = list_products(principal, store, search);
    for (const Product& product : page.items) {
      write_product(product, writer, row);
    }
    if (page.next_cursor.empty()) break;
    search.cursor = std::move(page.next_cursor);
  }
  if (!out) {
    throw Error(ErrorCode::internal, "writing the product CSV export failed");
  }
}

std::string AdminService::export_products(const Principal& principal,
                                          const StoreId& store) {
  std::ostringstream out;
  export_products(principal, store, out);
  return std::move(out).str();
}

}  // namespace shopkit
