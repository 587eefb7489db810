// JSON conversion of the public types of AuthService.
#include "shopkit/json.h"

namespace shopkit {
namespace {

nlohmann::json optional_time_to_json(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return timestamp_to_json(*time);
}

std::optional<Timestamp> optional_time_from_json(const nlohmann::json& object,
                                                 std::string_view field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return timestamp_from_json(*it, field);
}

Timestamp required_time(const nlohmann::json& object, std::string_view field) {
  auto time = optional_time_from_json(object, field);
  if (!time) {
    throw Error(ErrorCode::invalid_argument,
                "missing field '" + std::string(field) + "'",
                std::string(field));
  }
  return *time;
}

}  // namespace

void to_json(nlohmann::json& out, const User& user) {
  out = nlohmann::json{
      {"id", user.id.str()},
      {"email", user.email},
      {"name", user.name},
      {"role", to_string(user.role)},
      {"status", to_string(user.status)},
      {"email_verified_at", optional_time_to_json(user.email_verified_at)},
      {"created_at", timestamp_to_json(user.created_at)},
      {"updated_at", timestamp_to_json(user.updated_at)},
  };
}

void from_json(const nlohmann::json& in, User& user) {
  json_fields::require_object(in, "user");
  user.id = UserId(json_fields::required_string(in, "id"));
  user.email = json_fields::required_string(in, "email");
  user.name = json_fields::required_string(in, "name");
  user.role = platform_role_from_string(json_fields::required_string(in, "role"));
  user.status =
      user_status_from_string(json_fields::required_string(in, "status"));
  user.email_verified_at = optional_time_from_json(in, "email_verified_at");
  user.created_at = required_time(in, "created_at");
  user.updated_at = required_time(in, "updated_at");
}

void from_json(const nlohmann::json& in, RegisterRequest& request) {
  json_fields::require_object(in, "request");
  request.email = json_fields::required_string(in, "email");
  request.password = json_fields::required_string(in, "password");
  request.name = json_fields::required_string(in, "name");
  request.role = platform_role_from_string(
      json_fields::optional_string(in, "role").value_or("customer"));
}

void from_json(const nlohmann::json& in, LoginRequest& request) {
  json_fields::require_object(in, "request");
  request.email = json_fields::required_string(in, "email");
  request.password = json_fields::required_string(in, "password");
  request.client_key.reset();
}

void to_json(nlohmann::json& out, const LoginResult& result) {
  out = nlohmann::json{
      {"access_token", result.access_token},
      {"refresh_token", result.refresh_token},
      {"token_type", result.token_type},
      {"expires_in", result.expires_in},
      {"user", result.user},
  };
}

void to_json(nlohmann::json& out, const OneTimeToken& token) {
  out = nlohmann::json{
      {"token", token.token},
      {"user_id", token.user_id.str()},
      {"email", token.email},
      {"expires_at", timestamp_to_json(token.expires_at)},
  };
}

void to_json(nlohmann::json& out, const SigningKeyInfo& key) {
  out = nlohmann::json{
      {"kid", key.kid},
      {"created_at", timestamp_to_json(key.created_at)},
      {"retired_at", optional_time_to_json(key.retired_at)},
  };
}

}  // namespace shopkit
