// The common shape that every import layout's rows are turned into: a
// product as AdminService takes it, with the file lines it came from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "csv/header_map.h"
#include "csv/reader.h"
#include "shopkit/catalog.h"
#include "shopkit/product_csv.h"

namespace shopkit::csv {

// The header name, in one file, of the column that each field of
// ProductInput or VariantInput comes from ("price" to "Variant Price").
// A variant's option values are under "variant_options". Fields that no
// column fills are absent.
using FieldColumns = std::unordered_map<std::string, std::string>;

// A product read from the rows of one import file, not yet written.
struct ProductDraft {
  std::int64_t line = 0;  // Line of the product's first row.
  std::int64_t rows = 0;  // Rows that belong to the product.
  // The product as read. input.handle is always set: it is the key that
  // makes a second import of the same file update instead of duplicate.
  ProductInput input;
  // The line of each of input.variants, in the same order, and the
  // file's column for each product field, so an error that the catalog
  // rules raise can be reported at a line and column.
  std::vector<std::int64_t> variant_lines;
  std::shared_ptr<const FieldColumns> columns;
  // Problems in the product's rows. When `errors` is not empty the
  // product is skipped whole.
  std::vector<ImportIssue> errors;
  std::vector<ImportIssue> warnings;
};

// Output of a mapper: the products whose rows are complete, and the
// problems of rows that belong to no product.
struct MappedRows {
  std::vector<ProductDraft> products;
  std::vector<ImportIssue> errors;
  std::vector<ImportIssue> warnings;
};

// Turns the data rows of one layout into products. Rows arrive in file
// order; a product is moved to `out.products` once no later row can add
// to it.
class RowMapper {
 public:
  virtual ~RowMapper() = default;
  virtual void add(const Record& row, MappedRows& out) = 0;
  // Completes the products still open at the end of the file.
  virtual void finish(MappedRows& out) = 0;
};

// Picks the layout from the header names, or returns nullopt when the
// header matches none of them.
std::optional<ImportFormat> detect_format(const HeaderMap& header);

// Returns the mapper for `format` (not detect). Prices are parsed in
// `currency`, the store's currency.
std::unique_ptr<RowMapper> make_row_mapper(ImportFormat format,
                                           const HeaderMap& header,
                                           std::string currency);

// Helpers shared by the mappers.

// Returns the first present column among `names` (a layout's old and
// new spellings of one column).
Column find_column(const HeaderMap& header,
                   std::initializer_list<std::string_view> names);

// Splits `text` at `separator` and trims each part; empty parts are
// dropped.
std::vector<std::string> split_list(std::string_view text, char separator);

// Parses a whole number such as "12" or "-3". Returns nullopt for
// anything else, including "1.5", "1e3" and values outside int64.
std::optional<std::int64_t> parse_integer(std::string_view text);

// Converts a decimal weight such as "1.5" or ".5" in `unit` (g, kg, lb,
// lbs or oz) to whole grams, rounding half up. Returns nullopt when the
// text is not a non-negative decimal or the unit is unknown.
std::optional<std::int64_t> weight_to_grams(std::string_view text,
                                            std::string_view unit);

// Adds an issue naming `column` at `line` to `issues`.
void add_issue(std::vector<ImportIssue>& issues, std::int64_t line,
               const Column& column, std::string message,
               const std::string& handle);

// Builds a FieldColumns from pairs of a field name and a column; absent
// columns are left out.
std::shared_ptr<const FieldColumns> make_field_columns(
    std::initializer_list<std::pair<std::string_view, Column>> pairs);

// Finds where the catalog field `field` ("title", "variants[2].price",
// "images[0].url") of `draft` came from: the variant's line for variant
// fields, else the product's first line, and the column header. The
// column is empty when the field has none.
ImportIssue locate_field(const ProductDraft& draft, std::string_view field);

// Adds an error of the product's row at `line` to `draft`.
void add_error(ProductDraft& draft, std::int64_t line, const Column& column,
               std::string message);

// Parses the price in `column` of `row` in `currency`. An empty cell
// gives nullopt, or an error when `required`. A malformed price or one
// with more decimals than the currency has adds an error to `draft` and
// gives nullopt.
std::optional<Money> read_price(const Record& row, const Column& column,
                                const std::string& currency, bool required,
                                ProductDraft& draft);

// Adds an image unless the product already has one with that URL.
void add_image(ProductInput& product, std::string_view url,
               std::string_view alt, int position);

// Orders images by position, those without one (0) last in file order,
// and numbers them 1, 2, 3, ...
void number_images(std::vector<Image>& images);

// The SKUs one file has used so far, to report a second use.
class SkuRegistry {
 public:
  // Records `sku` for the variant at `line`. Returns false, after adding
  // an error to `draft` that names the line of the first use, when the
  // file used the SKU before. An empty SKU is always accepted.
  bool claim(std::string_view sku, std::int64_t line, const Column& column,
             ProductDraft& draft);

 private:
  std::unordered_map<std::string, std::int64_t> first_line_;
};

// Finds the columns that hold values but are not imported, so the
// report can name each of them once.
class UnreadColumns {
 public:
  // `read` lists the columns a mapper reads; `quiet` names columns that
  // are not imported but whose values need no warning.
  UnreadColumns(const HeaderMap& header, const std::vector<Column>& read,
                std::initializer_list<std::string_view> quiet);
  void check(const Record& row);
  // Adds one warning per unread column that had a value.
  void report(std::vector<ImportIssue>& warnings) const;

 private:
  std::vector<std::size_t> watched_;      // Indexes of unread columns.
  std::vector<std::int64_t> first_line_;  // 0 until a value is seen.
  std::vector<std::string> names_;
};

}  // namespace shopkit::csv
