// Vendure's bulk-import CSV. A row with a name starts a product; the
// rows after it with empty name and slug are more variants of it. Option
// names (optionGroups) and each variant's values (optionValues) are
// '|'-separated lists, and so are assets and facets ("category:Plants").
// Vendure pads cells with spaces to align columns, so every cell is
// trimmed.
#include <optional>
#include <unordered_map>

#include "csv/layouts.h"
#include "store/slug.h"

namespace shopkit::csv {
namespace {

struct VendureColumns {
  explicit VendureColumns(const HeaderMap& header);
  std::vector<Column> all() const;

  Column name, slug, description, assets, facets, option_groups;
  Column option_values, sku, price, stock, track_inventory;
};

VendureColumns::VendureColumns(const HeaderMap& h)
    : name(h.find("name")),
      slug(h.find("slug")),
      description(h.find("description")),
      assets(h.find("assets")),
      facets(h.find("facets")),
      option_groups(h.find("optionGroups")),
      option_values(h.find("optionValues")),
      sku(h.find("sku")),
      price(h.find("price")),
      stock(h.find("stockOnHand")),
      track_inventory(h.find("trackInventory")) {}

std::vector<Column> VendureColumns::all() const {
  return {name,   slug,          description,    assets,
          facets, option_groups, option_values,  sku,
          price,  stock,         track_inventory};
}

bool is_http_url(std::string_view text) {
  return text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0;
}

class VendureMapper : public RowMapper {
 public:
  VendureMapper(const HeaderMap& header, std::string currency)
      : columns_(header),
        currency_(std::move(currency)),
        unread_(header, columns_.all(), {"taxCategory"}),
        field_columns_(
            make_field_columns({{"title", columns_.name},
                                {"handle", columns_.slug},
                                {"description", columns_.description},
                                {"vendor", columns_.facets},
                                {"tags", columns_.facets},
                                {"categories", columns_.facets},
                                {"options", columns_.option_groups},
                                {"variants", columns_.option_values},
                                {"variant_options", columns_.option_values},
                                {"sku", columns_.sku},
                                {"price", columns_.price},
                                {"stock", columns_.stock},
                                {"images", columns_.assets}})) {}

  void add(const Record& row, MappedRows& out) override;
  void finish(MappedRows& out) override;

 private:
  void start_product(const Record& row);
  void read_facets(const Record& row, ProductDraft& draft);
  void read_variant(const Record& row, ProductDraft& draft);
  void close_product(MappedRows& out);

  VendureColumns columns_;
  std::string currency_;
  UnreadColumns unread_;
  std::shared_ptr<const FieldColumns> field_columns_;
  std::optional<ProductDraft> open_;
  std::unordered_map<std::string, std::int64_t> handle_lines_;
  SkuRegistry skus_;
  std::int64_t skipped_assets_ = 0;
  std::int64_t first_skipped_asset_line_ = 0;
};

void VendureMapper::add(const Record& row, MappedRows& out) {
  unread_.check(row);
  const bool starts_product = !columns_.name.trimmed(row).empty() ||
                              !columns_.slug.trimmed(row).empty();
  if (starts_product) {
    close_product(out);
    start_product(row);
    return;
  }
  if (!open_) {
    add_issue(out.errors, row.line, columns_.name,
              "missing name: the first data row must start a product", "");
    return;
  }
  ++open_->rows;
  read_variant(row, *open_);
}

void VendureMapper::finish(MappedRows& out) {
  close_product(out);
  if (skipped_assets_ > 0) {
    add_issue(out.warnings, first_skipped_asset_line_, columns_.assets,
              std::to_string(skipped_assets_) +
                  " assets are file names, not http or https URLs, and were "
                  "not imported; shopkit stores image URLs only",
              "");
  }
  unread_.report(out.warnings);
}

void VendureMapper::start_product(const Record& row) {
  open_.emplace();
  ProductDraft& draft = *open_;
  ProductInput& product = draft.input;
  draft.line = row.line;
  draft.rows = 1;
  draft.columns = field_columns_;
  product.title = std::string(columns_.name.trimmed(row));
  product.handle = std::string(columns_.slug.trimmed(row));
  if (product.handle.empty()) product.handle = internal::slugify(product.title);
  if (product.title.empty()) {
    add_error(draft, row.line, columns_.name, "missing name of the product");
  }
  auto [it, inserted] = handle_lines_.emplace(product.handle, row.line);
  if (!inserted) {
    add_error(draft, row.line, columns_.slug,
              "slug '" + product.handle +
                  "' is already used by the product "
                  "on line " +
                  std::to_string(it->second));
  }
  product.description = std::string(columns_.description.trimmed(row));
  product.status = ProductStatus::active;
  for (const std::string& asset : split_list(columns_.assets.raw(row), '|')) {
    if (is_http_url(asset)) {
      add_image(product, asset, "", 0);
    } else if (skipped_assets_++ == 0) {
      first_skipped_asset_line_ = row.line;
    }
  }
  number_images(product.images);
  read_facets(row, draft);
  product.options = split_list(columns_.option_groups.raw(row), '|');
  read_variant(row, draft);
}

void VendureMapper::read_facets(const Record& row, ProductDraft& draft) {
  // "category:X" facets are categories and the first "brand:X" is the
  // vendor; any other facet value (color, plant type) becomes a tag.
  for (const std::string& facet : split_list(columns_.facets.raw(row), '|')) {
    const std::size_t colon = facet.find(':');
    const std::string key = colon == std::string::npos
                                ? ""
                                : ascii_lower(trim(facet.substr(0, colon)));
    const std::string value(
        trim(colon == std::string::npos ? facet : facet.substr(colon + 1)));
    if (value.empty()) continue;
    if (key == "category") {
      draft.input.categories.push_back(value);
    } else if (key == "brand" && draft.input.vendor.empty()) {
      draft.input.vendor = value;
    } else {
      draft.input.tags.push_back(value);
    }
  }
}

void VendureMapper::read_variant(const Record& row, ProductDraft& draft) {
  VariantInput variant;
  variant.options = split_list(columns_.option_values.raw(row), '|');
  if (variant.options.size() != draft.input.options.size()) {
    add_error(draft, row.line, columns_.option_values,
              "optionValues has " + std::to_string(variant.options.size()) +
                  " values but the product has " +
                  std::to_string(draft.input.options.size()) +
                  " optionGroups; give one value per group, '|'-separated");
  }
  variant.sku = std::string(columns_.sku.trimmed(row));
  skus_.claim(variant.sku, row.line, columns_.sku, draft);
  if (auto price = read_price(row, columns_.price, currency_, true, draft)) {
    variant.price = *price;
  }
  const std::string_view stock = columns_.stock.trimmed(row);
  if (!stock.empty()) {
    variant.stock = parse_integer(stock);
    if (!variant.stock || *variant.stock < 0) {
      add_error(draft, row.line, columns_.stock,
                "invalid stockOnHand '" + std::string(stock) +
                    "'; expected a whole number from 0");
    }
  }
  // trackInventory false: Vendure sells without counting stock, which
  // shopkit expresses as allowing backorders.
  variant.allow_backorder =
      ascii_lower(columns_.track_inventory.trimmed(row)) == "false";
  draft.input.variants.push_back(std::move(variant));
  draft.variant_lines.push_back(row.line);
}

void VendureMapper::close_product(MappedRows& out) {
  if (!open_) return;
  out.products.push_back(std::move(*open_));
  open_.reset();
}

}  // namespace

std::unique_ptr<RowMapper> make_vendure_mapper(const HeaderMap& header,
                                               std::string currency) {
  return std::make_unique<VendureMapper>(header, std::move(currency));
}

}  // namespace shopkit::csv
