#include "csv/product_rows.h"

#include <algorithm>
#include <charconv>
#include <limits>

#include "csv/layouts.h"
#include "store/product_rules.h"

namespace shopkit::csv {
namespace {

// GCC and Clang extension; __extension__ keeps -Wpedantic quiet.
__extension__ using Int128 = __int128;

}  // namespace

std::optional<ImportFormat> detect_format(const HeaderMap& header) {
  if (header.contains("Handle") || header.contains("URL handle")) {
    return ImportFormat::shopify;
  }
  if (header.contains("Type") && header.contains("SKU") &&
      header.contains("Name") &&
      (header.contains("Regular price") || header.contains("Parent"))) {
    return ImportFormat::woocommerce;
  }
  if (header.contains("name") && header.contains("slug") &&
      header.contains("optionGroups") && header.contains("price")) {
    return ImportFormat::vendure;
  }
  return std::nullopt;
}

std::unique_ptr<RowMapper> make_row_mapper(ImportFormat format,
                                           const HeaderMap& header,
                                           std::string currency) {
  switch (format) {
    case ImportFormat::shopify:
      return make_shopify_mapper(header, std::move(currency));
    case ImportFormat::woocommerce:
      return make_woocommerce_mapper(header, std::move(currency));
    case ImportFormat::vendure:
      return make_vendure_mapper(header, std::move(currency));
    case ImportFormat::detect:
      break;
  }
  throw Error(ErrorCode::internal, "no row mapper for format 'detect'");
}

Column find_column(const HeaderMap& header,
                   std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    Column column = header.find(name);
    if (column.present()) return column;
  }
  return Column();
}

std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> parts;
  while (true) {
    const std::size_t end = text.find(separator);
    std::string_view part = trim(text.substr(0, end));
    if (!part.empty()) parts.emplace_back(part);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return parts;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

std::optional<std::int64_t> weight_to_grams(std::string_view text,
                                            std::string_view unit) {
  // Nanograms per unit, so every factor is a whole number: a pound is
  // 453.59237 g and an ounce 28.349523125 g by definition.
  const std::string key = ascii_lower(trim(unit));
  Int128 nanograms_per_unit = 0;
  if (key == "g") {
    nanograms_per_unit = 1'000'000'000;
  } else if (key == "kg") {
    nanograms_per_unit = 1'000'000'000'000;
  } else if (key == "lb" || key == "lbs") {
    nanograms_per_unit = 453'592'370'000;
  } else if (key == "oz") {
    nanograms_per_unit = 28'349'523'125;
  } else {
    return std::nullopt;
  }

  // Read the decimal as digits / 10^scale, at most 9 fraction digits.
  Int128 digits = 0;
  Int128 scale = 1;
  bool seen_dot = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c == '.' && !seen_dot) {
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (digits > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
    if (seen_dot) {
      if (scale == 1'000'000'000) continue;  // Past nanogram precision.
      scale *= 10;
    }
    digits = digits * 10 + (c - '0');
  }
  if (!seen_digit) return std::nullopt;

  const Int128 divisor = scale * 1'000'000'000;
  const Int128 grams = (digits * nanograms_per_unit + divisor / 2) / divisor;
  if (grams > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return static_cast<std::int64_t>(grams);
}

void add_issue(std::vector<ImportIssue>& issues, std::int64_t line,
               const Column& column, std::string message,
               const std::string& handle) {
  issues.push_back(
      ImportIssue{line, column.name(), std::move(message), handle});
}

std::shared_ptr<const FieldColumns> make_field_columns(
    std::initializer_list<std::pair<std::string_view, Column>> pairs) {
  auto columns = std::make_shared<FieldColumns>();
  for (const auto& [field, column] : pairs) {
    if (column.present()) columns->emplace(field, column.name());
  }
  return columns;
}

ImportIssue locate_field(const ProductDraft& draft, std::string_view field) {
  ImportIssue issue;
  issue.line = draft.line;
  issue.handle = draft.input.handle;
  constexpr std::string_view kVariants = "variants[";
  bool variant_field = false;
  if (field.rfind(kVariants, 0) == 0) {
    const std::size_t close = field.find(']');
    std::optional<std::int64_t> index =
        parse_integer(field.substr(kVariants.size(), close - kVariants.size()));
    if (index && *index >= 0 &&
        static_cast<std::size_t>(*index) < draft.variant_lines.size()) {
      issue.line = draft.variant_lines[static_cast<std::size_t>(*index)];
    }
    field = close == std::string_view::npos ? "" : field.substr(close + 1);
    if (!field.empty() && field.front() == '.') field.remove_prefix(1);
    variant_field = true;
  }
  // "options[1]" and "images[0].url" are reported at "options", "images".
  std::string key(field.substr(0, field.find('[')));
  if (variant_field && key == "options") key = "variant_options";
  if (draft.columns) {
    auto it = draft.columns->find(key);
    if (it != draft.columns->end()) issue.column = it->second;
  }
  return issue;
}

void add_error(ProductDraft& draft, std::int64_t line, const Column& column,
               std::string message) {
  add_issue(draft.errors, line, column, std::move(message), draft.input.handle);
}

std::optional<Money> read_price(const Record& row, const Column& column,
                                const std::string& currency, bool required,
                                ProductDraft& draft) {
  const std::string_view text = column.trimmed(row);
  if (text.empty()) {
    if (required) {
      const std::string name = column.present() ? column.name() : "price";
      add_error(draft, row.line, column, "missing " + name);
    }
    return std::nullopt;
  }
  try {
    return Money::parse(text, currency);
  } catch (const Error& error) {
    // Money's message names the text, the currency and the cause, such
    // as more decimals than the currency has.
    add_error(draft, row.line, column, error.what());
    return std::nullopt;
  }
}

void add_image(ProductInput& product, std::string_view url,
               std::string_view alt, int position) {
  // One image past the catalog's limit is enough for the product to be
  // rejected. Stopping there keeps a long run of rows of one handle
  // from taking quadratic time and unbounded memory.
  if (product.images.size() > internal::kMaxImages) return;
  for (Image& image : product.images) {
    if (image.url != url) continue;
    if (image.alt.empty()) image.alt = alt;
    return;
  }
  product.images.push_back(Image{std::string(url), std::string(alt), position});
}

void number_images(std::vector<Image>& images) {
  std::stable_sort(
      images.begin(), images.end(), [](const Image& a, const Image& b) {
        auto key = [](const Image& image) {
          return image.position > 0 ? image.position
                                    : std::numeric_limits<int>::max();
        };
        return key(a) < key(b);
      });
  int position = 1;
  for (Image& image : images) image.position = position++;
}

bool SkuRegistry::claim(std::string_view sku, std::int64_t line,
                        const Column& column, ProductDraft& draft) {
  if (sku.empty()) return true;
  auto [it, inserted] = first_line_.emplace(std::string(sku), line);
  if (inserted) return true;
  add_error(draft, line, column,
            "duplicate SKU '" + std::string(sku) + "': line " +
                std::to_string(it->second) + " already uses it");
  return false;
}

UnreadColumns::UnreadColumns(const HeaderMap& header,
                             const std::vector<Column>& read,
                             std::initializer_list<std::string_view> quiet) {
  const auto& names = header.names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    bool is_read = false;
    for (const Column& column : read) {
      if (column.present() && column.index() == i) is_read = true;
    }
    for (std::string_view name : quiet) {
      if (ascii_lower(name) == ascii_lower(names[i])) is_read = true;
    }
    if (is_read || names[i].empty()) continue;
    watched_.push_back(i);
    first_line_.push_back(0);
    names_.push_back(names[i]);
  }
}

void UnreadColumns::check(const Record& row) {
  for (std::size_t k = 0; k < watched_.size(); ++k) {
    if (first_line_[k] != 0 || watched_[k] >= row.fields.size()) continue;
    if (!trim(row.fields[watched_[k]]).empty()) first_line_[k] = row.line;
  }
}

void UnreadColumns::report(std::vector<ImportIssue>& warnings) const {
  for (std::size_t k = 0; k < watched_.size(); ++k) {
    if (first_line_[k] == 0) continue;
    warnings.push_back(ImportIssue{
        first_line_[k], names_[k],
        "column '" + names_[k] +
            "' has values but is not imported; shopkit has no field for it",
        ""});
  }
}

}  // namespace shopkit::csv
