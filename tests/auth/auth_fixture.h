// A test platform plus shortcuts for the auth tests.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "shopkit/auth_service.h"
#include "shopkit/error.h"
#include "support/auth_helpers.h"
#include "support/test_support.h"

namespace shopkit::testing {

struct AuthFixture {
  TempDir dir;
  TestPlatform test = open_test_platform(dir.path());

  AuthService& auth() { return test.platform->auth(); }
  Platform& platform() { return *test.platform; }

  User register_customer(std::string email) {
    return auth().register_user(RegisterRequest{
        std::move(email), std::string(kTestPassword), "Ann Example",
        PlatformRole::customer});
  }
  LoginResult login(std::string email,
                    std::string password = std::string(kTestPassword),
                    std::optional<std::string> client_key = {}) {
    return auth().login(LoginRequest{std::move(email), std::move(password),
                                     std::move(client_key)});
  }
};

// Runs `call` and returns the shopkit::Error it raised, or nothing.
template <typename Call>
std::optional<Error> error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  return std::nullopt;
}

}  // namespace shopkit::testing
