// AuthService: password changes, password reset and email verification
// tokens, and signing key rotation.
#include "auth/auth_impl.h"
#include "auth/credentials.h"
#include "auth/throttle.h"
#include "common/crypto.h"
#include "shopkit/auth_service.h"

namespace shopkit {

using storage::OneTimeTokenPurpose;

namespace {

// Issues a one-time token for `user` and expires the user's earlier ones
// of the same purpose, so only the newest works.
OneTimeToken issue_one_time_token(internal::Context& context,
                                  const storage::UserRecord& user,
                                  OneTimeTokenPurpose purpose,
                                  std::chrono::seconds ttl) {
  const Timestamp now = context.now();
  OneTimeToken token{internal::random_token(*context.random), user.id,
                     user.email, now + ttl};
  context.storage->write_platform([&](storage::PlatformRepositories& p) {
    p.sessions().expire_one_time_tokens(user.id, purpose, now);
    p.sessions().insert_one_time_token(storage::OneTimeTokenRecord{
        internal::sha256(token.token), user.id, purpose, now,
        token.expires_at, std::nullopt});
  });
  return token;
}

// Marks the token used and returns its user, or nothing when the token is
// unknown, of another purpose, used, expired or of a deleted user. Runs
// inside the caller's transaction.
std::optional<storage::UserRecord> consume_one_time_token(
    storage::PlatformRepositories& p, std::string_view token,
    OneTimeTokenPurpose purpose, Timestamp now) {
  const std::string token_hash = internal::sha256(token);
  auto record = p.sessions().find_one_time_token(token_hash);
  if (!record || record->purpose != purpose || record->used_at ||
      record->expires_at <= now) {
    return std::nullopt;
  }
  auto user = p.users().find(record->user_id);
  if (!user || user->status == UserStatus::deleted) return std::nullopt;
  p.sessions().mark_one_time_token_used(token_hash, now);
  return user;
}

}  // namespace

void AuthService::change_password(const Principal& principal,
                                  std::string_view current_password,
                                  std::string_view new_password) {
  if (principal.is_anonymous()) throw internal::not_signed_in();
  internal::check_password(new_password, "new_password");
  if (current_password.size() > internal::kMaxPasswordBytes) {
    throw Error(ErrorCode::unauthenticated, "current password is wrong",
                "current_password");
  }
  const Timestamp now = context_.now();

  // Wrong current passwords count as failed logins of the account, so a
  // stolen access token cannot be used to guess the password quickly.
  auto user = context_.storage->read_platform(
      [&](storage::PlatformRepositories& p) {
        auto row = p.users().find(principal.user_id());
        if (row) {
          internal::check_throttle(
              p.sessions(), impl_->options, now,
              internal::throttle_subjects(row->email_normalized, {}));
        }
        return row;
      });
  if (!user || user->status != UserStatus::active) {
    throw internal::user_not_active(principal.user_id());
  }
  auto subjects = internal::throttle_subjects(user->email_normalized, {});
  if (!internal::verify_password(current_password, user->password_hash)) {
    context_.storage->write_platform([&](storage::PlatformRepositories& p) {
      internal::record_failure(p.sessions(), impl_->options, now, subjects);
    });
    throw Error(ErrorCode::unauthenticated, "current password is wrong",
                "current_password");
  }
  std::string new_hash = internal::hash_password(new_password, impl_->scrypt,
                                                 *context_.random);

  int ended = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        auto current = p.users().find(user->id);
        if (!current || current->password_hash != user->password_hash) {
          throw Error(ErrorCode::conflict,
                      "the password of user " + user->id.str() +
                          " changed meanwhile; try again");
        }
        p.users().update_password_hash(user->id, new_hash, now);
        p.sessions().expire_one_time_tokens(
            user->id, OneTimeTokenPurpose::password_reset, now);
        p.sessions().delete_login_failures(subjects.front().key);
        return p.sessions().revoke_user_sessions(
            user->id, now, "password_changed", principal.session_id());
      });
  impl_->sessions.forget_user(user->id);
  context_.log.info("user " + user->id.str() + " changed the password; " +
                    std::to_string(ended) + " other sessions ended");
}

std::optional<OneTimeToken> AuthService::request_password_reset(
    std::string_view email) {
  std::string_view trimmed = internal::trim(email);
  if (trimmed.empty()) {
    throw Error(ErrorCode::invalid_argument, "email is empty", "email");
  }
  const std::string normalized = internal::normalize_email(trimmed);
  auto user = context_.storage->read_platform(
      [&](storage::PlatformRepositories& p) {
        return p.users().find_by_email(normalized);
      });
  if (!user || user->status != UserStatus::active) {
    context_.log.info("password reset requested for an unknown or inactive "
                      "account");
    return std::nullopt;
  }
  auto token =
      issue_one_time_token(context_, *user, OneTimeTokenPurpose::password_reset,
                           impl_->options.reset_token_ttl);
  context_.log.info("password reset token issued for user " + user->id.str());
  return token;
}

void AuthService::reset_password(std::string_view token,
                                 std::string_view new_password) {
  internal::check_password(new_password, "new_password");
  std::string new_hash = internal::hash_password(new_password, impl_->scrypt,
                                                 *context_.random);
  const Timestamp now = context_.now();
  auto user = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        auto row = consume_one_time_token(
            p, token, OneTimeTokenPurpose::password_reset, now);
        if (!row || row->status != UserStatus::active) {
          throw Error(ErrorCode::unauthenticated,
                      "password reset token is invalid, used or expired",
                      "token");
        }
        p.users().update_password_hash(row->id, new_hash, now);
        p.sessions().revoke_user_sessions(row->id, now, "password_reset",
                                          std::nullopt);
        // The reset proves control of the mailbox, so the account's
        // throttle starts afresh.
        p.sessions().delete_login_failures(
            internal::throttle_subjects(row->email_normalized, {})
                .front()
                .key);
        return *row;
      });
  impl_->sessions.forget_user(user.id);
  context_.log.info("user " + user.id.str() +
                    " reset the password; every session ended");
}

OneTimeToken AuthService::request_email_verification(
    const Principal& principal) {
  if (principal.is_anonymous()) throw internal::not_signed_in();
  auto user = context_.storage->read_platform(
      [&](storage::PlatformRepositories& p) {
        return p.users().find(principal.user_id());
      });
  if (!user || user->status != UserStatus::active) {
    throw internal::user_not_active(principal.user_id());
  }
  auto token = issue_one_time_token(context_, *user,
                                    OneTimeTokenPurpose::email_verification,
                                    impl_->options.verify_token_ttl);
  context_.log.info("email verification token issued for user " +
                    user->id.str());
  return token;
}

User AuthService::verify_email(std::string_view token) {
  const Timestamp now = context_.now();
  auto user = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        auto row = consume_one_time_token(
            p, token, OneTimeTokenPurpose::email_verification, now);
        if (!row) {
          throw Error(ErrorCode::unauthenticated,
                      "email verification token is invalid, used or expired",
                      "token");
        }
        p.users().mark_email_verified(row->id, now);
        return *p.users().find(row->id);
      });
  context_.log.info("user " + user.id.str() + " verified the email address");
  return internal::to_user(user);
}

std::string AuthService::rotate_signing_key() {
  std::string kid = impl_->keys.add_key();
  context_.log.info("signing key " + kid + " added; it signs new tokens");
  return kid;
}

void AuthService::retire_signing_key(std::string_view kid) {
  if (impl_->keys.retire_key(kid)) {
    context_.log.info("signing key " + std::string(kid) + " retired");
  }
}

std::vector<SigningKeyInfo> AuthService::list_signing_keys() {
  return impl_->keys.list_keys();
}

}  // namespace shopkit
