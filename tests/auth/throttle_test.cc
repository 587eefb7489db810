#include <atomic>
#include <thread>
#include <vector>

#include "auth_fixture.h"

using shopkit::ErrorCode;
using shopkit::LoginThrottledError;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;

namespace {

struct ThrottleFixture : AuthFixture {
  ThrottleFixture() { register_customer("ann@example.com"); }

  void fail(const std::string& email, int times,
            std::optional<std::string> client_key = {}) {
    for (int i = 0; i < times; ++i) {
      auto error =
          error_of([&] { login(email, "wrong password", client_key); });
      REQUIRE(error);
      REQUIRE(error->code() == ErrorCode::unauthenticated);
    }
  }

  // Logs in with the right password and returns the throttle error.
  std::optional<LoginThrottledError> throttled(
      const std::string& email, std::optional<std::string> client_key = {}) {
    try {
      login(email, std::string(shopkit::testing::kTestPassword), client_key);
    } catch (const LoginThrottledError& error) {
      return error;
    }
    return std::nullopt;
  }
};

}  // namespace

TEST_CASE("throttle blocks even the right password") {
  ThrottleFixture f;
  f.fail("ann@example.com", 5);
  auto error = f.throttled("ann@example.com");
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::resource_exhausted);
  CHECK(error->field() == "email");
  CHECK(error->retry_after() == std::chrono::seconds(15 * 60));
  CHECK(std::string(error->what()).find("retry after 900 seconds") !=
        std::string::npos);
}

TEST_CASE("throttle allows the limit minus one") {
  ThrottleFixture f;
  f.fail("ann@example.com", 4);
  CHECK_FALSE(f.throttled("ann@example.com"));
}

TEST_CASE("throttle lifts when the window passes") {
  ThrottleFixture f;
  f.fail("ann@example.com", 5);
  f.test.clock->advance(std::chrono::minutes(10));
  auto error = f.throttled("ann@example.com");
  REQUIRE(error);
  CHECK(error->retry_after() == std::chrono::seconds(5 * 60));
  f.test.clock->advance(std::chrono::minutes(5));
  CHECK_FALSE(f.throttled("ann@example.com"));
}

TEST_CASE("throttle counts only failures in window") {
  ThrottleFixture f;
  f.fail("ann@example.com", 3);
  f.test.clock->advance(std::chrono::minutes(16));
  f.fail("ann@example.com", 4);
  CHECK_FALSE(f.throttled("ann@example.com"));
}

TEST_CASE("successful login resets account failures") {
  ThrottleFixture f;
  f.fail("ann@example.com", 4);
  CHECK_FALSE(f.throttled("ann@example.com"));
  f.fail("ann@example.com", 4);
  CHECK_FALSE(f.throttled("ann@example.com"));
}

TEST_CASE("throttle applies to unknown emails too") {
  ThrottleFixture f;
  f.fail("ghost@example.com", 5);
  try {
    f.login("ghost@example.com");
    FAIL("login of an unknown email succeeded");
  } catch (const LoginThrottledError& error) {
    CHECK(error.field() == "email");
  }
}

TEST_CASE("throttle per client key spans accounts") {
  ThrottleFixture f;
  for (int i = 0; i < 5; ++i) {
    f.fail("user" + std::to_string(i) + "@example.com", 1, "10.0.0.7");
  }
  auto error = f.throttled("ann@example.com", "10.0.0.7");
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::resource_exhausted);
  CHECK(error->field() == "client_key");
  CHECK_FALSE(f.throttled("ann@example.com", "10.0.0.8"));
}

TEST_CASE("throttle limit comes from options") {
  shopkit::testing::TempDir dir;
  auto options = shopkit::testing::test_options(dir.path());
  options.auth.max_failed_logins = 2;
  auto platform = shopkit::Platform::open(options);
  shopkit::testing::sign_up(*platform, "a@example.com");
  for (int i = 0; i < 2; ++i) {
    (void)error_of([&] {
      platform->auth().login({"a@example.com", "wrong password", {}});
    });
  }
  auto error = error_of([&] { shopkit::testing::log_in(*platform, "a@example.com"); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::resource_exhausted);
}

TEST_CASE("parallel guesses stop at the limit") {
  ThrottleFixture f;
  constexpr int kThreads = 16;
  std::atomic<int> rejected{0};
  std::atomic<int> throttled{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto error =
          error_of([&] { f.login("ann@example.com", "wrong password"); });
      if (error && error->code() == ErrorCode::unauthenticated) {
        ++rejected;
      } else if (error && error->code() == ErrorCode::resource_exhausted) {
        ++throttled;
      } else {
        ++other;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  // Only the attempts within the limit get their password checked.
  CHECK(rejected.load() == 5);
  CHECK(throttled.load() == kThreads - 5);
  CHECK(other.load() == 0);
}

TEST_CASE("successful logins do not throttle a client") {
  ThrottleFixture f;
  for (int i = 0; i < 8; ++i) {
    CHECK_FALSE(f.throttled("ann@example.com", "10.0.0.9"));
  }
}
