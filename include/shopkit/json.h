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

#include "shopkit/auth_service.h"
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/money.h"
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
