// Shopify's product CSV. Rows that share a Handle form one product and
// must be consecutive. The first row contains the product fields, option
// names, the first variant and the first image; each later row adds a
// variant (it has an option value, SKU or price), an image, or both.
// Both Shopify's classic header names (Handle, Variant Price, ...) and
// the newer ones (URL handle, Price, ...) are read.
#include <array>
#include <optional>
#include <unordered_map>

#include "csv/layouts.h"

namespace shopkit::csv {
namespace {

// The Option1 Name and Value of a product with a single variant.
constexpr std::string_view kDefaultOptionName = "Title";
constexpr std::string_view kDefaultOptionValue = "Default Title";

struct ShopifyColumns {
  explicit ShopifyColumns(const HeaderMap& header);
  std::vector<Column> all() const;

  Column handle, title, body, vendor, type, tags, published, status;
  Column product_category, collection;
  std::array<Column, 3> option_name, option_value;
  Column sku, grams, quantity, policy, continue_selling, price, compare_at;
  Column barcode, image_src, image_position, image_alt, variant_image;
};

ShopifyColumns::ShopifyColumns(const HeaderMap& h)
    : handle(find_column(h, {"Handle", "URL handle"})),
      title(h.find("Title")),
      body(find_column(h, {"Body (HTML)", "Description"})),
      vendor(h.find("Vendor")),
      type(h.find("Type")),
      tags(h.find("Tags")),
      published(find_column(h, {"Published", "Published on online store"})),
      status(h.find("Status")),
      product_category(h.find("Product Category")),
      collection(h.find("Collection")),
      sku(find_column(h, {"Variant SKU", "SKU"})),
      grams(find_column(h, {"Variant Grams", "Weight value (grams)"})),
      quantity(find_column(h, {"Variant Inventory Qty", "Inventory quantity"})),
      policy(h.find("Variant Inventory Policy")),
      continue_selling(h.find("Continue selling when out of stock")),
      price(find_column(h, {"Variant Price", "Price"})),
      compare_at(
          find_column(h, {"Variant Compare At Price", "Compare-at price"})),
      barcode(find_column(h, {"Variant Barcode", "Barcode"})),
      image_src(find_column(h, {"Image Src", "Product image URL"})),
      image_position(h.find("Image Position")),
      image_alt(h.find("Image Alt Text")),
      variant_image(find_column(h, {"Variant Image", "Variant image URL"})) {
  for (int i = 0; i < 3; ++i) {
    const std::string n = std::to_string(i + 1);
    option_name[i] = h.find("Option" + n + " Name");
    option_value[i] = h.find("Option" + n + " Value");
  }
}

std::vector<Column> ShopifyColumns::all() const {
  std::vector<Column> columns = {
      handle,    title,        body,     vendor,           type,
      tags,      published,    status,   product_category, collection,
      sku,       grams,        quantity, policy,           continue_selling,
      price,     compare_at,   barcode,  image_src,        image_position,
      image_alt, variant_image};
  columns.insert(columns.end(), option_name.begin(), option_name.end());
  columns.insert(columns.end(), option_value.begin(), option_value.end());
  return columns;
}

class ShopifyMapper : public RowMapper {
 public:
  ShopifyMapper(const HeaderMap& header, std::string currency)
      : columns_(header),
        currency_(std::move(currency)),
        unread_(header, columns_.all(),
                {"Variant Inventory Tracker", "Variant Fulfillment Service",
                 "Variant Requires Shipping", "Variant Taxable", "Gift Card",
                 "Variant Weight Unit", "Variant Tax Code", "Charge tax",
                 "Requires shipping", "Fulfillment service",
                 "Inventory tracker", "Weight unit for display"}),
        field_columns_(
            make_field_columns({{"title", columns_.title},
                                {"handle", columns_.handle},
                                {"description", columns_.body},
                                {"vendor", columns_.vendor},
                                {"product_type", columns_.type},
                                {"tags", columns_.tags},
                                {"categories", columns_.collection.present()
                                                   ? columns_.collection
                                                   : columns_.product_category},
                                {"options", columns_.option_name[0]},
                                {"variants", columns_.option_value[0]},
                                {"variant_options", columns_.option_value[0]},
                                {"sku", columns_.sku},
                                {"price", columns_.price},
                                {"compare_at_price", columns_.compare_at},
                                {"stock", columns_.quantity},
                                {"weight_grams", columns_.grams},
                                {"barcode", columns_.barcode},
                                {"images", columns_.image_src}})) {}

  void add(const Record& row, MappedRows& out) override;
  void finish(MappedRows& out) override;

 private:
  void start_product(const Record& row, std::string_view handle,
                     MappedRows& out);
  void read_product_fields(const Record& row, ProductDraft& draft);
  void read_options(const Record& row, ProductDraft& draft);
  void continue_product(const Record& row, ProductDraft& draft);
  void read_variant(const Record& row, ProductDraft& draft);
  void read_stock(const Record& row, VariantInput& variant,
                  ProductDraft& draft);
  void read_image(const Record& row, ProductDraft& draft);
  bool is_variant_row(const Record& row) const;
  void close_product(MappedRows& out);

  ShopifyColumns columns_;
  std::string currency_;
  UnreadColumns unread_;
  std::shared_ptr<const FieldColumns> field_columns_;
  std::optional<ProductDraft> open_;
  bool default_variant_ = false;  // The open product uses "Default Title".
  std::vector<std::string> variant_images_;
  std::unordered_map<std::string, std::int64_t> handle_lines_;
  SkuRegistry skus_;
};

void ShopifyMapper::add(const Record& row, MappedRows& out) {
  unread_.check(row);
  const std::string_view handle = columns_.handle.trimmed(row);
  if (handle.empty()) {
    add_issue(out.errors, row.line, columns_.handle,
              "missing " + columns_.handle.name() +
                  "; every row must name the handle of its product",
              "");
    return;
  }
  if (open_ && open_->input.handle == handle) {
    continue_product(row, *open_);
    return;
  }
  close_product(out);
  start_product(row, handle, out);
}

void ShopifyMapper::finish(MappedRows& out) {
  close_product(out);
  unread_.report(out.warnings);
}

void ShopifyMapper::start_product(const Record& row, std::string_view handle,
                                  MappedRows&) {
  open_.emplace();
  ProductDraft& draft = *open_;
  draft.line = row.line;
  draft.rows = 1;
  draft.input.handle = std::string(handle);
  draft.columns = field_columns_;
  default_variant_ = false;
  variant_images_.clear();

  auto [it, inserted] = handle_lines_.emplace(draft.input.handle, row.line);
  if (!inserted) {
    add_error(draft, row.line, columns_.handle,
              "rows of handle '" + draft.input.handle +
                  "' must be consecutive, but the product already started on "
                  "line " +
                  std::to_string(it->second));
  }
  read_product_fields(row, draft);
  read_options(row, draft);
  read_variant(row, draft);
  read_image(row, draft);
}

void ShopifyMapper::read_product_fields(const Record& row,
                                        ProductDraft& draft) {
  ProductInput& product = draft.input;
  product.title = std::string(columns_.title.trimmed(row));
  if (product.title.empty()) {
    add_error(
        draft, row.line, columns_.title,
        "missing Title on the first row of product '" + product.handle + "'");
  }
  product.description = std::string(columns_.body.raw(row));
  product.vendor = std::string(columns_.vendor.trimmed(row));
  product.product_type = std::string(columns_.type.trimmed(row));
  product.tags = split_list(columns_.tags.raw(row), ',');

  // Categories: Shopify's taxonomy path ("Home & Garden > Plants") and
  // the Collection column, a comma-separated list.
  const std::string_view category = columns_.product_category.trimmed(row);
  if (!category.empty()) product.categories.emplace_back(category);
  for (std::string& name : split_list(columns_.collection.raw(row), ',')) {
    product.categories.push_back(std::move(name));
  }

  // Status wins when set. Otherwise Published decides, and Shopify
  // publishes a product whose Published cell is empty.
  const std::string status = ascii_lower(columns_.status.trimmed(row));
  const std::string published = ascii_lower(columns_.published.trimmed(row));
  if (!status.empty()) {
    try {
      product.status = product_status_from_string(status);
    } catch (const Error&) {
      add_error(draft, row.line, columns_.status,
                "invalid Status '" + status +
                    "'; expected active, draft or archived");
    }
  } else if (published.empty() || published == "true") {
    product.status = ProductStatus::active;
  } else if (published == "false") {
    product.status = ProductStatus::draft;
  } else {
    add_error(draft, row.line, columns_.published,
              "invalid " + columns_.published.name() + " '" + published +
                  "'; expected true or false");
  }
}

void ShopifyMapper::read_options(const Record& row, ProductDraft& draft) {
  const std::string_view first_name = columns_.option_name[0].trimmed(row);
  const std::string_view first_value = columns_.option_value[0].trimmed(row);
  if (first_name == kDefaultOptionName &&
      (first_value == kDefaultOptionValue || first_value.empty()) &&
      columns_.option_name[1].trimmed(row).empty()) {
    default_variant_ = true;  // One variant, no options.
    return;
  }
  bool gap = false;
  for (int i = 0; i < 3; ++i) {
    const std::string_view name = columns_.option_name[i].trimmed(row);
    if (name.empty()) {
      gap = true;
      continue;
    }
    if (gap) {
      add_error(draft, row.line, columns_.option_name[i],
                "option '" + std::string(name) + "' is in " +
                    columns_.option_name[i].name() + " but " +
                    columns_.option_name[i - 1].name() +
                    " is empty; fill the option names from Option1 on");
    }
    draft.input.options.emplace_back(name);
  }
}

bool ShopifyMapper::is_variant_row(const Record& row) const {
  for (const Column& column : columns_.option_value) {
    if (!column.trimmed(row).empty()) return true;
  }
  return !columns_.sku.trimmed(row).empty() ||
         !columns_.price.trimmed(row).empty();
}

void ShopifyMapper::continue_product(const Record& row, ProductDraft& draft) {
  ++draft.rows;
  const bool variant = is_variant_row(row);
  const bool image = !columns_.image_src.trimmed(row).empty();
  if (variant && default_variant_) {
    add_error(draft, row.line, columns_.option_value[0],
              "product '" + draft.input.handle +
                  "' has a single default variant (Option1 Name 'Title'), so "
                  "this row cannot add another; give the product real "
                  "option names on its first row");
  } else if (variant) {
    read_variant(row, draft);
  }
  if (image) read_image(row, draft);
  if (!variant && !image) {
    add_issue(draft.warnings, row.line, Column(),
              "row has neither a variant nor an image; ignored",
              draft.input.handle);
  }
}

void ShopifyMapper::read_variant(const Record& row, ProductDraft& draft) {
  VariantInput variant;
  for (std::size_t i = 0; i < 3; ++i) {
    const Column& column = columns_.option_value[i];
    const std::string_view value = column.trimmed(row);
    if (i < draft.input.options.size()) {
      if (value.empty()) {
        add_error(draft, row.line, column,
                  "missing " + column.name() + " for option '" +
                      draft.input.options[i] + "'");
      }
      variant.options.emplace_back(value);
    } else if (!value.empty() &&
               !(default_variant_ && value == kDefaultOptionValue)) {
      add_error(draft, row.line, column,
                column.name() + " '" + std::string(value) +
                    "' has no option name; set Option" + std::to_string(i + 1) +
                    " Name on the product's first row");
    }
  }

  variant.sku = std::string(columns_.sku.trimmed(row));
  skus_.claim(variant.sku, row.line, columns_.sku, draft);
  if (auto price = read_price(row, columns_.price, currency_, true, draft)) {
    variant.price = *price;
  }
  variant.compare_at_price =
      read_price(row, columns_.compare_at, currency_, false, draft);
  read_stock(row, variant, draft);

  const std::string_view grams = columns_.grams.trimmed(row);
  if (!grams.empty()) {
    variant.weight_grams = weight_to_grams(grams, "g");
    if (!variant.weight_grams) {
      add_error(draft, row.line, columns_.grams,
                "invalid weight '" + std::string(grams) +
                    "'; expected grams as a number such as 250");
    }
  }
  const std::string_view barcode = columns_.barcode.trimmed(row);
  if (!barcode.empty()) variant.barcode = std::string(barcode);
  const std::string_view image = columns_.variant_image.trimmed(row);
  if (!image.empty()) variant_images_.emplace_back(image);

  draft.input.variants.push_back(std::move(variant));
  draft.variant_lines.push_back(row.line);
}

void ShopifyMapper::read_stock(const Record& row, VariantInput& variant,
                               ProductDraft& draft) {
  const std::string policy = ascii_lower(columns_.policy.trimmed(row));
  const std::string keep_selling =
      ascii_lower(columns_.continue_selling.trimmed(row));
  if (policy == "continue" || keep_selling == "true") {
    variant.allow_backorder = true;
  } else if (!policy.empty() && policy != "deny") {
    add_error(
        draft, row.line, columns_.policy,
        "invalid inventory policy '" + policy + "'; expected deny or continue");
  } else if (!keep_selling.empty() && keep_selling != "false") {
    add_error(draft, row.line, columns_.continue_selling,
              "invalid value '" + keep_selling + "'; expected true or false");
  }

  // An empty quantity keeps the stock of an existing variant on update
  // and starts a new one at 0.
  const std::string_view text = columns_.quantity.trimmed(row);
  if (text.empty()) return;
  std::optional<std::int64_t> quantity = parse_integer(text);
  if (!quantity) {
    add_error(draft, row.line, columns_.quantity,
              "invalid quantity '" + std::string(text) +
                  "'; expected a whole number");
    return;
  }
  if (*quantity < 0 && !variant.allow_backorder) {
    // Shopify lets stock go negative even under the deny policy; shopkit
    // allows that only with backorders, so the stock is set to 0.
    add_issue(draft.warnings, row.line, columns_.quantity,
              "negative quantity " + std::string(text) +
                  " imported as 0 because the variant does not allow "
                  "backorders",
              draft.input.handle);
    quantity = 0;
  }
  variant.stock = quantity;
}

void ShopifyMapper::read_image(const Record& row, ProductDraft& draft) {
  const std::string_view url = columns_.image_src.trimmed(row);
  if (url.empty()) return;
  int position = 0;
  const std::string_view text = columns_.image_position.trimmed(row);
  if (!text.empty()) {
    std::optional<std::int64_t> value = parse_integer(text);
    if (!value || *value < 1 || *value > 100000) {
      add_error(draft, row.line, columns_.image_position,
                "invalid image position '" + std::string(text) +
                    "'; expected a whole number from 1");
    } else {
      position = static_cast<int>(*value);
    }
  }
  add_image(draft.input, url, columns_.image_alt.trimmed(row), position);
}

void ShopifyMapper::close_product(MappedRows& out) {
  if (!open_) return;
  ProductDraft& draft = *open_;
  // shopkit variants have no image of their own, so a Variant Image that
  // is not already a product image is kept as one, after the others.
  for (const std::string& url : variant_images_) {
    add_image(draft.input, url, "", 0);
  }
  number_images(draft.input.images);
  out.products.push_back(std::move(draft));
  open_.reset();
}

}  // namespace

std::unique_ptr<RowMapper> make_shopify_mapper(const HeaderMap& header,
                                               std::string currency) {
  return std::make_unique<ShopifyMapper>(header, std::move(currency));
}

}  // namespace shopkit::csv
