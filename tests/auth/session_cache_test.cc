// Revocations seen across two Platforms on one folder, which stand for
// two processes.
#include "auth_fixture.h"

using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;

TEST_CASE("other process sees logout after cache ttl") {
  AuthFixture f;
  f.register_customer("a@example.com");
  auto login = f.login("a@example.com");
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  auto& other_auth = other.platform->auth();
  other_auth.authenticate(login.access_token);  // Cached over there.

  f.auth().logout(f.auth().authenticate(login.access_token));
  CHECK(error_of([&] { f.auth().authenticate(login.access_token); }));
  // Within session_cache_ttl the other process may still accept it.
  CHECK_NOTHROW(other_auth.authenticate(login.access_token));
  other.clock->advance(std::chrono::milliseconds(1000));
  CHECK(error_of([&] { other_auth.authenticate(login.access_token); }));
}

TEST_CASE("zero cache ttl reads every call") {
  AuthFixture f;
  f.register_customer("a@example.com");
  auto login = f.login("a@example.com");
  auto options = shopkit::testing::test_options(f.dir.path());
  options.auth.session_cache_ttl = std::chrono::milliseconds(0);
  auto other = shopkit::Platform::open(options);
  other->auth().authenticate(login.access_token);
  f.auth().logout(f.auth().authenticate(login.access_token));
  CHECK(error_of([&] { other->auth().authenticate(login.access_token); }));
}
