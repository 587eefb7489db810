// Accounts, passwords, sessions and tokens. docs/auth.md describes the
// token format, lifetimes and throttling.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Lifecycle of an account. Suspended and deleted users cannot log in or
// authenticate; a deleted user's email address is free again.
enum class UserStatus { active, suspended, deleted };

SHOPKIT_EXPORT std::string_view to_string(UserStatus status);
// Parses a status name; raises invalid_argument naming `name` when
// unknown.
SHOPKIT_EXPORT UserStatus user_status_from_string(std::string_view name);

// A platform account as callers see it. It never carries the password
// hash.
struct User {
  UserId id;
  std::string email;  // As registered, trimmed; case is kept.
  std::string name;
  PlatformRole role = PlatformRole::customer;
  UserStatus status = UserStatus::active;
  std::optional<Timestamp> email_verified_at;
  Timestamp created_at;
  Timestamp updated_at;
};

struct RegisterRequest {
  std::string email;
  std::string password;  // 8 to 1024 bytes.
  std::string name;      // Display name, 1 to 200 bytes after trimming.
  PlatformRole role = PlatformRole::customer;  // customer or merchant.
};

struct LoginRequest {
  std::string email;
  std::string password;
  // An identifier of the client chosen by the host (for example its IP
  // address). Failed logins are throttled per account and, when this is
  // set, per client key too.
  std::optional<std::string> client_key;
};

// What login() and refresh() return. The host hands both tokens to the
// client; the access token goes in "Authorization: Bearer <token>".
struct LoginResult {
  std::string access_token;
  std::string refresh_token;
  std::string token_type = "Bearer";
  std::int64_t expires_in = 0;  // Access token lifetime in seconds.
  User user;
};

// A password reset or email verification token for the host to deliver
// (shopkit sends no mail). Only its hash is stored.
struct OneTimeToken {
  std::string token;
  UserId user_id;
  std::string email;  // The address to send the token to.
  Timestamp expires_at;
};

// A key that signs and verifies access tokens. The secret never leaves
// the library.
struct SigningKeyInfo {
  std::string kid;
  Timestamp created_at;
  std::optional<Timestamp> retired_at;  // Set once it no longer verifies.
};

// Raised by login() when too many logins failed recently for the account
// or the client key. code() is resource_exhausted; field() is "email" or
// "client_key".
class SHOPKIT_EXPORT LoginThrottledError : public Error {
 public:
  LoginThrottledError(const std::string& message, std::string field,
                      std::chrono::seconds retry_after);
  // How long until a login for this subject is accepted again.
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  std::chrono::seconds retry_after_;
};

// Thread-safe: one instance, owned by Platform, serves every thread.
// Error messages name emails and ids but never a password, token, key or
// hash.
class SHOPKIT_EXPORT AuthService {
 public:
  explicit AuthService(internal::Context& context);
  ~AuthService();
  AuthService(const AuthService&) = delete;
  AuthService& operator=(const AuthService&) = delete;

  // Creates a customer or merchant account. Raises invalid_argument for
  // a malformed email (field "email"), a password outside 8..1024 bytes
  // ("password") or an empty or too long name ("name"),
  // permission_denied for role super_admin ("role"), and already_exists
  // when the email, compared trimmed and lower-cased, is taken.
  User register_user(const RegisterRequest& request);

  // Creates the first super admin. Raises failed_precondition when an
  // active or suspended super admin exists, otherwise validates like
  // register_user().
  User bootstrap_super_admin(std::string_view email, std::string_view password,
                             std::string_view name);

  // Checks the password and opens a session. Raises unauthenticated with
  // one message for an unknown email, a deleted account and a wrong
  // password, and hashes a dummy password for an unknown email so both
  // take about the same time; unauthenticated naming the state for a
  // suspended account; LoginThrottledError (resource_exhausted) past
  // AuthOptions::max_failed_logins failures within throttle_window for
  // the account or the client key, even with the right password;
  // invalid_argument for an empty email or a password over 1024 bytes.
  LoginResult login(const LoginRequest& request);

  // Verifies an access token and returns its Principal. Raises
  // unauthenticated for any token that is malformed, not HS256, signed
  // with an unknown or retired key, expired, not yet valid, issued for
  // another issuer or audience, of a revoked or expired session, or of a
  // user who is no longer active. A revocation made by this Platform is
  // seen at once; one made by another process within
  // AuthOptions::session_cache_ttl.
  Principal authenticate(std::string_view access_token);

  // Returns the signed-in user. Raises unauthenticated for the anonymous
  // principal or a user who is no longer active.
  User me(const Principal& principal);

  // Exchanges a refresh token for a new access and refresh token in the
  // same session. Raises unauthenticated for an unknown, expired or
  // revoked token. Presenting a token that was already exchanged revokes
  // the whole session (a stolen token was probably used) and raises
  // unauthenticated.
  LoginResult refresh(std::string_view refresh_token);

  // Ends the principal's session, or every session of its user. Raises
  // unauthenticated for the anonymous principal.
  void logout(const Principal& principal);
  void logout_all(const Principal& principal);

  // Replaces the password after checking the current one, and ends every
  // other session of the user. Raises unauthenticated when
  // `current_password` is wrong (field "current_password") and
  // invalid_argument when the new one is out of bounds ("new_password").
  void change_password(const Principal& principal,
                       std::string_view current_password,
                       std::string_view new_password);

  // Issues a password reset token valid for AuthOptions::reset_token_ttl.
  // Returns nothing for an unknown, suspended or deleted account, so the
  // host must answer the same way in both cases to avoid revealing which
  // emails exist. Raises invalid_argument for an empty email.
  std::optional<OneTimeToken> request_password_reset(std::string_view email);

  // Sets a new password with a reset token and ends every session of the
  // user. The token works once. Raises unauthenticated for an unknown,
  // used or expired token (field "token") and invalid_argument for a bad
  // password ("new_password").
  void reset_password(std::string_view token, std::string_view new_password);

  // Issues an email verification token for the principal's account, valid
  // for AuthOptions::verify_token_ttl. Raises unauthenticated for the
  // anonymous principal.
  OneTimeToken request_email_verification(const Principal& principal);

  // Marks the token's account as verified; the token works once. Raises
  // unauthenticated for an unknown, used or expired token.
  User verify_email(std::string_view token);

  // The three key calls below take no principal and write no audit
  // entry. They are for the process that owns the data folder, such as a
  // setup script, a test or an operator's tool, in the way the CLI's
  // create-super-admin is. A host never calls them on a user's behalf
  // but calls SuperAdminService's key methods, which check the principal
  // and write the audit log.

  // Adds a signing key that signs every new access token; older keys keep
  // verifying until retired. Returns the new key's kid.
  std::string rotate_signing_key();

  // Stops accepting tokens signed with `kid`. Raises not_found for an
  // unknown kid and failed_precondition when it is the only active key.
  void retire_signing_key(std::string_view kid);

  // Every signing key, newest first.
  std::vector<SigningKeyInfo> list_signing_keys();

 private:
  class Impl;
  internal::Context& context_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shopkit
