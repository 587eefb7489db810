#include "store/product_rules.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/text.h"
#include "shopkit/error.h"
#include "store/slug.h"

namespace shopkit::internal {

void check_stock_bound(std::int64_t stock, const std::string& field) {
  if (stock > kMaxStock || stock < -kMaxStock) {
    throw Error(ErrorCode::invalid_argument,
                field + " " + std::to_string(stock) +
                    " is beyond the largest stock, " +
                    std::to_string(kMaxStock) + " either way",
                field);
  }
}

namespace {

Error invalid(const std::string& message, const std::string& field) {
  return Error(ErrorCode::invalid_argument, message, field);
}

std::string trim(std::string_view text) {
  const auto space = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

// Checks a one-line text field: at most kMaxShortText code points and no
// control characters.
void check_short_text(std::string_view text, const std::string& field) {
  require_utf8(text, field);
  if (count_code_points(text) > kMaxShortText) {
    throw invalid(field + " is longer than " + std::to_string(kMaxShortText) +
                      " characters",
                  field);
  }
  if (has_control_character(text)) {
    throw invalid(field + " must not contain control characters", field);
  }
}

// Trims each value, drops empty ones and repeats, and checks the rest.
std::vector<std::string> clean_list(const std::vector<std::string>& values,
                                    std::size_t max_count,
                                    const std::string& field) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::string value = trim(values[i]);
    if (value.empty() || seen.contains(value)) continue;
    check_short_text(value, field + "[" + std::to_string(i) + "]");
    seen.insert(value);
    out.push_back(std::move(value));
  }
  if (out.size() > max_count) {
    throw invalid(field + " has " + std::to_string(out.size()) +
                      " entries; the maximum is " + std::to_string(max_count),
                  field);
  }
  return out;
}

void check_money(const Money& money, std::string_view currency,
                 const std::string& field) {
  if (money.currency() != currency) {
    throw invalid(field + " is in " + money.currency() +
                      " but the store's currency is " + std::string(currency),
                  field);
  }
  if (money.minor_units() < 0) {
    throw invalid(field + " must not be negative, got " +
                      money.to_decimal_string(),
                  field);
  }
  if (money.minor_units() > kMaxPriceMinorUnits) {
    throw invalid(field + " " + money.to_decimal_string() +
                      " is above the largest price, " +
                      Money(kMaxPriceMinorUnits, std::string(currency))
                          .to_decimal_string(),
                  field);
  }
}

void check_image_url(const std::string& url, const std::string& field) {
  const bool http = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  if (!http) {
    throw invalid(field + " must be an http or https URL, got '" + url + "'",
                  field);
  }
  require_utf8(url, field);
  if (url.size() > kMaxUrlBytes) {
    throw invalid(field + " is longer than " + std::to_string(kMaxUrlBytes) +
                      " bytes",
                  field);
  }
  const bool bad_character = std::any_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F;
  });
  if (bad_character) {
    throw invalid(field + " must not contain spaces or control characters",
                  field);
  }
}

// Orders images by the given position (0 last, ties in input order) and
// renumbers them 1, 2, 3, ...
std::vector<Image> clean_images(const std::vector<Image>& images) {
  if (images.size() > kMaxImages) {
    throw invalid("a product may have at most " +
                      std::to_string(kMaxImages) + " images",
                  "images");
  }
  std::vector<Image> out;
  for (std::size_t i = 0; i < images.size(); ++i) {
    const std::string field = "images[" + std::to_string(i) + "]";
    Image image = images[i];
    check_image_url(image.url, field + ".url");
    check_short_text(image.alt, field + ".alt");
    if (image.position < 0) {
      throw invalid(field + ".position must not be negative", field + ".position");
    }
    out.push_back(std::move(image));
  }
  std::stable_sort(out.begin(), out.end(), [](const Image& a, const Image& b) {
    const auto key = [](const Image& image) {
      return image.position == 0 ? INT32_MAX : image.position;
    };
    return key(a) < key(b);
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].position = static_cast<int>(i) + 1;
  }
  return out;
}

void check_variant(const Variant& variant, std::size_t option_count,
                   std::string_view currency, const std::string& field) {
  if (variant.sku != trim(variant.sku)) {
    throw invalid(field + ".sku '" + variant.sku +
                      "' must not start or end with spaces",
                  field + ".sku");
  }
  check_short_text(variant.sku, field + ".sku");
  if (variant.options.size() != option_count) {
    throw invalid(field + ".options has " +
                      std::to_string(variant.options.size()) +
                      " values but the product has " +
                      std::to_string(option_count) + " options",
                  field + ".options");
  }
  for (std::size_t k = 0; k < variant.options.size(); ++k) {
    const std::string option_field =
        field + ".options[" + std::to_string(k) + "]";
    if (trim(variant.options[k]).empty()) {
      throw invalid(option_field + " is empty", option_field);
    }
    check_short_text(variant.options[k], option_field);
  }
  check_money(variant.price, currency, field + ".price");
  if (variant.compare_at_price) {
    check_money(*variant.compare_at_price, currency,
                field + ".compare_at_price");
  }
  check_stock_bound(variant.stock, field + ".stock");
  if (variant.stock < 0 && !variant.allow_backorder) {
    throw invalid(field + ".stock is " + std::to_string(variant.stock) +
                      " but a variant without backorders cannot go below 0",
                  field + ".stock");
  }
  if (variant.weight_grams && *variant.weight_grams < 0) {
    throw invalid(field + ".weight_grams must not be negative",
                  field + ".weight_grams");
  }
  if (variant.barcode) check_short_text(*variant.barcode, field + ".barcode");
}

// Checks the whole product and normalizes its lists in place.
void check_product(Product& product, std::string_view currency) {
  product.title = trim(product.title);
  if (product.title.empty()) throw invalid("title is empty", "title");
  require_utf8(product.title, "title");
  if (count_code_points(product.title) > kMaxTitleLength) {
    throw invalid("title is longer than " + std::to_string(kMaxTitleLength) +
                      " characters",
                  "title");
  }
  if (has_control_character(product.title)) {
    throw invalid("title must not contain control characters", "title");
  }
  require_utf8(product.description, "description");
  if (product.description.size() > kMaxDescriptionBytes) {
    throw invalid("description is longer than " +
                      std::to_string(kMaxDescriptionBytes) + " bytes",
                  "description");
  }
  if (!product.handle.empty()) validate_product_handle(product.handle, "handle");
  product.vendor = trim(product.vendor);
  check_short_text(product.vendor, "vendor");
  product.product_type = trim(product.product_type);
  check_short_text(product.product_type, "product_type");
  product.tags = clean_list(product.tags, kMaxTags, "tags");
  product.categories =
      clean_list(product.categories, kMaxCategories, "categories");

  // Options: at most three distinct, non-empty names.
  if (product.options.size() > kMaxOptions) {
    throw invalid("a product may have at most 3 options, got " +
                      std::to_string(product.options.size()),
                  "options");
  }
  std::set<std::string> option_names;
  for (std::size_t i = 0; i < product.options.size(); ++i) {
    const std::string field = "options[" + std::to_string(i) + "]";
    product.options[i] = trim(product.options[i]);
    if (product.options[i].empty()) throw invalid(field + " is empty", field);
    check_short_text(product.options[i], field);
    if (!option_names.insert(lower_ascii(product.options[i])).second) {
      throw invalid("option '" + product.options[i] + "' is listed twice",
                    field);
    }
  }

  // Variants: at least one; distinct SKUs and option combinations.
  if (product.variants.empty()) {
    throw invalid("a product needs at least one variant", "variants");
  }
  if (product.variants.size() > kMaxVariants) {
    throw invalid("a product may have at most " +
                      std::to_string(kMaxVariants) + " variants",
                  "variants");
  }
  if (product.options.empty() && product.variants.size() > 1) {
    throw invalid("a product without options has exactly one variant; add "
                  "options to tell its variants apart",
                  "variants");
  }
  std::set<std::string> skus;
  std::set<std::vector<std::string>> combinations;
  for (std::size_t i = 0; i < product.variants.size(); ++i) {
    const std::string field = "variants[" + std::to_string(i) + "]";
    Variant& variant = product.variants[i];
    check_variant(variant, product.options.size(), currency, field);
    if (!variant.sku.empty() && !skus.insert(variant.sku).second) {
      throw Error(ErrorCode::already_exists,
                  "SKU '" + variant.sku + "' is used by two variants",
                  field + ".sku");
    }
    if (!combinations.insert(variant.options).second) {
      throw invalid(field + " repeats the option values of another variant",
                    field + ".options");
    }
  }
  product.images = clean_images(product.images);
}

Variant variant_from_input(const VariantInput& input, VariantId id,
                           std::int64_t stock) {
  Variant variant;
  variant.id = std::move(id);
  variant.sku = input.sku;
  variant.options = input.options;
  variant.price = input.price;
  variant.compare_at_price = input.compare_at_price;
  variant.stock = stock;
  variant.allow_backorder = input.allow_backorder;
  variant.weight_grams = input.weight_grams;
  variant.barcode = input.barcode;
  return variant;
}

}  // namespace

void validate_product_handle(std::string_view handle, std::string_view field) {
  const bool valid_characters =
      std::all_of(handle.begin(), handle.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
  if (handle.empty() || handle.size() > kMaxHandleLength ||
      !valid_characters) {
    throw invalid("handle '" + std::string(handle) +
                      "' must be 1 to 255 characters of a-z, 0-9 and '-'",
                  std::string(field));
  }
}

Product build_product(const ProductInput& input, std::string_view currency,
                      const Context& context) {
  Product product;
  product.id = ProductId(context.new_id("prd"));
  product.handle = input.handle;
  product.title = input.title;
  product.description = input.description;
  product.status = input.status;
  product.vendor = input.vendor;
  product.product_type = input.product_type;
  product.tags = input.tags;
  product.categories = input.categories;
  product.options = input.options;
  for (const VariantInput& variant : input.variants) {
    product.variants.push_back(variant_from_input(
        variant, VariantId(context.new_id("var")), variant.stock.value_or(0)));
  }
  product.images = input.images;
  product.created_at = context.now();
  product.updated_at = product.created_at;
  check_product(product, currency);
  return product;
}

Product apply_product_update(const Product& current,
                             const ProductUpdate& update,
                             std::string_view currency,
                             const Context& context) {
  Product product = current;
  if (update.title) product.title = *update.title;
  if (update.handle) {
    if (update.handle->empty()) {
      throw invalid("handle must not be empty", "handle");
    }
    product.handle = *update.handle;
  }
  if (update.description) product.description = *update.description;
  if (update.status) product.status = *update.status;
  if (update.vendor) product.vendor = *update.vendor;
  if (update.product_type) product.product_type = *update.product_type;
  if (update.tags) product.tags = *update.tags;
  if (update.categories) product.categories = *update.categories;
  if (update.options) product.options = *update.options;
  if (update.images) product.images = *update.images;

  if (update.variants) {
    product.variants.clear();
    std::set<std::string> used_ids;
    for (std::size_t i = 0; i < update.variants->size(); ++i) {
      const VariantInput& input = (*update.variants)[i];
      const Variant* match = nullptr;
      for (const Variant& existing : current.variants) {
        const bool same_id = !input.id.empty() && existing.id == input.id;
        const bool same_sku = input.id.empty() && !input.sku.empty() &&
                              existing.sku == input.sku;
        if (same_id || same_sku) match = &existing;
      }
      if (!input.id.empty() && match == nullptr) {
        const std::string field = "variants[" + std::to_string(i) + "].id";
        throw invalid("variant '" + input.id.str() +
                          "' is not a variant of product '" +
                          current.id.str() + "'",
                      field);
      }
      if (match != nullptr && !used_ids.insert(match->id.str()).second) {
        const std::string field = "variants[" + std::to_string(i) + "]";
        throw invalid("variant '" + match->id.str() + "' is listed twice",
                      field);
      }
      VariantId id = match ? match->id : VariantId(context.new_id("var"));
      const std::int64_t stock =
          input.stock.value_or(match ? match->stock : 0);
      product.variants.push_back(variant_from_input(input, std::move(id), stock));
    }
  }

  product.updated_at = context.now();
  check_product(product, currency);
  return product;
}

std::string handle_base(const Product& product) {
  std::string base = slugify(product.title);
  if (!base.empty()) return base;
  const std::string& id = product.id.str();
  return "product-" + id.substr(id.size() - 8);
}

}  // namespace shopkit::internal
