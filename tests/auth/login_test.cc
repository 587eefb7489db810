#include "auth/user_admin.h"
#include "auth_fixture.h"
#include "common/context.h"

using shopkit::ErrorCode;
using shopkit::PlatformRole;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;
using shopkit::testing::kTestPassword;

TEST_CASE("login returns bearer tokens and user") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto result = f.login("  ANN@example.com ");
  CHECK(result.token_type == "Bearer");
  CHECK(result.expires_in == 15 * 60);
  CHECK(result.user.id == user.id);
  CHECK(result.user.email == "ann@example.com");
  CHECK_FALSE(result.access_token.empty());
  CHECK(result.refresh_token.size() == 43);
  CHECK(result.access_token != result.refresh_token);
}

TEST_CASE("login gives one error for email and password") {
  AuthFixture f;
  f.register_customer("ann@example.com");
  auto wrong_password =
      error_of([&] { f.login("ann@example.com", "wrong password"); });
  auto unknown_email =
      error_of([&] { f.login("nobody@example.com", std::string(kTestPassword)); });
  REQUIRE(wrong_password);
  REQUIRE(unknown_email);
  CHECK(wrong_password->code() == ErrorCode::unauthenticated);
  CHECK(unknown_email->code() == ErrorCode::unauthenticated);
  CHECK(std::string(wrong_password->what()) == unknown_email->what());
  CHECK(wrong_password->field() == unknown_email->field());
}

TEST_CASE("login rejects an empty email") {
  AuthFixture f;
  auto error = error_of([&] { f.login("  "); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::invalid_argument);
  CHECK(error->field() == "email");
}

TEST_CASE("login rejects a suspended user") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto& context = shopkit::internal::PlatformAccess::context(f.platform());
  shopkit::internal::suspend_user(context, user.id);
  auto error = error_of([&] { f.login("ann@example.com"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

TEST_CASE("login treats a deleted user as unknown") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto& context = shopkit::internal::PlatformAccess::context(f.platform());
  shopkit::internal::delete_user(context, user.id);
  auto error = error_of([&] { f.login("ann@example.com"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK(std::string(error->what()) == "invalid email or password");
}

TEST_CASE("deleted user's email can register again") {
  AuthFixture f;
  auto old_user = f.register_customer("ann@example.com");
  auto& context = shopkit::internal::PlatformAccess::context(f.platform());
  shopkit::internal::delete_user(context, old_user.id);
  auto new_user = f.register_customer("Ann@example.com");
  CHECK(new_user.id != old_user.id);
  CHECK(f.login("ann@example.com").user.id == new_user.id);
}

TEST_CASE("me returns the signed-in user") {
  AuthFixture f;
  auto principal = shopkit::testing::sign_up(f.platform(), "m@example.com",
                                             PlatformRole::merchant);
  auto user = f.auth().me(principal);
  CHECK(user.id == principal.user_id());
  CHECK(user.email == "m@example.com");
  CHECK(user.role == PlatformRole::merchant);
}

TEST_CASE("me rejects the anonymous principal") {
  AuthFixture f;
  auto error =
      error_of([&] { f.auth().me(shopkit::Principal::anonymous()); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

TEST_CASE("sign_up helper makes each role") {
  AuthFixture f;
  auto customer = shopkit::testing::sign_up(f.platform(), "c@example.com");
  auto merchant = shopkit::testing::sign_up(f.platform(), "m@example.com",
                                            PlatformRole::merchant);
  CHECK(customer.role() == PlatformRole::customer);
  CHECK(merchant.role() == PlatformRole::merchant);
  CHECK_FALSE(customer.is_anonymous());
  CHECK(customer.session_id() != merchant.session_id());
}

TEST_CASE("make_super_admin helper works twice") {
  AuthFixture f;
  auto first = shopkit::testing::make_super_admin(f.platform(), "r1@example.com");
  auto second =
      shopkit::testing::make_super_admin(f.platform(), "r2@example.com");
  CHECK(first.is_super_admin());
  CHECK(second.is_super_admin());
  CHECK(first.user_id() != second.user_id());
}
