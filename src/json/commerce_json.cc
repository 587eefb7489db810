// JSON conversion of the store, catalog, stock and order types.
#include "shopkit/json.h"

#include "json/json_text.h"

namespace shopkit {
namespace {

using nlohmann::json;

Error wrong_type(const std::string& path, std::string_view expected) {
  return Error(ErrorCode::invalid_argument,
               "field '" + path + "' must be " + std::string(expected), path);
}

// Reads the members of one JSON object, naming each by its full path
// ("variants[0].price") in errors.
class Reader {
 public:
  Reader(const json& object, std::string prefix)
      : object_(object), prefix_(std::move(prefix)) {
    if (!object_.is_object()) {
      throw wrong_type(prefix_.empty() ? "body" : prefix_, "a JSON object");
    }
  }

  std::string path(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
  }

  bool has(std::string_view key) const { return object_.contains(key); }

  // Null when the member is absent or JSON null.
  const json* find(std::string_view key) const {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  std::optional<std::string> text(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) throw wrong_type(path(key), "a string");
    return value->get<std::string>();
  }

  std::string required_text(std::string_view key) const {
    std::optional<std::string> value = text(key);
    if (!value) {
      throw Error(ErrorCode::invalid_argument,
                  "missing field '" + path(key) + "'", path(key));
    }
    return *value;
  }

  std::optional<std::int64_t> integer(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (value->is_number_unsigned()) {
      if (value->get<std::uint64_t>() >
          static_cast<std::uint64_t>(INT64_MAX)) {
        throw wrong_type(path(key), "an integer that fits in 64 bits");
      }
      return static_cast<std::int64_t>(value->get<std::uint64_t>());
    }
    if (!value->is_number_integer()) throw wrong_type(path(key), "an integer");
    return value->get<std::int64_t>();
  }

  std::optional<bool> boolean(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) throw wrong_type(path(key), "true or false");
    return value->get<bool>();
  }

  std::optional<Money> money(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    Reader reader(*value, path(key));
    const std::optional<std::int64_t> amount = reader.integer("amount");
    if (!amount) {
      throw Error(ErrorCode::invalid_argument,
                  "missing field '" + reader.path("amount") + "'",
                  reader.path("amount"));
    }
    const std::string currency = reader.required_text("currency");
    try {
      return Money(*amount, currency);
    } catch (const Error& error) {
      throw Error(error.code(), error.what(), reader.path("currency"));
    }
  }

  std::optional<std::vector<std::string>> texts(std::string_view key) const {
    const json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_array()) throw wrong_type(path(key), "an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
      if (!(*value)[i].is_string()) {
        throw wrong_type(path(key) + "[" + std::to_string(i) + "]", "a string");
      }
      out.push_back((*value)[i].get<std::string>());
    }
    return out;
  }

  // Calls `each(reader, index)` for each object of the array `key`.
  template <typename Each>
  bool objects(std::string_view key, Each&& each) const {
    const json* value = find(key);
    if (value == nullptr) return false;
    if (!value->is_array()) throw wrong_type(path(key), "an array of objects");
    for (std::size_t i = 0; i < value->size(); ++i) {
      each(Reader((*value)[i], path(key) + "[" + std::to_string(i) + "]"), i);
    }
    return true;
  }

 private:
  const json& object_;
  std::string prefix_;
};

template <typename T>
json or_null(const std::optional<T>& value) {
  if (!value) return nullptr;
  return json(*value);
}

json text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

json time_or_null(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return timestamp_to_json(*time);
}

template <typename Tag>
json id_or_null(const std::optional<Id<Tag>>& id) {
  if (!id) return nullptr;
  return id->str();
}

ProductStatus read_status(const Reader& reader) {
  try {
    return product_status_from_string(*reader.text("status"));
  } catch (const Error& error) {
    throw Error(error.code(), error.what(), reader.path("status"));
  }
}

VariantInput read_variant(const Reader& reader) {
  VariantInput variant;
  if (auto id = reader.text("id")) variant.id = VariantId(*id);
  variant.sku = reader.text("sku").value_or("");
  variant.options = reader.texts("options").value_or(std::vector<std::string>{});
  std::optional<Money> price = reader.money("price");
  if (!price) {
    throw Error(ErrorCode::invalid_argument,
                "missing field '" + reader.path("price") + "'",
                reader.path("price"));
  }
  variant.price = *price;
  variant.compare_at_price = reader.money("compare_at_price");
  variant.stock = reader.integer("stock");
  variant.allow_backorder = reader.boolean("allow_backorder").value_or(false);
  variant.weight_grams = reader.integer("weight_grams");
  variant.barcode = reader.text("barcode");
  return variant;
}

std::vector<VariantInput> read_variants(const Reader& reader) {
  std::vector<VariantInput> variants;
  reader.objects("variants", [&](const Reader& item, std::size_t) {
    variants.push_back(read_variant(item));
  });
  return variants;
}

std::vector<Image> read_images(const Reader& reader) {
  std::vector<Image> images;
  reader.objects("images", [&](const Reader& item, std::size_t) {
    Image image;
    image.url = item.required_text("url");
    image.alt = item.text("alt").value_or("");
    const std::int64_t position = item.integer("position").value_or(0);
    if (position < 0 || position > INT32_MAX) {
      throw Error(ErrorCode::invalid_argument,
                  "field '" + item.path("position") +
                      "' must be a positive integer",
                  item.path("position"));
    }
    image.position = static_cast<int>(position);
    images.push_back(std::move(image));
  });
  return images;
}

}  // namespace

void to_json(json& out, const Image& image) {
  out = json{{"url", image.url}, {"alt", image.alt},
             {"position", image.position}};
}

void to_json(json& out, const Variant& variant) {
  out = json{{"id", variant.id.str()},
             {"sku", text_or_null(variant.sku)},
             {"options", variant.options},
             {"price", variant.price},
             {"compare_at_price", or_null(variant.compare_at_price)},
             {"stock", variant.stock},
             {"allow_backorder", variant.allow_backorder},
             {"weight_grams", or_null(variant.weight_grams)},
             {"barcode", or_null(variant.barcode)}};
}

void to_json(json& out, const Product& product) {
  out = json{{"id", product.id.str()},
             {"handle", product.handle},
             {"title", product.title},
             {"description", product.description},
             {"status", to_string(product.status)},
             {"vendor", product.vendor},
             {"product_type", product.product_type},
             {"tags", product.tags},
             {"categories", product.categories},
             {"options", product.options},
             {"variants", product.variants},
             {"images", product.images},
             {"created_at", timestamp_to_json(product.created_at)},
             {"updated_at", timestamp_to_json(product.updated_at)}};
}

namespace {

void write_text_list(internal::JsonText& out,
                     const std::vector<std::string>& values) {
  out.begin_array();
  for (const std::string& value : values) out.string(value);
  out.end_array();
}

void write_money(internal::JsonText& out, const Money& money) {
  out.begin_object();
  out.key("amount");
  out.number(money.minor_units());
  out.key("currency");
  out.string(money.currency());
  out.end_object();
}

// Members in nlohmann's order (sorted by key), to match to_json's dump.
void write_product(internal::JsonText& out, const Product& product) {
  out.begin_object();
  out.key("categories");
  write_text_list(out, product.categories);
  out.key("created_at");
  out.string(timestamp_to_json(product.created_at));
  out.key("description");
  out.string(product.description);
  out.key("handle");
  out.string(product.handle);
  out.key("id");
  out.string(product.id.str());
  out.key("images");
  out.begin_array();
  for (const Image& image : product.images) {
    out.begin_object();
    out.key("alt");
    out.string(image.alt);
    out.key("position");
    out.number(image.position);
    out.key("url");
    out.string(image.url);
    out.end_object();
  }
  out.end_array();
  out.key("options");
  write_text_list(out, product.options);
  out.key("product_type");
  out.string(product.product_type);
  out.key("status");
  out.string(to_string(product.status));
  out.key("tags");
  write_text_list(out, product.tags);
  out.key("title");
  out.string(product.title);
  out.key("updated_at");
  out.string(timestamp_to_json(product.updated_at));
  out.key("variants");
  out.begin_array();
  for (const Variant& variant : product.variants) {
    out.begin_object();
    out.key("allow_backorder");
    out.boolean(variant.allow_backorder);
    out.key("barcode");
    if (variant.barcode) {
      out.string(*variant.barcode);
    } else {
      out.null();
    }
    out.key("compare_at_price");
    if (variant.compare_at_price) {
      write_money(out, *variant.compare_at_price);
    } else {
      out.null();
    }
    out.key("id");
    out.string(variant.id.str());
    out.key("options");
    write_text_list(out, variant.options);
    out.key("price");
    write_money(out, variant.price);
    out.key("sku");
    if (variant.sku.empty()) {
      out.null();
    } else {
      out.string(variant.sku);
    }
    out.key("stock");
    out.number(variant.stock);
    out.key("weight_grams");
    if (variant.weight_grams) {
      out.number(*variant.weight_grams);
    } else {
      out.null();
    }
    out.end_object();
  }
  out.end_array();
  out.key("vendor");
  out.string(product.vendor);
  out.end_object();
}

}  // namespace

std::string to_json_text(const Product& product) {
  std::string text;
  internal::JsonText out(text);
  write_product(out, product);
  return text;
}

std::string page_to_json_text(const Page<Product>& page) {
  std::string text;
  // About 900 bytes per product with two variants and an image.
  text.reserve(64 + page.items.size() * 1024);
  internal::JsonText out(text);
  out.begin_object();
  out.key("items");
  out.begin_array();
  for (const Product& product : page.items) write_product(out, product);
  out.end_array();
  out.key("next_cursor");
  if (page.next_cursor.empty()) {
    out.null();
  } else {
    out.string(page.next_cursor);
  }
  out.end_object();
  return text;
}

void from_json(const json& in, ProductInput& input) {
  const Reader reader(in, "");
  input = ProductInput{};
  input.title = reader.required_text("title");
  input.handle = reader.text("handle").value_or("");
  input.description = reader.text("description").value_or("");
  if (reader.find("status")) input.status = read_status(reader);
  input.vendor = reader.text("vendor").value_or("");
  input.product_type = reader.text("product_type").value_or("");
  input.tags = reader.texts("tags").value_or(std::vector<std::string>{});
  input.categories =
      reader.texts("categories").value_or(std::vector<std::string>{});
  input.options = reader.texts("options").value_or(std::vector<std::string>{});
  input.variants = read_variants(reader);
  input.images = read_images(reader);
}

void from_json(const json& in, ProductUpdate& update) {
  const Reader reader(in, "");
  update = ProductUpdate{};
  if (reader.has("title")) update.title = reader.text("title").value_or("");
  if (reader.has("handle")) update.handle = reader.text("handle").value_or("");
  if (reader.has("description")) {
    update.description = reader.text("description").value_or("");
  }
  if (reader.find("status")) update.status = read_status(reader);
  if (reader.has("vendor")) update.vendor = reader.text("vendor").value_or("");
  if (reader.has("product_type")) {
    update.product_type = reader.text("product_type").value_or("");
  }
  if (reader.has("tags")) {
    update.tags = reader.texts("tags").value_or(std::vector<std::string>{});
  }
  if (reader.has("categories")) {
    update.categories =
        reader.texts("categories").value_or(std::vector<std::string>{});
  }
  if (reader.has("options")) {
    update.options = reader.texts("options").value_or(std::vector<std::string>{});
  }
  if (reader.has("variants")) update.variants = read_variants(reader);
  if (reader.has("images")) update.images = read_images(reader);
}

void to_json(json& out, const StockLevel& level) {
  out = json{{"variant_id", level.variant_id.str()},
             {"product_id", level.product_id.str()},
             {"sku", text_or_null(level.sku)},
             {"stock", level.stock},
             {"allow_backorder", level.allow_backorder}};
}

void to_json(json& out, const LedgerEntry& entry) {
  out = json{{"seq", entry.seq},
             {"variant_id", entry.variant_id.str()},
             {"sku", text_or_null(entry.sku)},
             {"delta", entry.delta},
             {"stock_after", entry.stock_after},
             {"reason", entry.reason},
             {"order_id", id_or_null(entry.order_id)},
             {"actor_id", id_or_null(entry.actor_id)},
             {"created_at", timestamp_to_json(entry.created_at)}};
}

void to_json(json& out, const Store& store) {
  out = json{{"id", store.id.str()},
             {"handle", store.handle},
             {"name", store.name},
             {"owner_id", text_or_null(store.owner_id.str())},
             {"currency", store.currency},
             {"country", store.country},
             {"status", to_string(store.status)},
             {"created_at", timestamp_to_json(store.created_at)},
             {"updated_at", timestamp_to_json(store.updated_at)}};
}

void to_json(json& out, const StoreMembership& membership) {
  to_json(out, membership.store);
  out["role"] = to_string(membership.role);
}

void from_json(const json& in, CreateStoreRequest& request) {
  const Reader reader(in, "");
  request.name = reader.required_text("name");
  request.handle = reader.required_text("handle");
  request.currency = reader.required_text("currency");
  request.country = reader.required_text("country");
}

void to_json(json& out, const StoreSettings& settings) {
  out = json{{"name", settings.name},
             {"contact_email", settings.contact_email},
             {"currency", settings.currency},
             {"country", settings.country},
             {"tax_rate_bps", settings.tax_rate_bps},
             {"flat_shipping", settings.flat_shipping}};
}

void from_json(const json& in, StoreSettingsUpdate& update) {
  const Reader reader(in, "");
  update = StoreSettingsUpdate{};
  update.name = reader.text("name");
  if (reader.has("contact_email")) {
    update.contact_email = reader.text("contact_email").value_or("");
  }
  update.currency = reader.text("currency");
  update.country = reader.text("country");
  update.tax_rate_bps = reader.integer("tax_rate_bps");
  update.flat_shipping = reader.money("flat_shipping");
}

void to_json(json& out, const Address& address) {
  out = json{{"name", address.name},
             {"line1", address.line1},
             {"line2", address.line2},
             {"city", address.city},
             {"region", address.region},
             {"postal_code", address.postal_code},
             {"country", address.country},
             {"phone", address.phone}};
}

void from_json(const json& in, Address& address) {
  const Reader reader(in, "shipping_address");
  address.name = reader.text("name").value_or("");
  address.line1 = reader.text("line1").value_or("");
  address.line2 = reader.text("line2").value_or("");
  address.city = reader.text("city").value_or("");
  address.region = reader.text("region").value_or("");
  address.postal_code = reader.text("postal_code").value_or("");
  address.country = reader.text("country").value_or("");
  address.phone = reader.text("phone").value_or("");
}

void from_json(const json& in, CheckoutRequest& request) {
  const Reader reader(in, "");
  request = CheckoutRequest{};
  reader.objects("lines", [&](const Reader& item, std::size_t) {
    CheckoutLine line;
    line.sku = item.required_text("sku");
    const std::optional<std::int64_t> quantity = item.integer("quantity");
    if (!quantity) {
      throw Error(ErrorCode::invalid_argument,
                  "missing field '" + item.path("quantity") + "'",
                  item.path("quantity"));
    }
    line.quantity = *quantity;
    request.lines.push_back(std::move(line));
  });
  request.email = reader.text("email").value_or("");
  if (const json* address = reader.find("shipping_address")) {
    from_json(*address, request.shipping_address);
  }
  request.idempotency_key = reader.text("idempotency_key").value_or("");
}

void to_json(json& out, const Refund& refund) {
  out = json{{"id", refund.id},
             {"amount", refund.amount},
             {"reason", refund.reason},
             {"actor_id", id_or_null(refund.actor_id)},
             {"created_at", timestamp_to_json(refund.created_at)}};
}

void to_json(json& out, const Order& order) {
  json lines = json::array();
  for (const OrderLine& line : order.lines) {
    lines.push_back(json{{"product_id", line.product_id.str()},
                         {"variant_id", line.variant_id.str()},
                         {"sku", text_or_null(line.sku)},
                         {"title", line.title},
                         {"variant_title", line.variant_title},
                         {"unit_price", line.unit_price},
                         {"quantity", line.quantity},
                         {"line_total", line.line_total}});
  }
  out = json{{"id", order.id.str()},
             {"number", order.number},
             {"status", to_string(order.status)},
             {"customer_id", order.customer_id.str()},
             {"user_id", id_or_null(order.user_id)},
             {"email", order.email},
             {"lines", std::move(lines)},
             {"subtotal", order.subtotal},
             {"shipping", order.shipping},
             {"tax", order.tax},
             {"total", order.total},
             {"refunded", order.refunded},
             {"refunds", order.refunds},
             {"shipping_address", order.shipping_address},
             {"created_at", timestamp_to_json(order.created_at)},
             {"updated_at", timestamp_to_json(order.updated_at)},
             {"paid_at", time_or_null(order.paid_at)},
             {"fulfilled_at", time_or_null(order.fulfilled_at)},
             {"cancelled_at", time_or_null(order.cancelled_at)}};
}

}  // namespace shopkit
