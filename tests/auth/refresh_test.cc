#include "auth/user_admin.h"
#include "auth_fixture.h"
#include "common/context.h"

using shopkit::ErrorCode;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;

namespace {

struct RefreshFixture : AuthFixture {
  shopkit::User user = register_customer("ann@example.com");
  shopkit::LoginResult first = login("ann@example.com");
};

}  // namespace

TEST_CASE("refresh rotates both tokens") {
  RefreshFixture f;
  auto second = f.auth().refresh(f.first.refresh_token);
  CHECK(second.refresh_token != f.first.refresh_token);
  CHECK(second.token_type == "Bearer");
  CHECK(second.user.id == f.user.id);
  auto principal = f.auth().authenticate(second.access_token);
  CHECK(principal.session_id() ==
        f.auth().authenticate(f.first.access_token).session_id());
}

TEST_CASE("refresh with an unknown token fails") {
  RefreshFixture f;
  for (const std::string& token :
       std::vector<std::string>{"", "nonsense", std::string(43, 'A')}) {
    auto error = error_of([&] { f.auth().refresh(token); });
    REQUIRE(error);
    CHECK(error->code() == ErrorCode::unauthenticated);
  }
}

TEST_CASE("reused refresh token revokes the session") {
  RefreshFixture f;
  auto second = f.auth().refresh(f.first.refresh_token);
  auto error = error_of([&] { f.auth().refresh(f.first.refresh_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  // The whole family is gone: the newer refresh token and every access
  // token of the session.
  CHECK(error_of([&] { f.auth().refresh(second.refresh_token); }));
  CHECK(error_of([&] { f.auth().authenticate(second.access_token); }));
  CHECK(error_of([&] { f.auth().authenticate(f.first.access_token); }));
}

TEST_CASE("refresh token reuse is logged") {
  RefreshFixture f;
  f.auth().refresh(f.first.refresh_token);
  (void)error_of([&] { f.auth().refresh(f.first.refresh_token); });
  std::string log = f.test.log->text();
  CHECK(log.find("refresh token reused") != std::string::npos);
  CHECK(log.find(f.user.id.str()) != std::string::npos);
}

TEST_CASE("reuse leaves other sessions alone") {
  RefreshFixture f;
  auto other = f.login("ann@example.com");
  f.auth().refresh(f.first.refresh_token);
  (void)error_of([&] { f.auth().refresh(f.first.refresh_token); });
  CHECK_NOTHROW(f.auth().authenticate(other.access_token));
  CHECK_NOTHROW(f.auth().refresh(other.refresh_token));
}

TEST_CASE("expired refresh token fails") {
  RefreshFixture f;
  f.test.clock->advance(std::chrono::hours(24 * 30));
  auto error = error_of([&] { f.auth().refresh(f.first.refresh_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK(std::string(error->what()) == "refresh token has expired");
}

TEST_CASE("refresh extends the session lifetime") {
  RefreshFixture f;
  f.test.clock->advance(std::chrono::hours(24 * 20));
  auto second = f.auth().refresh(f.first.refresh_token);
  f.test.clock->advance(std::chrono::hours(24 * 20));
  auto third = f.auth().refresh(second.refresh_token);
  CHECK_NOTHROW(f.auth().authenticate(third.access_token));
}

TEST_CASE("refresh after logout fails") {
  RefreshFixture f;
  f.auth().logout(f.auth().authenticate(f.first.access_token));
  auto error = error_of([&] { f.auth().refresh(f.first.refresh_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

TEST_CASE("refresh of a suspended user fails") {
  RefreshFixture f;
  auto& context = shopkit::internal::PlatformAccess::context(f.platform());
  shopkit::internal::suspend_user(context, f.user.id);
  auto error = error_of([&] { f.auth().refresh(f.first.refresh_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}
