// WooCommerce's product CSV export. Each row is one product or one
// variation. Simple and external products are complete in their row. A
// variable product's variations name it in Parent (its SKU, or "id:" and
// its ID) and may come anywhere in the file, so variable products are
// held until the end of the file. Grouped products are not imported.
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "csv/layouts.h"
#include "store/slug.h"

namespace shopkit::csv {
namespace {

// "Attribute N name", "Attribute N value(s)", "... visible", "... global".
struct Attribute {
  Column name, values, visible, global;
};

struct WooColumns {
  explicit WooColumns(const HeaderMap& header);
  std::vector<Column> all() const;

  Column id, type, sku, name, published, short_description, description;
  Column in_stock, stock, backorders, weight, sale_price, regular_price;
  Column categories, tags, images, parent, position;
  std::vector<Attribute> attributes;  // "Attribute N name/value(s)".
  std::string weight_unit;            // From "Weight (lbs)" and the like.
};

WooColumns::WooColumns(const HeaderMap& h)
    : id(h.find("ID")),
      type(h.find("Type")),
      sku(h.find("SKU")),
      name(h.find("Name")),
      published(h.find("Published")),
      short_description(h.find("Short description")),
      description(h.find("Description")),
      in_stock(h.find("In stock?")),
      stock(h.find("Stock")),
      backorders(h.find("Backorders allowed?")),
      sale_price(h.find("Sale price")),
      regular_price(h.find("Regular price")),
      categories(h.find("Categories")),
      tags(h.find("Tags")),
      images(h.find("Images")),
      parent(h.find("Parent")),
      position(h.find("Position")) {
  for (const std::string& header_name : h.names()) {
    const std::string key = ascii_lower(header_name);
    if (key.rfind("weight (", 0) == 0 && key.back() == ')') {
      weight = h.find(header_name);
      weight_unit = key.substr(8, key.size() - 9);
    }
  }
  for (int n = 1;; ++n) {
    const std::string prefix = "Attribute " + std::to_string(n);
    Attribute attribute{h.find(prefix + " name"), h.find(prefix + " value(s)"),
                        h.find(prefix + " visible"),
                        h.find(prefix + " global")};
    if (!attribute.name.present()) break;
    attributes.push_back(attribute);
  }
}

std::vector<Column> WooColumns::all() const {
  std::vector<Column> columns = {id,
                                 type,
                                 sku,
                                 name,
                                 published,
                                 short_description,
                                 description,
                                 in_stock,
                                 stock,
                                 backorders,
                                 weight,
                                 sale_price,
                                 regular_price,
                                 categories,
                                 tags,
                                 images,
                                 parent,
                                 position};
  for (const Attribute& attribute : attributes) {
    columns.insert(columns.end(), {attribute.name, attribute.values,
                                   attribute.visible, attribute.global});
  }
  return columns;
}

// A variation row, kept until its variable product is complete.
struct Variation {
  std::int64_t line = 0;
  std::int64_t position = 0;
  VariantInput variant;
  // Attribute name to the value and the column that contains it.
  std::map<std::string, std::pair<std::string, Column>> attributes;
  std::vector<ImportIssue> errors;
  std::string image_url;
};

class WooMapper : public RowMapper {
 public:
  WooMapper(const HeaderMap& header, std::string currency)
      : columns_(header),
        currency_(std::move(currency)),
        unread_(header, columns_.all(),
                {"Is featured?",
                 "Visibility in catalog",
                 "Date sale price starts",
                 "Date sale price ends",
                 "Tax status",
                 "Tax class",
                 "Sold individually?",
                 "Allow customer reviews?",
                 "Length (in)",
                 "Width (in)",
                 "Height (in)",
                 "Length (cm)",
                 "Width (cm)",
                 "Height (cm)",
                 "Meta: _wpcom_is_markdown",
                 "Download limit",
                 "Download expiry days",
                 "Grouped products",
                 "Upsells",
                 "Cross-sells",
                 "External URL",
                 "Button text",
                 "Shipping class",
                 "Purchase note"}) {
    const Column attribute_names = columns_.attributes.empty()
                                       ? Column()
                                       : columns_.attributes.front().name;
    const Column attribute_values = columns_.attributes.empty()
                                        ? Column()
                                        : columns_.attributes.front().values;
    field_columns_ =
        make_field_columns({{"title", columns_.name},
                            {"description", columns_.description},
                            {"tags", columns_.tags},
                            {"categories", columns_.categories},
                            {"options", attribute_names},
                            {"variants", attribute_values},
                            {"variant_options", attribute_values},
                            {"sku", columns_.sku},
                            {"price", columns_.regular_price},
                            {"compare_at_price", columns_.regular_price},
                            {"stock", columns_.stock},
                            {"weight_grams", columns_.weight},
                            {"images", columns_.images}});
  }

  void add(const Record& row, MappedRows& out) override;
  void finish(MappedRows& out) override;

 private:
  ProductDraft read_product(const Record& row);
  void read_variant(const Record& row, VariantInput& variant,
                    std::vector<ImportIssue>& errors,
                    const std::string& handle);
  void read_weight(const Record& row, VariantInput& variant,
                   std::vector<ImportIssue>& errors);
  void read_simple_options(const Record& row, ProductDraft& draft);
  void add_variation(const Record& row, MappedRows& out);
  void complete_variable(ProductDraft& draft,
                         const std::vector<std::string>& attribute_names,
                         std::vector<Variation>& variations);
  std::vector<std::string> attribute_names(const Record& row) const;
  std::string unique_handle(std::string_view name, std::string_view sku);

  WooColumns columns_;
  std::string currency_;
  UnreadColumns unread_;
  std::shared_ptr<const FieldColumns> field_columns_;
  SkuRegistry skus_;
  std::unordered_set<std::string> handles_;
  // Variable products by "sku:<SKU>" and "id:<ID>", and their variations
  // by the Parent text they gave.
  std::vector<ProductDraft> variables_;
  std::vector<std::vector<std::string>> variable_attributes_;
  std::vector<std::optional<std::int64_t>> variable_weights_;
  std::unordered_map<std::string, std::size_t> variable_keys_;
  std::map<std::string, std::vector<Variation>> variations_;
  std::int64_t untracked_in_stock_ = 0;
  std::int64_t first_untracked_line_ = 0;
};

void WooMapper::add(const Record& row, MappedRows& out) {
  unread_.check(row);
  const std::vector<std::string> kinds =
      split_list(ascii_lower(columns_.type.trimmed(row)), ',');
  auto is = [&](std::string_view kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  const std::string name(columns_.name.trimmed(row));

  if (is("variation")) {
    add_variation(row, out);
  } else if (is("variable")) {
    ProductDraft draft = read_product(row);
    const std::size_t index = variables_.size();
    const std::string_view sku = columns_.sku.trimmed(row);
    const std::string_view id = columns_.id.trimmed(row);
    if (!sku.empty()) variable_keys_["sku:" + std::string(sku)] = index;
    if (!id.empty()) variable_keys_["id:" + std::string(id)] = index;
    variables_.push_back(std::move(draft));
    variable_attributes_.push_back(attribute_names(row));
    VariantInput parent_fields;  // Only the weight is inherited.
    std::vector<ImportIssue> ignored;
    read_weight(row, parent_fields, ignored);
    variable_weights_.push_back(parent_fields.weight_grams);
  } else if (is("simple") || is("external")) {
    ProductDraft draft = read_product(row);
    VariantInput variant;
    read_variant(row, variant, draft.errors, draft.input.handle);
    draft.input.variants.push_back(std::move(variant));
    draft.variant_lines.push_back(row.line);
    read_simple_options(row, draft);
    if (is("external")) {
      add_issue(draft.warnings, row.line, columns_.type,
                "external product '" + name +
                    "' imported as a simple product; its External URL and "
                    "Button text are not kept",
                draft.input.handle);
    }
    number_images(draft.input.images);
    out.products.push_back(std::move(draft));
  } else if (is("grouped")) {
    add_issue(out.warnings, row.line, columns_.type,
              "grouped product '" + name +
                  "' not imported: shopkit has no grouped products; the "
                  "products it groups are imported on their own rows",
              "");
  } else {
    add_issue(out.errors, row.line, columns_.type,
              "unknown product type '" +
                  std::string(columns_.type.trimmed(row)) +
                  "'; expected simple, variable, variation, grouped or "
                  "external",
              "");
  }
}

std::string WooMapper::unique_handle(std::string_view name,
                                     std::string_view sku) {
  std::string base = internal::slugify(name);
  if (base.empty()) base = internal::slugify(sku);
  if (base.empty()) base = "product";
  std::string handle = base;
  for (int n = 2; handles_.count(handle) != 0; ++n) {
    handle = base + "-" + std::to_string(n);
  }
  handles_.insert(handle);
  return handle;
}

ProductDraft WooMapper::read_product(const Record& row) {
  ProductDraft draft;
  draft.line = row.line;
  draft.rows = 1;
  draft.columns = field_columns_;
  ProductInput& product = draft.input;
  product.title = std::string(columns_.name.trimmed(row));
  // The handle comes from the name, so importing the file again finds
  // the same products; names repeated in the file get "-2", "-3", ...
  product.handle = unique_handle(product.title, columns_.sku.trimmed(row));
  if (product.title.empty()) {
    add_error(draft, row.line, columns_.name, "missing Name of the product");
  }
  product.description = std::string(columns_.description.raw(row));
  if (trim(product.description).empty()) {
    product.description = std::string(columns_.short_description.raw(row));
  }

  // 1 is published; 0 (private) and -1 (draft) are kept as drafts.
  const std::string_view published = columns_.published.trimmed(row);
  product.status = published.empty() || published == "1" ? ProductStatus::active
                                                         : ProductStatus::draft;

  product.tags = split_list(columns_.tags.raw(row), ',');
  // "Clothing > Tshirts, Music" is two categories; each keeps its path.
  for (const std::string& path :
       split_list(columns_.categories.raw(row), ',')) {
    std::string category;
    for (const std::string& part : split_list(path, '>')) {
      if (!category.empty()) category += " > ";
      category += part;
    }
    if (!category.empty()) product.categories.push_back(category);
  }
  for (const std::string& url : split_list(columns_.images.raw(row), ',')) {
    add_image(product, url, "", 0);
  }
  return draft;
}

void WooMapper::read_variant(const Record& row, VariantInput& variant,
                             std::vector<ImportIssue>& errors,
                             const std::string& handle) {
  ProductDraft scratch;  // Collects errors under the product's handle.
  scratch.input.handle = handle;
  variant.sku = std::string(columns_.sku.trimmed(row));
  skus_.claim(variant.sku, row.line, columns_.sku, scratch);

  // The sale price is what customers pay; the regular price is then the
  // compare-at price.
  std::optional<Money> regular =
      read_price(row, columns_.regular_price, currency_, false, scratch);
  std::optional<Money> sale =
      read_price(row, columns_.sale_price, currency_, false, scratch);
  if (sale) {
    variant.price = *sale;
    variant.compare_at_price = regular;
  } else if (regular) {
    variant.price = *regular;
  } else if (scratch.errors.empty()) {
    add_error(scratch, row.line, columns_.regular_price,
              "missing " + columns_.regular_price.name());
  }

  const std::string backorders = ascii_lower(columns_.backorders.trimmed(row));
  variant.allow_backorder = backorders == "1" || backorders == "notify";
  const std::string_view stock = columns_.stock.trimmed(row);
  if (!stock.empty()) {
    variant.stock = parse_integer(stock);
    if (!variant.stock) {
      add_error(scratch, row.line, columns_.stock,
                "invalid Stock '" + std::string(stock) +
                    "'; expected a whole number");
    }
  } else if (columns_.in_stock.trimmed(row) != "0") {
    // WooCommerce does not track this product's stock and sells it while
    // it is marked in stock; shopkit does the same with backorders.
    variant.stock = 0;
    variant.allow_backorder = true;
    if (untracked_in_stock_++ == 0) first_untracked_line_ = row.line;
  } else {
    variant.stock = 0;
  }

  for (ImportIssue& issue : scratch.errors) errors.push_back(std::move(issue));
  read_weight(row, variant, errors);
}

void WooMapper::read_weight(const Record& row, VariantInput& variant,
                            std::vector<ImportIssue>& errors) {
  const std::string_view weight = columns_.weight.trimmed(row);
  if (weight.empty()) return;
  variant.weight_grams = weight_to_grams(weight, columns_.weight_unit);
  if (!variant.weight_grams) {
    add_issue(errors, row.line, columns_.weight,
              "invalid weight '" + std::string(weight) + "' in unit '" +
                  columns_.weight_unit + "'",
              "");
  }
}

void WooMapper::read_simple_options(const Record& row, ProductDraft& draft) {
  // A simple product's attributes describe it. One with a single value
  // becomes an option with that value; a list of values cannot describe
  // one variant, so it is left out.
  for (const Attribute& attribute : columns_.attributes) {
    const std::string_view name = attribute.name.trimmed(row);
    if (name.empty()) continue;
    const std::vector<std::string> values =
        split_list(attribute.values.raw(row), ',');
    if (values.size() == 1 && draft.input.options.size() < 3) {
      draft.input.options.emplace_back(name);
      draft.input.variants.front().options.push_back(values.front());
    } else if (!values.empty()) {
      add_issue(draft.warnings, row.line, attribute.values,
                "attribute '" + std::string(name) +
                    "' of a simple product lists several values and is "
                    "not imported",
                draft.input.handle);
    }
  }
}

void WooMapper::add_variation(const Record& row, MappedRows& out) {
  const std::string parent(columns_.parent.trimmed(row));
  if (parent.empty()) {
    add_issue(out.errors, row.line, columns_.parent,
              "missing Parent of the variation; it must name the SKU of a "
              "variable product, or id: and its ID",
              "");
    return;
  }
  Variation variation;
  variation.line = row.line;
  variation.position =
      parse_integer(columns_.position.trimmed(row)).value_or(0);
  read_variant(row, variation.variant, variation.errors, "");
  for (const Attribute& attribute : columns_.attributes) {
    const std::string name(attribute.name.trimmed(row));
    if (!name.empty()) {
      variation.attributes[name] = {std::string(attribute.values.trimmed(row)),
                                    attribute.values};
    }
  }
  const std::vector<std::string> images =
      split_list(columns_.images.raw(row), ',');
  if (!images.empty()) variation.image_url = images.front();
  variations_[parent].push_back(std::move(variation));
}

void WooMapper::finish(MappedRows& out) {
  for (auto& [parent, variations] : variations_) {
    auto it = variable_keys_.find(
        parent.rfind("id:", 0) == 0 ? parent : "sku:" + parent);
    if (it == variable_keys_.end()) {
      for (const Variation& variation : variations) {
        add_issue(
            out.errors, variation.line, columns_.parent,
            "Parent '" + parent + "' matches no variable product in the file",
            "");
      }
      continue;
    }
    for (Variation& variation : variations) {
      // WooCommerce gives a variation without a weight its parent's.
      if (!variation.variant.weight_grams) {
        variation.variant.weight_grams = variable_weights_[it->second];
      }
    }
    complete_variable(variables_[it->second], variable_attributes_[it->second],
                      variations);
  }
  for (ProductDraft& draft : variables_) {
    if (draft.input.variants.empty() && draft.errors.empty()) {
      add_error(
          draft, draft.line, columns_.type,
          "variable product '" + draft.input.title + "' has no variation rows");
    }
    number_images(draft.input.images);
    out.products.push_back(std::move(draft));
  }
  variables_.clear();
  if (untracked_in_stock_ > 0) {
    add_issue(out.warnings, first_untracked_line_, columns_.stock,
              std::to_string(untracked_in_stock_) +
                  " rows are in stock with an empty Stock, so WooCommerce "
                  "did not count their stock; they were imported with stock "
                  "0 and backorders allowed, so they stay for sale",
              "");
  }
  unread_.report(out.warnings);
}

std::vector<std::string> WooMapper::attribute_names(const Record& row) const {
  std::vector<std::string> names;
  for (const Attribute& attribute : columns_.attributes) {
    const std::string_view name = attribute.name.trimmed(row);
    if (!name.empty()) names.emplace_back(name);
  }
  return names;
}

void WooMapper::complete_variable(
    ProductDraft& draft, const std::vector<std::string>& attribute_names,
    std::vector<Variation>& variations) {
  std::stable_sort(variations.begin(), variations.end(),
                   [](const Variation& a, const Variation& b) {
                     return a.position < b.position;
                   });
  // Options are the parent's attributes in its column order, then any
  // that only variations name. An attribute that every variation leaves
  // empty ("any value") does not tell variants apart and is no option.
  std::vector<std::string> candidates = attribute_names;
  for (const auto& variation : variations) {
    for (const auto& [name, value] : variation.attributes) {
      if (std::find(candidates.begin(), candidates.end(), name) ==
          candidates.end()) {
        candidates.push_back(name);
      }
    }
  }
  std::vector<std::string> names;
  for (const std::string& name : candidates) {
    const bool used = std::any_of(
        variations.begin(), variations.end(), [&](const Variation& v) {
          auto it = v.attributes.find(name);
          return it != v.attributes.end() && !it->second.first.empty();
        });
    if (used) names.push_back(name);
  }
  draft.input.options = names;
  for (Variation& variation : variations) {
    ++draft.rows;
    for (ImportIssue& issue : variation.errors) {
      issue.handle = draft.input.handle;
      draft.errors.push_back(std::move(issue));
    }
    for (const std::string& name : names) {
      auto it = variation.attributes.find(name);
      const std::string value =
          it == variation.attributes.end() ? "" : it->second.first;
      if (value.empty()) {
        const Column column = it == variation.attributes.end()
                                  ? columns_.attributes.front().name
                                  : it->second.second;
        add_issue(draft.errors, variation.line, column,
                  "variation has no value for attribute '" + name +
                      "' (any value), but other variations set one; "
                      "shopkit needs a value for each option",
                  draft.input.handle);
      }
      variation.variant.options.push_back(value);
    }
    if (!variation.image_url.empty()) {
      add_image(draft.input, variation.image_url, "", 0);
    }
    draft.input.variants.push_back(std::move(variation.variant));
    draft.variant_lines.push_back(variation.line);
  }
}

}  // namespace

std::unique_ptr<RowMapper> make_woocommerce_mapper(const HeaderMap& header,
                                                   std::string currency) {
  return std::make_unique<WooMapper>(header, std::move(currency));
}

}  // namespace shopkit::csv
