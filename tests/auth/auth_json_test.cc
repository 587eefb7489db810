#include "auth_fixture.h"
#include "shopkit/json.h"

using nlohmann::json;
using shopkit::ErrorCode;
using shopkit::testing::error_of;

TEST_CASE("user json round trips") {
  shopkit::testing::AuthFixture f;
  auto user = f.register_customer("Ann@example.com");
  json out = user;
  CHECK(out["email"] == "Ann@example.com");
  CHECK(out["role"] == "customer");
  CHECK(out["status"] == "active");
  CHECK(out["email_verified_at"].is_null());
  CHECK(out["created_at"] == "2026-01-01T00:00:00.000Z");
  CHECK_FALSE(out.contains("password_hash"));
  auto back = out.get<shopkit::User>();
  CHECK(back.id == user.id);
  CHECK(back.created_at == user.created_at);
}

TEST_CASE("login result json has the contract fields") {
  shopkit::testing::AuthFixture f;
  f.register_customer("ann@example.com");
  json out = f.login("ann@example.com");
  CHECK(out["token_type"] == "Bearer");
  CHECK(out["expires_in"] == 900);
  CHECK(out["access_token"].is_string());
  CHECK(out["refresh_token"].is_string());
  CHECK(out["user"]["email"] == "ann@example.com");
}

TEST_CASE("register request json defaults the role") {
  auto request = json{{"email", "a@example.com"},
                      {"password", "pa55word!"},
                      {"name", "Ann"}}
                     .get<shopkit::RegisterRequest>();
  CHECK(request.role == shopkit::PlatformRole::customer);
  auto merchant = json{{"email", "a@example.com"},
                       {"password", "pa55word!"},
                       {"name", "Ann"},
                       {"role", "merchant"}}
                      .get<shopkit::RegisterRequest>();
  CHECK(merchant.role == shopkit::PlatformRole::merchant);
}

TEST_CASE("register request json names bad fields") {
  auto missing = error_of([] {
    (void)json{{"email", "a@example.com"}, {"name", "Ann"}}
        .get<shopkit::RegisterRequest>();
  });
  REQUIRE(missing);
  CHECK(missing->code() == ErrorCode::invalid_argument);
  CHECK(missing->field() == "password");
  auto bad_role = error_of([] {
    (void)json{{"email", "a@example.com"},
               {"password", "pa55word!"},
               {"name", "Ann"},
               {"role", "king"}}
        .get<shopkit::RegisterRequest>();
  });
  REQUIRE(bad_role);
  CHECK(bad_role->field() == "role");
}

TEST_CASE("login request json ignores client_key") {
  auto request = json{{"email", "a@example.com"},
                      {"password", "pa55word!"},
                      {"client_key", "chosen-by-client"}}
                     .get<shopkit::LoginRequest>();
  CHECK(request.email == "a@example.com");
  CHECK_FALSE(request.client_key.has_value());
}

TEST_CASE("one-time token json carries the expiry") {
  shopkit::testing::AuthFixture f;
  f.register_customer("ann@example.com");
  auto token = f.auth().request_password_reset("ann@example.com");
  REQUIRE(token);
  json out = *token;
  CHECK(out["email"] == "ann@example.com");
  CHECK(out["expires_at"] == "2026-01-01T00:30:00.000Z");
  CHECK(out["token"] == token->token);
}
