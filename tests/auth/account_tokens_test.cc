#include <SQLiteCpp/SQLiteCpp.h>

#include "auth_fixture.h"
#include "common/crypto.h"

using shopkit::ErrorCode;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;
using shopkit::testing::kTestPassword;

namespace {

struct AccountFixture : AuthFixture {
  shopkit::User user = register_customer("ann@example.com");
  shopkit::LoginResult first = login("ann@example.com");
  shopkit::Principal principal = auth().authenticate(first.access_token);
};

}  // namespace

TEST_CASE("change_password replaces the password") {
  AccountFixture f;
  f.auth().change_password(f.principal, kTestPassword, "a new passphrase");
  CHECK(error_of([&] { f.login("ann@example.com"); }));
  CHECK_NOTHROW(f.login("ann@example.com", "a new passphrase"));
}

TEST_CASE("change_password needs the current password") {
  AccountFixture f;
  auto error = error_of([&] {
    f.auth().change_password(f.principal, "wrong password", "a new passphrase");
  });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK(error->field() == "current_password");
  CHECK_NOTHROW(f.login("ann@example.com"));
}

TEST_CASE("change_password checks the new password") {
  AccountFixture f;
  auto error = error_of(
      [&] { f.auth().change_password(f.principal, kTestPassword, "short"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::invalid_argument);
  CHECK(error->field() == "new_password");
}

TEST_CASE("change_password ends only other sessions") {
  AccountFixture f;
  auto other = f.login("ann@example.com");
  f.auth().authenticate(other.access_token);
  f.auth().change_password(f.principal, kTestPassword, "a new passphrase");
  CHECK(error_of([&] { f.auth().authenticate(other.access_token); }));
  CHECK(error_of([&] { f.auth().refresh(other.refresh_token); }));
  CHECK_NOTHROW(f.auth().authenticate(f.first.access_token));
}

TEST_CASE("password reset works once") {
  AccountFixture f;
  auto token = f.auth().request_password_reset(" ANN@example.com");
  REQUIRE(token);
  CHECK(token->user_id == f.user.id);
  CHECK(token->email == "ann@example.com");
  CHECK(token->expires_at == f.test.clock->now() + std::chrono::minutes(30));
  f.auth().reset_password(token->token, "a new passphrase");
  CHECK_NOTHROW(f.login("ann@example.com", "a new passphrase"));
  auto error =
      error_of([&] { f.auth().reset_password(token->token, "another one!"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK(error->field() == "token");
}

TEST_CASE("password reset ends every session") {
  AccountFixture f;
  auto token = f.auth().request_password_reset("ann@example.com");
  REQUIRE(token);
  f.auth().reset_password(token->token, "a new passphrase");
  CHECK(error_of([&] { f.auth().authenticate(f.first.access_token); }));
  CHECK(error_of([&] { f.auth().refresh(f.first.refresh_token); }));
}

TEST_CASE("password reset token expires") {
  AccountFixture f;
  auto token = f.auth().request_password_reset("ann@example.com");
  REQUIRE(token);
  f.test.clock->advance(std::chrono::minutes(30));
  auto error =
      error_of([&] { f.auth().reset_password(token->token, "a new passphrase"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK_NOTHROW(f.login("ann@example.com"));
}

TEST_CASE("newer reset token voids older one") {
  AccountFixture f;
  auto older = f.auth().request_password_reset("ann@example.com");
  auto newer = f.auth().request_password_reset("ann@example.com");
  REQUIRE(older);
  REQUIRE(newer);
  CHECK(error_of(
      [&] { f.auth().reset_password(older->token, "a new passphrase"); }));
  CHECK_NOTHROW(f.auth().reset_password(newer->token, "a new passphrase"));
}

TEST_CASE("password reset for unknown email is empty") {
  AccountFixture f;
  CHECK_FALSE(f.auth().request_password_reset("nobody@example.com"));
}

TEST_CASE("reset token is stored only hashed") {
  AccountFixture f;
  auto token = f.auth().request_password_reset("ann@example.com");
  REQUIRE(token);
  SQLite::Database db((f.dir.path() / "platform.db").string(),
                      SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT token_hash FROM one_time_tokens");
  REQUIRE(query.executeStep());
  std::string stored(static_cast<const char*>(query.getColumn(0).getBlob()),
                     static_cast<std::size_t>(query.getColumn(0).getBytes()));
  CHECK(stored == shopkit::internal::sha256(token->token));
  CHECK(stored.find(token->token) == std::string::npos);
}

TEST_CASE("reset token cannot verify email") {
  AccountFixture f;
  auto token = f.auth().request_password_reset("ann@example.com");
  REQUIRE(token);
  CHECK(error_of([&] { f.auth().verify_email(token->token); }));
  CHECK_NOTHROW(f.auth().reset_password(token->token, "a new passphrase"));
}

TEST_CASE("email verification marks the user") {
  AccountFixture f;
  auto token = f.auth().request_email_verification(f.principal);
  CHECK(token.expires_at == f.test.clock->now() + std::chrono::minutes(30));
  auto user = f.auth().verify_email(token.token);
  REQUIRE(user.email_verified_at);
  CHECK(*user.email_verified_at == f.test.clock->now());
  CHECK(f.auth().me(f.principal).email_verified_at.has_value());
  auto error = error_of([&] { f.auth().verify_email(token.token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

TEST_CASE("email verification token expires") {
  AccountFixture f;
  auto token = f.auth().request_email_verification(f.principal);
  f.test.clock->advance(std::chrono::minutes(31));
  CHECK(error_of([&] { f.auth().verify_email(token.token); }));
  CHECK_FALSE(f.auth().me(f.principal).email_verified_at.has_value());
}
