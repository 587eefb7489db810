// Runs a full account lifecycle with a memory log sink and checks that no
// password, token, key or hash reaches the log or an error message.
#include <SQLiteCpp/SQLiteCpp.h>

#include "auth_fixture.h"
#include "common/crypto.h"

using shopkit::testing::AuthFixture;
using shopkit::testing::kTestPassword;

namespace {

// Every secret in platform.db: key secrets and password hashes, each
// also as base64url and hex.
std::vector<std::string> stored_secrets(const std::filesystem::path& dir) {
  SQLite::Database db((dir / "platform.db").string(), SQLite::OPEN_READONLY);
  std::vector<std::string> raw;
  SQLite::Statement keys(db, "SELECT secret FROM signing_keys");
  while (keys.executeStep()) {
    raw.emplace_back(static_cast<const char*>(keys.getColumn(0).getBlob()),
                     static_cast<std::size_t>(keys.getColumn(0).getBytes()));
  }
  SQLite::Statement tokens(
      db, "SELECT token_hash FROM refresh_tokens UNION ALL "
          "SELECT token_hash FROM one_time_tokens");
  while (tokens.executeStep()) {
    raw.emplace_back(static_cast<const char*>(tokens.getColumn(0).getBlob()),
                     static_cast<std::size_t>(tokens.getColumn(0).getBytes()));
  }
  std::vector<std::string> secrets;
  for (const auto& bytes : raw) {
    secrets.push_back(shopkit::internal::base64url_encode(bytes));
    secrets.push_back(shopkit::internal::hex_encode(bytes));
  }
  SQLite::Statement hashes(db, "SELECT password_hash FROM users");
  while (hashes.executeStep()) {
    std::string hash = hashes.getColumn(0).getString();
    secrets.push_back(hash);
    secrets.push_back(hash.substr(hash.rfind('$') + 1));  // The hash part.
  }
  return secrets;
}

}  // namespace

TEST_CASE("full session logs no secret") {
  AuthFixture f;
  std::vector<std::string> secrets = {std::string(kTestPassword),
                                      "wrong password 1", "new passphrase 2",
                                      "reset passphrase 3", "another passphrase 4"};
  std::string errors;
  auto expect_error = [&](auto&& call) {
    auto error = shopkit::testing::error_of(call);
    REQUIRE(error);
    errors += std::string(error->what()) + "\n";
  };

  f.register_customer("ann@example.com");
  expect_error([&] { f.login("ann@example.com", "wrong password 1"); });
  expect_error([&] { f.login("ghost@example.com", "wrong password 1"); });
  auto first = f.login("ann@example.com", std::string(kTestPassword), "1.2.3.4");
  auto principal = f.auth().authenticate(first.access_token);
  auto second = f.auth().refresh(first.refresh_token);
  expect_error([&] { f.auth().refresh(first.refresh_token); });
  auto third = f.login("ann@example.com");
  auto third_principal = f.auth().authenticate(third.access_token);
  expect_error([&] { f.auth().authenticate(first.access_token + "x"); });
  f.auth().change_password(third_principal, kTestPassword, "new passphrase 2");
  expect_error([&] {
    f.auth().change_password(third_principal, "wrong password 1",
                             "another passphrase 4");
  });
  auto verify = f.auth().request_email_verification(third_principal);
  f.auth().verify_email(verify.token);
  expect_error([&] { f.auth().verify_email(verify.token); });
  auto reset = f.auth().request_password_reset("ann@example.com");
  REQUIRE(reset);
  f.auth().reset_password(reset->token, "reset passphrase 3");
  expect_error([&] { f.auth().reset_password(reset->token, "reset passphrase 3"); });
  f.auth().rotate_signing_key();
  auto fourth = f.login("ann@example.com", "reset passphrase 3");
  f.auth().logout(f.auth().authenticate(fourth.access_token));
  (void)principal;

  for (const auto& result : {first, second, third, fourth}) {
    secrets.push_back(result.access_token);
    secrets.push_back(result.refresh_token);
    // The signature alone is secret enough to search for too.
    secrets.push_back(
        result.access_token.substr(result.access_token.rfind('.') + 1));
  }
  secrets.push_back(verify.token);
  secrets.push_back(reset->token);
  for (auto& secret : stored_secrets(f.dir.path())) secrets.push_back(secret);

  std::string log = f.test.log->text();
  REQUIRE(log.find("logged in") != std::string::npos);
  REQUIRE(log.find("refresh token reused") != std::string::npos);
  for (const auto& secret : secrets) {
    REQUIRE_FALSE(secret.empty());
    CHECK_MESSAGE(log.find(secret) == std::string::npos,
                  "secret found in the log");
    CHECK_MESSAGE(errors.find(secret) == std::string::npos,
                  "secret found in an error message");
  }
}
