// Sessions, refresh tokens, one-time tokens, signing keys and
// failed-login records in platform.db. Tokens are stored only as SHA-256
// hashes (raw 32 bytes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::storage {

// One login. Its refresh tokens rotate inside it; revoking it ends every
// access and refresh token issued for it.
struct SessionRecord {
  SessionId id;
  UserId user_id;
  Timestamp created_at;
  Timestamp expires_at;  // Moves forward with each refresh.
  std::optional<Timestamp> revoked_at;
  std::string revoke_reason;  // "logout", "refresh_token_reuse", ...
};

struct RefreshTokenRecord {
  std::string token_hash;
  SessionId session_id;
  Timestamp created_at;
  Timestamp expires_at;
  std::optional<Timestamp> rotated_at;  // Set once exchanged.
};

enum class OneTimeTokenPurpose { password_reset, email_verification };

struct OneTimeTokenRecord {
  std::string token_hash;
  UserId user_id;
  OneTimeTokenPurpose purpose = OneTimeTokenPurpose::password_reset;
  Timestamp created_at;
  Timestamp expires_at;
  std::optional<Timestamp> used_at;
};

struct SigningKeyRecord {
  std::string kid;
  std::string secret;  // Raw key bytes.
  Timestamp created_at;
  std::optional<Timestamp> retired_at;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;

  // Sessions.
  virtual void insert_session(const SessionRecord& session) = 0;
  virtual std::optional<SessionRecord> find_session(const SessionId& id) = 0;
  virtual void extend_session(const SessionId& id, Timestamp expires_at) = 0;
  // Revokes the session unless it is revoked already; returns whether it
  // changed.
  virtual bool revoke_session(const SessionId& id, Timestamp now,
                              std::string_view reason) = 0;
  // Revokes every live session of `user` except `keep` (when given);
  // returns how many changed.
  virtual int revoke_user_sessions(const UserId& user, Timestamp now,
                                   std::string_view reason,
                                   const std::optional<SessionId>& keep) = 0;

  // Refresh tokens.
  virtual void insert_refresh_token(const RefreshTokenRecord& token) = 0;
  virtual std::optional<RefreshTokenRecord> find_refresh_token(
      std::string_view token_hash) = 0;
  virtual void mark_refresh_token_rotated(std::string_view token_hash,
                                          Timestamp now) = 0;

  // One-time tokens.
  virtual void insert_one_time_token(const OneTimeTokenRecord& token) = 0;
  virtual std::optional<OneTimeTokenRecord> find_one_time_token(
      std::string_view token_hash) = 0;
  virtual void mark_one_time_token_used(std::string_view token_hash,
                                        Timestamp now) = 0;
  // Marks every unused token of `user` for `purpose` used, so only the
  // newest one issued afterwards works.
  virtual void expire_one_time_tokens(const UserId& user,
                                      OneTimeTokenPurpose purpose,
                                      Timestamp now) = 0;

  // Signing keys.
  virtual void insert_signing_key(const SigningKeyRecord& key) = 0;
  // Every key, newest first.
  virtual std::vector<SigningKeyRecord> list_signing_keys() = 0;
  virtual bool retire_signing_key(std::string_view kid, Timestamp now) = 0;

  // Failed logins. `subject` is "account:<normalized email>" or
  // "client:<client key>".
  virtual void insert_login_failure(std::string_view subject,
                                    Timestamp at) = 0;
  // The time of the n-th most recent failure of `subject` after `since`
  // (n = 1 is the latest), or nothing when there are fewer.
  virtual std::optional<Timestamp> nth_latest_login_failure(
      std::string_view subject, Timestamp since, int n) = 0;
  virtual void delete_login_failures(std::string_view subject) = 0;
  // Deletes one failure of `subject` recorded at `at`, if there is one.
  virtual void delete_one_login_failure(std::string_view subject,
                                        Timestamp at) = 0;
  // Deletes every failure at or before `before`, of any subject.
  virtual void prune_login_failures(Timestamp before) = 0;
};

}  // namespace shopkit::storage
