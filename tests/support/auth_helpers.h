// Helpers for tests that need signed-in users: register, log in and
// authenticate through the real AuthService.
#pragma once

#include <string>
#include <string_view>

#include "shopkit/auth_service.h"
#include "shopkit/platform.h"

namespace shopkit::testing {

// The password every helper below registers with.
inline constexpr std::string_view kTestPassword = "correct horse battery";

// Registers `email` as a customer or merchant with kTestPassword, logs
// in and returns the authenticated Principal.
Principal sign_up(Platform& platform, std::string email,
                  PlatformRole role = PlatformRole::customer);

// Logs `email` in with kTestPassword and returns the tokens.
LoginResult log_in(Platform& platform, std::string email);

// Returns a signed-in super admin with `email`: the first one through
// bootstrap_super_admin(), later ones by registering a customer and
// setting its role in platform.db.
Principal make_super_admin(Platform& platform, std::string email);

}  // namespace shopkit::testing
