// State and helpers shared by the source files of AuthService.
#pragma once

#include <mutex>
#include <string>

#include "auth/password.h"
#include "auth/session_cache.h"
#include "auth/signing_keys.h"
#include "common/context.h"
#include "shopkit/auth_service.h"
#include "storage/session_repository.h"
#include "storage/user_repository.h"

namespace shopkit {

class AuthService::Impl {
 public:
  explicit Impl(internal::Context& context);

  // A scrypt hash of a fixed password at the current cost, verified in
  // place of a real one when a login names no account, so both cases
  // take about the same time.
  const std::string& dummy_hash();

  // Starts a session with its first refresh token inside `platform`'s
  // transaction. Returns the session id and the refresh token.
  std::pair<SessionId, std::string> start_session(
      storage::PlatformRepositories& platform, const UserId& user,
      Timestamp now);

  // Signs an access token and assembles what login() and refresh()
  // return.
  LoginResult make_login_result(const storage::UserRecord& user,
                                const SessionId& session,
                                std::string refresh_token, Timestamp now);

  internal::Context& context;
  const AuthOptions& options;
  internal::ScryptParams scrypt;
  internal::SigningKeyRing& keys;  // Owned by the context.
  internal::SessionCache& sessions;

 private:
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

namespace internal {

// The public view of a users row (without the password hash).
User to_user(const storage::UserRecord& record);

// The unauthenticated errors for the anonymous principal and for a
// principal whose user was suspended or deleted after it signed in.
inline Error not_signed_in() {
  return Error(ErrorCode::unauthenticated, "no user is signed in");
}
inline Error user_not_active(const UserId& user) {
  return Error(ErrorCode::unauthenticated,
               "user " + user.str() + " is no longer active");
}

}  // namespace internal
}  // namespace shopkit
