#include "common/time_format.h"
#include "shopkit/json.h"

namespace shopkit {

namespace {

Error wrong_type(std::string_view field, std::string_view expected) {
  return Error(ErrorCode::invalid_argument,
               "field '" + std::string(field) + "' must be " +
                   std::string(expected),
               std::string(field));
}

}  // namespace

namespace json_fields {

const nlohmann::json& require_object(const nlohmann::json& in,
                                     std::string_view field) {
  if (!in.is_object()) throw wrong_type(field, "a JSON object");
  return in;
}

std::string required_string(const nlohmann::json& object,
                            std::string_view field) {
  auto value = optional_string(object, field);
  if (!value) {
    throw Error(ErrorCode::invalid_argument,
                "missing field '" + std::string(field) + "'",
                std::string(field));
  }
  return *value;
}

std::optional<std::string> optional_string(const nlohmann::json& object,
                                           std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw wrong_type(field, "a string");
  return it->get<std::string>();
}

std::int64_t required_integer(const nlohmann::json& object,
                              std::string_view field) {
  auto value = optional_integer(object, field);
  if (!value) {
    throw Error(ErrorCode::invalid_argument,
                "missing field '" + std::string(field) + "'",
                std::string(field));
  }
  return *value;
}

std::optional<std::int64_t> optional_integer(const nlohmann::json& object,
                                             std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_number_unsigned()) {
    auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(INT64_MAX)) {
      throw wrong_type(field, "an integer that fits in 64 bits");
    }
    return static_cast<std::int64_t>(value);
  }
  if (!it->is_number_integer()) throw wrong_type(field, "an integer");
  return it->get<std::int64_t>();
}

std::optional<bool> optional_bool(const nlohmann::json& object,
                                  std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) throw wrong_type(field, "true or false");
  return it->get<bool>();
}

}  // namespace json_fields

void to_json(nlohmann::json& out, const Money& money) {
  out = nlohmann::json{{"amount", money.minor_units()},
                       {"currency", money.currency()}};
}

void from_json(const nlohmann::json& in, Money& money) {
  json_fields::require_object(in, "amount");
  std::int64_t amount = json_fields::required_integer(in, "amount");
  std::string currency = json_fields::required_string(in, "currency");
  money = Money(amount, currency);
}

nlohmann::json error_to_json(const Error& error) {
  nlohmann::json body{{"code", to_string(error.code())},
                      {"message", error.what()}};
  if (!error.field().empty()) body["field"] = error.field();
  return nlohmann::json{{"error", std::move(body)}};
}

std::string timestamp_to_json(Timestamp time) {
  return internal::format_iso8601(time);
}

Timestamp timestamp_from_json(const nlohmann::json& in,
                              std::string_view field) {
  if (!in.is_string()) throw wrong_type(field, "an ISO 8601 time string");
  return internal::parse_iso8601(in.get_ref<const std::string&>(), field);
}

}  // namespace shopkit
