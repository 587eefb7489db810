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

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/product_csv.h"
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

// The product import report, as docs/import-export.md shows it: the
// format by name and each issue as {"line", "column", "handle",
// "message"}.
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ImportIssue& issue);
SHOPKIT_EXPORT void to_json(nlohmann::json& out, const ImportReport& report);

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
