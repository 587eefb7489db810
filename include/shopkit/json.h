// JSON conversion of shopkit's value types, for hosts and bindings that
// speak JSON. This is the only public header that includes
// nlohmann/json; the rest of the API does not depend on it.
//
// from_json functions raise shopkit::Error (invalid_argument) naming the
// field, never nlohmann's own exceptions, so hosts can map the error.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/orders.h"
#include "shopkit/product_csv.h"
#include "shopkit/stores.h"
#include "shopkit/super_admin_service.h"
#include "shopkit/theme_service.h"
#include "shopkit/types.h"

namespace shopkit {

// {"amount": 1999, "currency": "USD"}. The amount must be a JSON
// integer; a float such as 19.99 is rejected rather than rounded.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Money& money);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, Money& money);

// {"error": {"code": "not_found", "message": "...", "field": "..."}};
// "field" is present only when the error names one.
SHOPKIT_EXPORT nlohmann::json error_to_json(const Error& error);

// Timestamps as ISO 8601 UTC strings with milliseconds.
SHOPKIT_EXPORT std::string timestamp_to_json(Timestamp time);
SHOPKIT_EXPORT Timestamp timestamp_from_json(const nlohmann::json& in,
                                             std::string_view field);

// --- Stores, catalog, stock and orders ---
//
// A product has the shape the admin routes take and return:
//   {"id", "handle", "title", "description", "status", "vendor",
//    "product_type", "tags", "categories", "options",
//    "variants": [{"id", "sku", "options", "price", "compare_at_price",
//                  "stock", "allow_backorder", "weight_grams",
//                  "barcode"}],
//    "images": [{"url", "alt", "position"}], "created_at", "updated_at"}
// Absent optional values are written as null. from_json ignores ids and
// times, takes defaults for omitted fields, and raises invalid_argument
// naming the field by its path, for example "variants[0].price".

SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Product& product);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Variant& variant);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Image& image);
// The same documents as JSON text, written without building a
// nlohmann::json first (several times faster for a page of products).
// The text equals nlohmann::json(product).dump(-1, ' ', false,
// nlohmann::json::error_handler_t::replace), and the page's text that of
// page_to_json(page) dumped the same way.
SHOPKIT_EXPORT std::string to_json_text(const Product& product);
SHOPKIT_EXPORT std::string page_to_json_text(const Page<Product>& page);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, ProductInput& input);
// Only the members present in `in` are set; null clears an optional
// text field to "" where that is meaningful (description, vendor,
// product_type).
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, ProductUpdate& update);

// {"variant_id", "product_id", "sku", "stock", "allow_backorder"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const StockLevel& level);
// {"seq", "variant_id", "sku", "delta", "stock_after", "reason",
//  "order_id", "actor_id", "created_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const LedgerEntry& entry);

// {"id", "handle", "name", "owner_id", "currency", "country", "status",
//  "created_at", "updated_at"}; owner_id is null when empty.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Store& store);
// The store's fields plus "role".
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const StoreMembership& membership);
// {"name", "handle", "currency", "country"}, all required.
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              CreateStoreRequest& request);
// {"name", "contact_email", "currency", "country", "tax_rate_bps",
//  "flat_shipping"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const StoreSettings& settings);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              StoreSettingsUpdate& update);

// {"name", "line1", "line2", "city", "region", "postal_code", "country",
//  "phone"}; omitted members are "".
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Address& address);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, Address& address);
// {"lines": [{"sku", "quantity"}], "email", "shipping_address",
//  "idempotency_key"}. The key is optional here because the HTTP host
// takes it from the Idempotency-Key header.
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              CheckoutRequest& request);
// {"id", "number", "status", "customer_id", "user_id", "email",
//  "lines": [{"product_id", "variant_id", "sku", "title",
//             "variant_title", "unit_price", "quantity", "line_total"}],
//  "subtotal", "shipping", "tax", "total", "refunded",
//  "refunds": [{"id", "amount", "reason", "actor_id", "created_at"}],
//  "shipping_address", "created_at", "updated_at", "paid_at",
//  "fulfilled_at", "cancelled_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Order& order);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Refund& refund);

// {"items": [...], "next_cursor": "..." or null on the last page}.
template <typename T>
nlohmann::json page_to_json(const Page<T>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& item : page.items) items.push_back(item);
  nlohmann::json cursor = nullptr;
  if (!page.next_cursor.empty()) cursor = page.next_cursor;
  return nlohmann::json{{"items", std::move(items)},
                        {"next_cursor", std::move(cursor)}};
}

// Auth. Users: {"id", "email", "name", "role", "status",
// "email_verified_at" (time or null), "created_at", "updated_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const User& user);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, User& user);
// {"email", "password", "name", "role"}; role is optional and defaults
// to "customer".
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              RegisterRequest& request);
// {"email", "password"}. A "client_key" member is ignored: the host sets
// LoginRequest::client_key itself (for example from the peer address),
// so a client cannot pick the key it is throttled under.
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              LoginRequest& request);
// {"access_token", "refresh_token", "token_type", "expires_in", "user"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const LoginResult& result);
// {"token", "user_id", "email", "expires_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const OneTimeToken& token);
// {"kid", "created_at", "retired_at" (time or null)}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const SigningKeyInfo& key);

// The product import report, as docs/import-export.md shows it: the
// format by name and each issue as {"line", "column", "handle",
// "message"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ImportIssue& issue);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ImportReport& report);

// Themes. A setting value is a JSON boolean, integer or string; a
// float (even 2.0) is rejected. A manifest is {"settings": [...]}, each
// setting {"key", "type", "label", "default"} plus its type's fields:
// "max_length" (text), "min", "max", "step" (number), "choices"
// (select). A field that does not belong to the type is rejected, and
// errors name the setting.
SHOPKIT_EXPORT nlohmann::json setting_value_to_json(
    const ThemeSettingValue& value);
SHOPKIT_EXPORT ThemeSettingValue setting_value_from_json(
    const nlohmann::json& in, std::string_view field);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ThemeSetting& setting);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, ThemeSetting& setting);
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const ThemeManifest& manifest);
SHOPKIT_EXPORT void from_json(const nlohmann::json& in,
                              ThemeManifest& manifest);
// {"name", "handle", "version", "description", "manifest"}; handle is
// optional (an update names the theme in its path), description and
// manifest default to empty.
SHOPKIT_EXPORT void from_json(const nlohmann::json& in, ThemeDraft& draft);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Theme& theme);
// {"theme": {...}, "settings": {"key": value, ...}}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const StoreTheme& theme);
// A PATCH body {"key": value, "other": null}: null resets to the
// default.
SHOPKIT_EXPORT ThemeSettingChanges theme_setting_changes_from_json(
    const nlohmann::json& in);

// A store member: {"user_id", "email", "name", "role", "created_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const StoreMember& member);

// The dashboard: {"from", "to", "order_count", "paid_order_count",
// "revenue", "average_order_value", "revenue_per_day": [{"day"
// ("2026-12-04"), "orders", "revenue"}], "top_products": [{"product_id",
// "title", "quantity", "revenue"}], "low_stock": [{"product_id",
// "variant_id", "sku", "title", "variant_title", "stock"}],
// "low_stock_count"}, amounts as Money objects.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const DailyRevenue& daily);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ProductSales& sales);
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const LowStockVariant& variant);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Dashboard& dashboard);
// {"id", "email", "name", "user_id" (null for guests), "created_at",
// "order_count", "total_spent", "last_order_at" (time or null)}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const Customer& customer);

// Super-admin panel. A store summary is the store's object plus
// "deleted_at" and "purge_after" (time or null).
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const StoreSummary& summary);
// {"role", "status", "count"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const UserCount& count);
// {"active", "suspended", "deleted", "purged"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const StoreCounts& counts);
// {"currency", "orders", "paid_orders", "revenue", "refunded",
// "net_revenue"}, the amounts as Money objects.
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const CurrencyFigures& figures);
// {"users": [...], "stores": {...}, "orders": [...]}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out,
                            const PlatformFigures& figures);
// {"id", "actor_id" (null for none), "action", "target_type",
// "target_id", "detail" (a JSON object), "created_at"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const AuditEntry& entry);

namespace json_fields {

// Helpers for from_json implementations: read a member of `object` with
// a type check, raising invalid_argument naming `field` when it is
// missing (for required) or of the wrong type.
SHOPKIT_EXPORT const nlohmann::json& require_object(const nlohmann::json& in,
                                                    std::string_view field);
SHOPKIT_EXPORT std::string required_string(const nlohmann::json& object,
                                           std::string_view field);
SHOPKIT_EXPORT std::optional<std::string> optional_string(
    const nlohmann::json& object, std::string_view field);
SHOPKIT_EXPORT std::int64_t required_integer(const nlohmann::json& object,
                                             std::string_view field);
SHOPKIT_EXPORT std::optional<std::int64_t> optional_integer(
    const nlohmann::json& object, std::string_view field);
SHOPKIT_EXPORT std::optional<bool> optional_bool(const nlohmann::json& object,
                                                 std::string_view field);

}  // namespace json_fields

}  // namespace shopkit
