// Value types of stores, the catalog and orders (stores.h, catalog.h and
// orders.h), shared by StoreService and AdminService.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

void bind_stores(py::module_& module) {
  ValueClass<Store>(module, "Store", "A store (tenant) of the platform.")
      .field("id", &Store::id, "The store's id, 'sto_...'.")
      .field("handle", &Store::handle,
             "Unique on the platform; used in public URLs.")
      .field("name", &Store::name, "Display name.")
      .field("owner_id", &Store::owner_id,
             "The owner's user id; None in public answers.",
             FieldStyle::empty_is_none)
      .field("currency", &Store::currency, "ISO 4217 code, e.g. 'USD'.")
      .field("country", &Store::country, "ISO 3166-1 alpha-2, e.g. 'US'.")
      .field("status", &Store::status, "StoreStatus.")
      .field("created_at", &Store::created_at, "Aware datetime in UTC.")
      .field("updated_at", &Store::updated_at, "Aware datetime in UTC.")
      .finish();

  ValueClass<StoreMembership>(module, "StoreMembership",
                              "A store and the caller's role in it.")
      .field("store", &StoreMembership::store, "The Store.")
      .field("role", &StoreMembership::role, "StoreRole.")
      .finish();

  ValueClass<StoreSettings>(module, "StoreSettings",
                            "Everything a member can change about a store.")
      .field("name", &StoreSettings::name, "Display name.")
      .field("contact_email", &StoreSettings::contact_email,
             "Contact address, or None when none was set.",
             FieldStyle::empty_is_none)
      .field("currency", &StoreSettings::currency,
             "ISO 4217 code; changeable only while the store has no "
             "orders.")
      .field("country", &StoreSettings::country, "ISO 3166-1 alpha-2.")
      .field("tax_rate_bps", &StoreSettings::tax_rate_bps,
             "Tax on the subtotal in basis points (825 is 8.25%).")
      .field("flat_shipping", &StoreSettings::flat_shipping,
             "Money added once to every order.")
      .finish();

  ValueClass<StoreSettingsUpdate>(module, "StoreSettingsUpdate",
                                  "A settings change: only fields that are "
                                  "not None change.")
      .field("name", &StoreSettingsUpdate::name, "New name.")
      .field("contact_email", &StoreSettingsUpdate::contact_email,
             "New contact address; '' clears it.")
      .field("currency", &StoreSettingsUpdate::currency, "New currency.")
      .field("country", &StoreSettingsUpdate::country, "New country.")
      .field("tax_rate_bps", &StoreSettingsUpdate::tax_rate_bps,
             "New tax rate in basis points, 0 to 10000.")
      .field("flat_shipping", &StoreSettingsUpdate::flat_shipping,
             "New flat shipping Money.")
      .finish();
}

void bind_products(py::module_& module) {
  ValueClass<Variant>(module, "Variant",
                      "One purchasable version of a product, such as size "
                      "S in blue.")
      .field("id", &Variant::id, "The variant's id, 'var_...'.")
      .field("sku", &Variant::sku,
             "Unique in the store; None when the variant has none (it "
             "cannot be bought through checkout then).",
             FieldStyle::empty_is_none)
      .field("options", &Variant::options,
             "One value per product option, in Product.options order.")
      .field("price", &Variant::price, "Money.")
      .field("compare_at_price", &Variant::compare_at_price,
             "Money or None.")
      .field("stock", &Variant::stock,
             "Units on hand; negative only with allow_backorder.")
      .field("allow_backorder", &Variant::allow_backorder,
             "Whether stock may go below zero.")
      .field("weight_grams", &Variant::weight_grams, "int or None.")
      .field("barcode", &Variant::barcode, "str or None.")
      .finish();

  ValueClass<Image>(module, "Image", "A product image.")
      .field("url", &Image::url, "An http or https URL.")
      .field("alt", &Image::alt, "Alternative text.")
      .field("position", &Image::position,
             "1-based display order; 0 in input means 'next'.")
      .finish();

  ValueClass<Product>(module, "Product",
                      "A product with its options, variants and images.")
      .field("id", &Product::id, "The product's id, 'prd_...'.")
      .field("handle", &Product::handle,
             "Unique in the store; used in storefront URLs.")
      .field("title", &Product::title, "Title.")
      .field("description", &Product::description,
             "HTML as the merchant wrote it.")
      .field("status", &Product::status, "ProductStatus.")
      .field("vendor", &Product::vendor, "Vendor.")
      .field("product_type", &Product::product_type, "Product type.")
      .field("tags", &Product::tags, "list of str.")
      .field("categories", &Product::categories, "list of str.")
      .field("options", &Product::options, "Option names, at most 3.")
      .field("variants", &Product::variants,
             "list of Variant, at least one, in display order.")
      .field("images", &Product::images, "list of Image.")
      .field("created_at", &Product::created_at, "Aware datetime in UTC.")
      .field("updated_at", &Product::updated_at, "Aware datetime in UTC.")
      .finish();
}

void bind_product_inputs(py::module_& module) {
  ValueClass<VariantInput>(module, "VariantInput",
                           "A variant as create_product() and "
                           "update_product() take it.")
      .field("id", &VariantInput::id,
             "Update only: the variant to change in place; None keeps the "
             "variant with the same SKU or adds a new one.",
             FieldStyle::empty_is_none)
      .field("sku", &VariantInput::sku, "Unique in the store.")
      .field("options", &VariantInput::options, "One value per option.")
      .field("price", &VariantInput::price,
             "Money in the store's currency.")
      .field("compare_at_price", &VariantInput::compare_at_price,
             "Money or None.")
      .field("stock", &VariantInput::stock,
             "Create: opening stock (None is 0). Update: None keeps the "
             "current stock; a value sets it and writes a ledger row.")
      .field("allow_backorder", &VariantInput::allow_backorder,
             "Whether stock may go below zero.")
      .field("weight_grams", &VariantInput::weight_grams, "int or None.")
      .field("barcode", &VariantInput::barcode, "str or None.")
      .finish();

  ValueClass<ProductInput>(module, "ProductInput",
                           "Input of AdminService.create_product().")
      .field("title", &ProductInput::title, "Required, 1 to 255 characters.")
      .field("handle", &ProductInput::handle,
             "None: made from the title, with '-2', '-3', ... when taken. "
             "Given: used as is, AlreadyExists when taken.",
             FieldStyle::empty_is_none)
      .field("description", &ProductInput::description, "HTML.")
      .field("status", &ProductInput::status,
             "ProductStatus, default draft.")
      .field("vendor", &ProductInput::vendor, "Vendor.")
      .field("product_type", &ProductInput::product_type, "Product type.")
      .field("tags", &ProductInput::tags, "list of str.")
      .field("categories", &ProductInput::categories, "list of str.")
      .field("options", &ProductInput::options, "Option names, at most 3.")
      .field("variants", &ProductInput::variants,
             "list of VariantInput (or dicts), at least one.")
      .field("images", &ProductInput::images, "list of Image (or dicts).")
      .finish();

  ValueClass<ProductUpdate>(module, "ProductUpdate",
                            "Input of AdminService.update_product(): only "
                            "fields that are not None change; a set list "
                            "replaces the whole list.")
      .field("title", &ProductUpdate::title, "New title.")
      .field("handle", &ProductUpdate::handle, "New handle; must be free.")
      .field("description", &ProductUpdate::description, "New HTML.")
      .field("status", &ProductUpdate::status, "New ProductStatus.")
      .field("vendor", &ProductUpdate::vendor, "New vendor.")
      .field("product_type", &ProductUpdate::product_type,
             "New product type.")
      .field("tags", &ProductUpdate::tags, "New tags.")
      .field("categories", &ProductUpdate::categories, "New categories.")
      .field("options", &ProductUpdate::options, "New option names.")
      .field("variants", &ProductUpdate::variants,
             "New variant list; variants matched by id or SKU keep their "
             "id, the others are removed.")
      .field("images", &ProductUpdate::images, "New image list.")
      .finish();

  ValueClass<ProductSearch>(module, "ProductSearch",
                            "A catalog query; every set filter must match.")
      .field("q", &ProductSearch::q,
             "Words matched as prefixes in title, description, tags, "
             "vendor and SKUs; operators have no special meaning.")
      .field("category", &ProductSearch::category, "str or None.")
      .field("vendor", &ProductSearch::vendor,
             "Exact, ignoring ASCII case; or None.")
      .field("tag", &ProductSearch::tag, "Exact tag, or None.")
      .field("min_price", &ProductSearch::min_price,
             "Lowest variant price at least this Money, or None.")
      .field("max_price", &ProductSearch::max_price,
             "Lowest variant price at most this Money, or None.")
      .field("in_stock", &ProductSearch::in_stock,
             "Only products with a variant that can be bought now.")
      .field("status", &ProductSearch::status,
             "Members only: a ProductStatus, or None for every status.")
      .field("sort", &ProductSearch::sort, "ProductSort, default newest.")
      .field("limit", &ProductSearch::limit, "Page size, 1 to 200.")
      .field("cursor", &ProductSearch::cursor,
             "next_cursor of the previous page, or None for the first.",
             FieldStyle::empty_is_none)
      .finish();
}

void bind_stock(py::module_& module) {
  ValueClass<StockLevel>(module, "StockLevel", "A variant's stock.")
      .field("variant_id", &StockLevel::variant_id, "The variant's id.")
      .field("product_id", &StockLevel::product_id, "The product's id.")
      .field("sku", &StockLevel::sku, "The variant's SKU.")
      .field("stock", &StockLevel::stock, "Units on hand.")
      .field("allow_backorder", &StockLevel::allow_backorder,
             "Whether stock may go below zero.")
      .finish();

  ValueClass<LedgerEntry>(module, "LedgerEntry",
                          "One row of the inventory ledger; every change of "
                          "stock writes one.")
      .field("seq", &LedgerEntry::seq, "Position in the store's ledger.")
      .field("variant_id", &LedgerEntry::variant_id, "The variant's id.")
      .field("sku", &LedgerEntry::sku, "The variant's SKU.")
      .field("delta", &LedgerEntry::delta, "The change, signed.")
      .field("stock_after", &LedgerEntry::stock_after, "Stock afterwards.")
      .field("reason", &LedgerEntry::reason,
             "The member's text, or one of shopkit's: 'product created', "
             "'product updated', 'order', 'order cancelled'.")
      .field("order_id", &LedgerEntry::order_id, "str or None.")
      .field("actor_id", &LedgerEntry::actor_id, "str or None.")
      .field("created_at", &LedgerEntry::created_at,
             "Aware datetime in UTC.")
      .finish();
}

void bind_orders(py::module_& module) {
  ValueClass<Address>(module, "Address", "A shipping address.")
      .field("name", &Address::name, "Required.")
      .field("line1", &Address::line1, "Required.")
      .field("line2", &Address::line2, "Optional.")
      .field("city", &Address::city, "Required.")
      .field("region", &Address::region, "State, province or county.")
      .field("postal_code", &Address::postal_code, "Postal code.")
      .field("country", &Address::country,
             "Required, ISO 3166-1 alpha-2.")
      .field("phone", &Address::phone, "Phone number.")
      .finish();

  ValueClass<CheckoutLine>(module, "CheckoutLine", "One line of a checkout.")
      .field("sku", &CheckoutLine::sku, "The variant's SKU.")
      .field("quantity", &CheckoutLine::quantity,
             "1 to shopkit.MAX_LINE_QUANTITY.")
      .finish();

  ValueClass<CheckoutRequest>(module, "CheckoutRequest",
                              "Input of StoreService.checkout().")
      .field("lines", &CheckoutRequest::lines,
             "list of CheckoutLine (or dicts); each SKU at most once.")
      .field("email", &CheckoutRequest::email,
             "Required, also for signed-in callers.")
      .field("shipping_address", &CheckoutRequest::shipping_address,
             "Address (or dict).")
      .field("idempotency_key", &CheckoutRequest::idempotency_key,
             "Required, 1 to 255 printable ASCII characters; a retry with "
             "the same key and request returns the first order.")
      .finish();

  ValueClass<OrderLine>(module, "OrderLine",
                        "An order line with copies of what was bought, so "
                        "later catalog edits never change it.")
      .field("product_id", &OrderLine::product_id, "The product's id.")
      .field("variant_id", &OrderLine::variant_id, "The variant's id.")
      .field("sku", &OrderLine::sku, "SKU at checkout.")
      .field("title", &OrderLine::title, "Product title at checkout.")
      .field("variant_title", &OrderLine::variant_title,
             "Option values joined by ' / '.")
      .field("unit_price", &OrderLine::unit_price, "Money.")
      .field("quantity", &OrderLine::quantity, "Units.")
      .field("line_total", &OrderLine::line_total, "Money.")
      .finish();

  ValueClass<Refund>(module, "Refund", "A recorded refund.")
      .field("id", &Refund::id, "The refund's id.")
      .field("amount", &Refund::amount, "Money.")
      .field("reason", &Refund::reason, "Free text.")
      .field("actor_id", &Refund::actor_id, "str or None.")
      .field("created_at", &Refund::created_at, "Aware datetime in UTC.")
      .finish();

  ValueClass<Order>(module, "Order", "An order of one store.")
      .field("id", &Order::id, "The order's id, 'ord_...'.")
      .field("number", &Order::number,
             "1, 2, 3, ... per store, with no gaps.")
      .field("status", &Order::status, "OrderStatus.")
      .field("customer_id", &Order::customer_id, "The customer's id.")
      .field("user_id", &Order::user_id, "str, or None for guests.")
      .field("email", &Order::email, "The buyer's email.")
      .field("lines", &Order::lines, "list of OrderLine.")
      .field("subtotal", &Order::subtotal, "Money.")
      .field("shipping", &Order::shipping, "Money.")
      .field("tax", &Order::tax, "Money.")
      .field("total", &Order::total, "Money.")
      .field("refunded", &Order::refunded,
             "Money, the sum of refunds; never above total.")
      .field("refunds", &Order::refunds, "list of Refund.")
      .field("shipping_address", &Order::shipping_address, "Address.")
      .field("created_at", &Order::created_at, "Aware datetime in UTC.")
      .field("updated_at", &Order::updated_at, "Aware datetime in UTC.")
      .field("paid_at", &Order::paid_at, "datetime or None.")
      .field("fulfilled_at", &Order::fulfilled_at, "datetime or None.")
      .field("cancelled_at", &Order::cancelled_at, "datetime or None.")
      .finish();

  ValueClass<OrderQuery>(module, "OrderQuery", "A members' order list query.")
      .field("status", &OrderQuery::status, "OrderStatus or None.")
      .field("limit", &OrderQuery::limit, "Page size, 1 to 200.")
      .field("cursor", &OrderQuery::cursor,
             "next_cursor of the previous page, or None for the first.",
             FieldStyle::empty_is_none)
      .finish();

  module.attr("MAX_LINE_QUANTITY") = kMaxLineQuantity;
  module.attr("MAX_CHECKOUT_LINES") = kMaxCheckoutLines;
}

}  // namespace

void bind_store_values(py::module_& module) {
  bind_stores(module);
  bind_products(module);
  bind_product_inputs(module);
  bind_stock(module);
  bind_orders(module);
}

}  // namespace shopkit::python
