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
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/money.h"
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

// Super-admin panel. A store summary is the store's fields ("id",
// "handle", "name", "owner_id", "currency", "country", "status",
// "created_at", "updated_at") plus "deleted_at" and "purge_after" (time
// or null).
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

// Returns {"items": [...], "next_cursor": "..." or null}, the list
// format of the HTTP API, for any page whose items convert to JSON.
template <typename T>
nlohmann::json page_to_json(const Page<T>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& item : page.items) items.push_back(item);
  nlohmann::json cursor = page.next_cursor.empty()
                              ? nlohmann::json(nullptr)
                              : nlohmann::json(page.next_cursor);
  return nlohmann::json{{"items", std::move(items)},
                        {"next_cursor", std::move(cursor)}};
}

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
