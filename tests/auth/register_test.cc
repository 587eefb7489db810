#include "auth_fixture.h"

using shopkit::ErrorCode;
using shopkit::PlatformRole;
using shopkit::RegisterRequest;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;
using shopkit::testing::kTestPassword;

namespace {

RegisterRequest request(std::string email, std::string password = "pa55word!",
                        PlatformRole role = PlatformRole::merchant) {
  return RegisterRequest{std::move(email), std::move(password), "Bob", role};
}

}  // namespace

TEST_CASE("register returns the new user") {
  AuthFixture f;
  auto user = f.auth().register_user(request("  Bob@Example.COM "));
  CHECK(user.id.str().rfind("usr_", 0) == 0);
  CHECK(user.email == "Bob@Example.COM");
  CHECK(user.name == "Bob");
  CHECK(user.role == PlatformRole::merchant);
  CHECK(user.status == shopkit::UserStatus::active);
  CHECK_FALSE(user.email_verified_at.has_value());
}

TEST_CASE("register rejects email differing in case") {
  AuthFixture f;
  f.auth().register_user(request("bob@example.com"));
  auto error = error_of(
      [&] { f.auth().register_user(request(" BOB@EXAMPLE.com")); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::already_exists);
  CHECK(error->field() == "email");
  CHECK(std::string(error->what()).find("BOB@EXAMPLE.com") !=
        std::string::npos);
}

TEST_CASE("register rejects malformed emails") {
  AuthFixture f;
  for (const std::string& email : std::vector<std::string>{"", "   ", "plain", "a@b", "@example.com", "a@", "a@@example.com",
        "a@b@example.com", "a b@example.com", "a@.com", "a@example.",
        "a@exa..mple.com", "tab\t@example.com", std::string(65, 'x') + "@e.com",
        "a@" + std::string(260, 'd') + ".com"}) {
    auto error = error_of([&] { f.auth().register_user(request(email)); });
    REQUIRE_MESSAGE(error, "accepted email '" << email << "'");
    CHECK(error->code() == ErrorCode::invalid_argument);
    CHECK(error->field() == "email");
  }
}

TEST_CASE("register error names the bad email") {
  AuthFixture f;
  auto error = error_of([&] { f.auth().register_user(request("no-at-sign")); });
  REQUIRE(error);
  CHECK(std::string(error->what()).find("'no-at-sign'") != std::string::npos);
}

TEST_CASE("register checks password length bounds") {
  AuthFixture f;
  auto too_short =
      error_of([&] { f.auth().register_user(request("a@example.com", "1234567")); });
  REQUIRE(too_short);
  CHECK(too_short->code() == ErrorCode::invalid_argument);
  CHECK(too_short->field() == "password");
  auto too_long = error_of([&] {
    f.auth().register_user(request("a@example.com", std::string(1025, 'p')));
  });
  REQUIRE(too_long);
  CHECK(too_long->code() == ErrorCode::invalid_argument);
  CHECK(too_long->field() == "password");
  CHECK_NOTHROW(f.auth().register_user(request("a@example.com", "12345678")));
  CHECK_NOTHROW(
      f.auth().register_user(request("b@example.com", std::string(1024, 'p'))));
}

TEST_CASE("register never creates a super admin") {
  AuthFixture f;
  auto error = error_of([&] {
    f.auth().register_user(
        request("root@example.com", "pa55word!", PlatformRole::super_admin));
  });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::permission_denied);
  CHECK(error->field() == "role");
}

TEST_CASE("register rejects an empty name") {
  AuthFixture f;
  auto error = error_of([&] {
    f.auth().register_user(RegisterRequest{"a@example.com", "pa55word!", "  ",
                                           PlatformRole::customer});
  });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::invalid_argument);
  CHECK(error->field() == "name");
}

TEST_CASE("register rejects text that is not UTF-8") {
  AuthFixture f;
  auto name = error_of([&] {
    f.auth().register_user(RegisterRequest{"a@example.com", "pa55word!",
                                           "Ren\xe9", PlatformRole::customer});
  });
  REQUIRE(name);
  CHECK(name->field() == "name");
  auto email = error_of([&] {
    f.auth().register_user(RegisterRequest{"r\xe9@example.com", "pa55word!",
                                           "Rene", PlatformRole::customer});
  });
  REQUIRE(email);
  CHECK(email->field() == "email");
}

TEST_CASE("bootstrap creates only the first super admin") {
  AuthFixture f;
  auto admin =
      f.auth().bootstrap_super_admin("root@example.com", kTestPassword, "Root");
  CHECK(admin.role == PlatformRole::super_admin);
  auto error = error_of([&] {
    f.auth().bootstrap_super_admin("other@example.com", kTestPassword, "Other");
  });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::failed_precondition);
}

TEST_CASE("bootstrap validates like register") {
  AuthFixture f;
  auto error = error_of([&] {
    f.auth().bootstrap_super_admin("root@example.com", "short", "Root");
  });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::invalid_argument);
  CHECK(error->field() == "password");
}
