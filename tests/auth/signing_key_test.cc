#include "auth_fixture.h"
#include "token_forge.h"

using shopkit::ErrorCode;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;
using shopkit::testing::token_part;

namespace {

std::string kid_of(const std::string& token) {
  return token_part(token, 0)["kid"].get<std::string>();
}

}  // namespace

TEST_CASE("first login creates a signing key") {
  AuthFixture f;
  CHECK(f.auth().list_signing_keys().empty());
  shopkit::testing::sign_up(f.platform(), "a@example.com");
  auto keys = f.auth().list_signing_keys();
  REQUIRE(keys.size() == 1);
  CHECK(keys[0].kid.rfind("key_", 0) == 0);
  CHECK_FALSE(keys[0].retired_at);
}

TEST_CASE("rotated key signs new tokens") {
  AuthFixture f;
  f.register_customer("a@example.com");
  auto old_token = f.login("a@example.com").access_token;
  std::string kid = f.auth().rotate_signing_key();
  auto new_token = f.login("a@example.com").access_token;
  CHECK(kid_of(new_token) == kid);
  CHECK(kid_of(old_token) != kid);
  CHECK_NOTHROW(f.auth().authenticate(old_token));
  CHECK_NOTHROW(f.auth().authenticate(new_token));
  auto keys = f.auth().list_signing_keys();
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].kid == kid);
}

TEST_CASE("retired key stops verifying") {
  AuthFixture f;
  f.register_customer("a@example.com");
  auto old_token = f.login("a@example.com").access_token;
  f.auth().rotate_signing_key();
  auto new_token = f.login("a@example.com").access_token;
  f.auth().retire_signing_key(kid_of(old_token));
  auto error = error_of([&] { f.auth().authenticate(old_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK_NOTHROW(f.auth().authenticate(new_token));
}

TEST_CASE("last active key cannot be retired") {
  AuthFixture f;
  shopkit::testing::sign_up(f.platform(), "a@example.com");
  auto kid = f.auth().list_signing_keys().at(0).kid;
  auto error = error_of([&] { f.auth().retire_signing_key(kid); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::failed_precondition);
  CHECK(error->field() == "kid");
}

TEST_CASE("retiring an unknown key is not_found") {
  AuthFixture f;
  auto error = error_of(
      [&] { f.auth().retire_signing_key("key_00000000000000000000000000"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::not_found);
}

TEST_CASE("key added elsewhere verifies here") {
  AuthFixture f;
  f.register_customer("a@example.com");
  f.login("a@example.com");
  // A second Platform on the same folder stands for another process.
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  other.platform->auth().rotate_signing_key();
  auto token = other.platform->auth()
                   .login({"a@example.com",
                           std::string(shopkit::testing::kTestPassword),
                           {}})
                   .access_token;
  CHECK_NOTHROW(f.auth().authenticate(token));
}
