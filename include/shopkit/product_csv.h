// Value types of the product import and export in CSV: which layout a
// file has, the options of an import and the report it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/export.h"

namespace shopkit {

// The column layout of a product CSV file.
//  shopify: Shopify's product CSV (Handle, Title, Body (HTML), ...), one
//    row per variant or extra image, grouped by Handle.
//  woocommerce: WooCommerce's product CSV export (ID, Type, SKU, Name,
//    ...), one row per product or variation.
//  vendure: Vendure's bulk-import CSV (name, slug, ..., optionGroups,
//    optionValues, sku, price), one row per variant.
//  detect: pick one of the above from the header row.
enum class ImportFormat { detect, shopify, woocommerce, vendure };

SHOPKIT_EXPORT std::string_view to_string(ImportFormat format);
// Raises invalid_argument naming `name` when it is not a format.
SHOPKIT_EXPORT ImportFormat import_format_from_string(std::string_view name);

struct ImportReport;

struct ImportOptions {
  ImportFormat format = ImportFormat::detect;
  // True: read and check the whole file, report what would happen, and
  // write nothing.
  bool dry_run = false;
  // Errors and warnings past these counts are counted but not listed, so
  // a wrong file cannot make a huge report.
  std::size_t max_listed_errors = 1000;
  std::size_t max_listed_warnings = 1000;
  // Called after each batch of products is applied, with the report so
  // far; for progress output. Optional. It runs on the thread that
  // commits the store's queued writes: the importing thread, or, when
  // other writes to the store are queued, the thread of one of them.
  // During the bulk load of a store without products the callback runs
  // inside the store's write transaction: it must not write to that
  // store, and an exception from it rolls the load back.
  std::function<void(const ImportReport&)> progress;
};

// A problem found in the file. `line` is the 1-based physical line where
// the row starts, or 0 for the file as a whole. `column` is the header
// name as the file spells it, empty when no single column is at fault.
// `handle` is the product the row belongs to, when known.
struct ImportIssue {
  std::int64_t line = 0;
  std::string column;
  std::string message;
  std::string handle;
};

// Result of an import, or with dry_run, of what it would do. A product
// with an error in any of its rows is skipped whole (products_skipped).
// Every other product is created, or updated when the store already has
// its handle and a field differs.
struct ImportReport {
  ImportFormat format = ImportFormat::detect;  // The layout that was read.
  bool dry_run = false;
  std::int64_t rows_read = 0;  // Data rows, without the header.
  std::int64_t products_created = 0;
  std::int64_t products_updated = 0;
  // Products whose handle the store has and whose every field already
  // equals the file's; nothing is written for them.
  std::int64_t products_unchanged = 0;
  std::int64_t products_skipped = 0;
  std::int64_t variants_written = 0;  // Variants of created and updated
  std::int64_t images_written = 0;    // products, and their images.
  std::int64_t error_count = 0;       // All errors, listed or not.
  std::int64_t warning_count = 0;
  // Rows that were rejected, in file order. A record that is not valid
  // CSV (an unclosed quote, a field over the size limit) is an error at
  // its line too.
  std::vector<ImportIssue> errors;
  // Rows that were imported with something left out (a value shopkit
  // does not store, a product kind it does not support).
  std::vector<ImportIssue> warnings;
};

}  // namespace shopkit
