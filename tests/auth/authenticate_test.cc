#include "auth/user_admin.h"
#include "auth_fixture.h"
#include "common/context.h"

using shopkit::ErrorCode;
using shopkit::PlatformRole;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;

namespace {

shopkit::internal::Context& context_of(AuthFixture& f) {
  return shopkit::internal::PlatformAccess::context(f.platform());
}

void check_rejected(AuthFixture& f, const std::string& token) {
  auto error = error_of([&] { f.auth().authenticate(token); });
  REQUIRE_MESSAGE(error, "token accepted: " << token);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

}  // namespace

TEST_CASE("authenticate returns the login's principal") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  auto principal = f.auth().authenticate(login.access_token);
  CHECK(principal.user_id() == user.id);
  CHECK(principal.role() == PlatformRole::customer);
  CHECK(principal.session_id().str().rfind("ses_", 0) == 0);
  CHECK_FALSE(principal.is_anonymous());
}

TEST_CASE("authenticate rejects garbage and empty tokens") {
  AuthFixture f;
  check_rejected(f, "");
  check_rejected(f, "not a token");
  check_rejected(f, "a.b.c");
  check_rejected(f, "..");
}

TEST_CASE("authenticate rejects a logged out session") {
  AuthFixture f;
  f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  auto principal = f.auth().authenticate(login.access_token);
  f.auth().logout(principal);
  check_rejected(f, login.access_token);
}

TEST_CASE("authenticate rejects a suspended user at once") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  f.auth().authenticate(login.access_token);  // Now cached.
  shopkit::internal::suspend_user(context_of(f), user.id);
  check_rejected(f, login.access_token);
}

TEST_CASE("authenticate rejects a deleted user") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  f.auth().authenticate(login.access_token);
  shopkit::internal::delete_user(context_of(f), user.id);
  check_rejected(f, login.access_token);
}

TEST_CASE("reactivated user needs a new login") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  shopkit::internal::suspend_user(context_of(f), user.id);
  shopkit::internal::reactivate_user(context_of(f), user.id);
  check_rejected(f, login.access_token);
  auto again = f.login("ann@example.com");
  CHECK(f.auth().authenticate(again.access_token).user_id() == user.id);
}

TEST_CASE("role change applies to the next authenticate") {
  AuthFixture f;
  auto user = f.register_customer("ann@example.com");
  auto login = f.login("ann@example.com");
  CHECK(f.auth().authenticate(login.access_token).role() ==
        PlatformRole::customer);
  shopkit::internal::change_user_role(context_of(f), user.id,
                                      PlatformRole::merchant);
  CHECK(f.auth().authenticate(login.access_token).role() ==
        PlatformRole::merchant);
}

TEST_CASE("logout_all ends every session") {
  AuthFixture f;
  f.register_customer("ann@example.com");
  auto first = f.login("ann@example.com");
  auto second = f.login("ann@example.com");
  auto principal = f.auth().authenticate(first.access_token);
  f.auth().authenticate(second.access_token);
  f.auth().logout_all(principal);
  check_rejected(f, first.access_token);
  check_rejected(f, second.access_token);
}

TEST_CASE("logout leaves other sessions open") {
  AuthFixture f;
  f.register_customer("ann@example.com");
  auto first = f.login("ann@example.com");
  auto second = f.login("ann@example.com");
  f.auth().logout(f.auth().authenticate(first.access_token));
  check_rejected(f, first.access_token);
  CHECK_NOTHROW(f.auth().authenticate(second.access_token));
}
