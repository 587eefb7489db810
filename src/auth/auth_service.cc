// AuthService: registration, login, access tokens and sessions. The
// password and one-time token operations are in account_tokens.cc.
#include "shopkit/auth_service.h"

#include "auth/auth_impl.h"
#include "auth/credentials.h"
#include "auth/jwt.h"
#include "auth/throttle.h"
#include "common/audit.h"
#include "common/crypto.h"

namespace shopkit {

using internal::CachedSession;

std::string_view to_string(UserStatus status) {
  switch (status) {
    case UserStatus::active:
      return "active";
    case UserStatus::suspended:
      return "suspended";
    case UserStatus::deleted:
      return "deleted";
  }
  return "active";
}

UserStatus user_status_from_string(std::string_view name) {
  if (name == "active") return UserStatus::active;
  if (name == "suspended") return UserStatus::suspended;
  if (name == "deleted") return UserStatus::deleted;
  throw Error(ErrorCode::invalid_argument,
              "unknown user status '" + std::string(name) +
                  "'; expected active, suspended or deleted",
              "status");
}

LoginThrottledError::LoginThrottledError(const std::string& message,
                                         std::string field,
                                         std::chrono::seconds retry_after)
    : Error(ErrorCode::resource_exhausted, message, std::move(field)),
      retry_after_(retry_after) {}

namespace internal {

User to_user(const storage::UserRecord& record) {
  return User{record.id,     record.email,  record.name,
              record.role,   record.status, record.email_verified_at,
              record.created_at, record.updated_at};
}

}  // namespace internal

namespace {

void check_options(const AuthOptions& options) {
  internal::check_scrypt_params(
      {options.scrypt_log2_n, options.scrypt_r, options.scrypt_p},
      "auth.scrypt");
  auto require_positive = [](auto value, const char* field) {
    if (value.count() <= 0) {
      throw Error(ErrorCode::invalid_argument,
                  std::string(field) + " must be positive", field);
    }
  };
  require_positive(options.access_token_ttl, "auth.access_token_ttl");
  require_positive(options.refresh_token_ttl, "auth.refresh_token_ttl");
  require_positive(options.reset_token_ttl, "auth.reset_token_ttl");
  require_positive(options.verify_token_ttl, "auth.verify_token_ttl");
  require_positive(options.throttle_window, "auth.throttle_window");
  if (options.leeway.count() < 0 || options.session_cache_ttl.count() < 0) {
    throw Error(ErrorCode::invalid_argument,
                "auth.leeway and auth.session_cache_ttl must not be negative",
                "auth.leeway");
  }
  if (options.max_failed_logins < 1) {
    throw Error(ErrorCode::invalid_argument,
                "auth.max_failed_logins must be at least 1, got " +
                    std::to_string(options.max_failed_logins),
                "auth.max_failed_logins");
  }
}

Error invalid_credentials() {
  return Error(ErrorCode::unauthenticated, "invalid email or password");
}

std::int64_t to_seconds(Timestamp time) {
  return std::chrono::floor<std::chrono::seconds>(time.time_since_epoch())
      .count();
}

}  // namespace

AuthService::Impl::Impl(internal::Context& context_in)
    : context(context_in),
      options(context_in.options.auth),
      scrypt{options.scrypt_log2_n, options.scrypt_r, options.scrypt_p},
      keys(*context_in.signing_keys),
      sessions(*context_in.session_cache) {}

const std::string& AuthService::Impl::dummy_hash() {
  std::call_once(dummy_once_, [this] {
    dummy_hash_ = internal::hash_password("shopkit-dummy-password", scrypt,
                                          *context.random);
  });
  return dummy_hash_;
}

std::pair<SessionId, std::string> AuthService::Impl::start_session(
    storage::PlatformRepositories& platform, const UserId& user,
    Timestamp now) {
  SessionId id(context.new_id("ses"));
  std::string refresh_token = internal::random_token(*context.random);
  Timestamp expires_at = now + options.refresh_token_ttl;
  platform.sessions().insert_session(
      storage::SessionRecord{id, user, now, expires_at, std::nullopt, ""});
  platform.sessions().insert_refresh_token(storage::RefreshTokenRecord{
      internal::sha256(refresh_token), id, now, expires_at, std::nullopt});
  return {id, refresh_token};
}

LoginResult AuthService::Impl::make_login_result(
    const storage::UserRecord& user, const SessionId& session,
    std::string refresh_token, Timestamp now) {
  internal::AccessClaims claims;
  claims.issuer = options.issuer;
  claims.audience = options.audience;
  claims.subject = user.id.str();
  claims.session_id = session.str();
  claims.role = std::string(to_string(user.role));
  claims.issued_at = to_seconds(now);
  claims.not_before = claims.issued_at;
  claims.expires_at = claims.issued_at + options.access_token_ttl.count();
  internal::SigningKey key = keys.signing_key();

  LoginResult result;
  result.access_token = internal::encode_jwt(claims, key.kid, *key.key);
  result.refresh_token = std::move(refresh_token);
  result.expires_in = options.access_token_ttl.count();
  result.user = internal::to_user(user);
  return result;
}

AuthService::AuthService(internal::Context& context) : context_(context) {
  check_options(context.options.auth);
  impl_ = std::make_unique<Impl>(context);
}

AuthService::~AuthService() = default;

namespace {

// Validates registration input and builds the row to insert, hashing the
// password (slow by design) outside any transaction.
storage::UserRecord new_user_record(internal::Context& context,
                                    const internal::ScryptParams& scrypt,
                                    std::string_view email,
                                    std::string_view password,
                                    std::string_view name, PlatformRole role) {
  storage::UserRecord record;
  record.email = internal::check_email(email);
  record.email_normalized = internal::normalize_email(record.email);
  internal::check_password(password, "password");
  record.name = internal::check_name(name);
  record.id = UserId(context.new_id("usr"));
  record.role = role;
  record.password_hash =
      internal::hash_password(password, scrypt, *context.random);
  record.created_at = context.now();
  record.updated_at = record.created_at;
  return record;
}

}  // namespace

User AuthService::register_user(const RegisterRequest& request) {
  if (request.role == PlatformRole::super_admin) {
    throw Error(ErrorCode::permission_denied,
                "registration cannot create a super_admin; use the "
                "bootstrap call or a super admin's role change",
                "role");
  }
  storage::UserRecord record =
      new_user_record(context_, impl_->scrypt, request.email,
                      request.password, request.name, request.role);
  context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) { p.users().insert(record); });
  context_.log.info("user " + record.id.str() + " registered as " +
                    std::string(to_string(record.role)));
  return internal::to_user(record);
}

User AuthService::bootstrap_super_admin(std::string_view email,
                                        std::string_view password,
                                        std::string_view name) {
  storage::UserRecord record = new_user_record(
      context_, impl_->scrypt, email, password, name, PlatformRole::super_admin);
  context_.storage->write_platform([&](storage::PlatformRepositories& p) {
    if (p.users().exists_with_role(PlatformRole::super_admin)) {
      throw Error(ErrorCode::failed_precondition,
                  "a super admin already exists; more are made by a super "
                  "admin's role change");
    }
    p.users().insert(record);
    // The first super admin is a role change with no actor, so it is
    // audited like the role changes that make the others.
    internal::append_audit(p, context_, Principal::anonymous(),
                           "user.bootstrapped", "user", record.id.str(),
                           {{"email", record.email}, {"role", "super_admin"}});
  });
  context_.log.info("user " + record.id.str() +
                    " created as the first super_admin");
  return internal::to_user(record);
}

LoginResult AuthService::login(const LoginRequest& request) {
  std::string_view email = internal::trim(request.email);
  if (email.empty()) {
    throw Error(ErrorCode::invalid_argument, "email is empty", "email");
  }
  if (request.password.size() > internal::kMaxPasswordBytes) {
    throw Error(ErrorCode::invalid_argument,
                "password is too long: it must be at most 1024 bytes",
                "password");
  }
  // The dummy hash is made on first use; making it before the lookup
  // keeps that one-time cost from marking the first unknown email.
  const std::string& dummy_hash = impl_->dummy_hash();
  const std::string normalized = internal::normalize_email(email);
  const auto subjects =
      internal::throttle_subjects(normalized, request.client_key);
  const Timestamp now = context_.now();

  // Throttling applies before the password is looked at, so a guesser
  // past the limit learns nothing even from the right password. The
  // attempt is recorded as a failure in the same write transaction as
  // the check, before the hash, so parallel guesses cannot all pass the
  // check. A successful login removes it again.
  auto user = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        internal::check_throttle(p.sessions(), impl_->options, now, subjects);
        internal::record_failure(p.sessions(), impl_->options, now, subjects);
        return p.users().find_by_email(normalized);
      });

  // scrypt runs outside any transaction. An unknown email costs the same
  // hash as a known one.
  bool password_ok = false;
  if (user && user->status != UserStatus::deleted) {
    password_ok = internal::verify_password(request.password,
                                            user->password_hash);
  } else {
    (void)internal::verify_password(request.password, dummy_hash);
  }
  if (!password_ok) {
    context_.log.info(user ? "login failed for user " + user->id.str()
                           : std::string("login failed for an unknown email"));
    throw invalid_credentials();
  }
  if (user->status != UserStatus::active) {
    throw Error(ErrorCode::unauthenticated, "this account is suspended");
  }
  std::optional<std::string> upgraded_hash;
  if (internal::needs_rehash(user->password_hash, impl_->scrypt)) {
    upgraded_hash = internal::hash_password(request.password, impl_->scrypt,
                                            *context_.random);
  }

  // The row is read again under the write lock: the checks above are
  // stale if the password or status changed meanwhile.
  auto session = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        auto current = p.users().find(user->id);
        if (!current || current->status != UserStatus::active ||
            current->password_hash != user->password_hash) {
          throw invalid_credentials();
        }
        p.sessions().delete_login_failures(subjects.front().key);
        for (std::size_t i = 1; i < subjects.size(); ++i) {
          p.sessions().delete_one_login_failure(subjects[i].key, now);
        }
        if (upgraded_hash) {
          p.users().update_password_hash(user->id, *upgraded_hash, now);
        }
        return impl_->start_session(p, user->id, now);
      });
  if (upgraded_hash) {
    context_.log.info("password hash of user " + user->id.str() +
                      " upgraded to the current scrypt cost");
  }
  context_.log.info("user " + user->id.str() + " logged in, session " +
                    session.first.str());
  return impl_->make_login_result(*user, session.first,
                                  std::move(session.second), now);
}

Principal AuthService::authenticate(std::string_view access_token) {
  const Timestamp now = context_.now();
  const AuthOptions& options = impl_->options;
  internal::JwtRules rules{options.issuer, options.audience, to_seconds(now),
                           options.leeway.count()};
  auto verified = internal::verify_jwt(access_token, impl_->keys, rules);
  if (!verified.claims) {
    context_.log.debug("access token rejected: " +
                       std::string(internal::to_string(verified.error)));
    throw Error(ErrorCode::unauthenticated,
                verified.error == internal::JwtError::expired
                    ? "access token has expired"
                    : "access token is invalid");
  }
  const auto& claims = *verified.claims;
  SessionId session_id(claims.session_id);

  // Session liveness: from the cache when fresh, else from platform.db.
  auto session =
      impl_->sessions.find(session_id, now, options.session_cache_ttl);
  if (!session) {
    std::uint64_t generation = impl_->sessions.generation();
    session = context_.storage->read_platform(
        [&](storage::PlatformRepositories& p) -> std::optional<CachedSession> {
          auto row = p.sessions().find_session(session_id);
          if (!row || row->revoked_at) return std::nullopt;
          auto user = p.users().find(row->user_id);
          if (!user || user->status != UserStatus::active) {
            return std::nullopt;
          }
          return CachedSession{user->id, user->role, row->expires_at, now};
        });
    if (!session) {
      throw Error(ErrorCode::unauthenticated,
                  "the session of this access token has ended");
    }
    impl_->sessions.put(session_id, *session, generation);
  }
  if (session->user_id.str() != claims.subject ||
      session->session_expires_at <= now) {
    throw Error(ErrorCode::unauthenticated,
                "the session of this access token has ended");
  }
  return internal::PrincipalFactory::make(session->user_id, session->role,
                                          std::move(session_id));
}

User AuthService::me(const Principal& principal) {
  if (principal.is_anonymous()) throw internal::not_signed_in();
  auto user = context_.storage->read_platform(
      [&](storage::PlatformRepositories& p) {
        return p.users().find(principal.user_id());
      });
  if (!user || user->status != UserStatus::active) {
    throw internal::user_not_active(principal.user_id());
  }
  return internal::to_user(*user);
}

LoginResult AuthService::refresh(std::string_view refresh_token) {
  enum class Outcome { rotated, invalid, expired, reused };
  struct Result {
    Outcome outcome = Outcome::invalid;
    storage::UserRecord user;
    SessionId session;
    std::string new_token;
  };
  const Timestamp now = context_.now();
  const std::string token_hash = internal::sha256(refresh_token);

  // Reuse detection commits its revocation, so this transaction returns
  // the outcome and the error is raised after the commit.
  Result result = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        Result r;
        auto token = p.sessions().find_refresh_token(token_hash);
        if (!token) return r;
        auto session = p.sessions().find_session(token->session_id);
        if (!session || session->revoked_at) return r;
        r.session = session->id;
        r.user.id = session->user_id;
        if (token->rotated_at) {
          p.sessions().revoke_session(session->id, now, "refresh_token_reuse");
          r.outcome = Outcome::reused;
          return r;
        }
        if (token->expires_at <= now || session->expires_at <= now) {
          r.outcome = Outcome::expired;
          return r;
        }
        auto user = p.users().find(session->user_id);
        if (!user || user->status != UserStatus::active) return r;

        Timestamp expires_at = now + impl_->options.refresh_token_ttl;
        r.new_token = internal::random_token(*context_.random);
        p.sessions().mark_refresh_token_rotated(token_hash, now);
        p.sessions().insert_refresh_token(storage::RefreshTokenRecord{
            internal::sha256(r.new_token), session->id, now, expires_at,
            std::nullopt});
        p.sessions().extend_session(session->id, expires_at);
        r.user = std::move(*user);
        r.outcome = Outcome::rotated;
        return r;
      });

  switch (result.outcome) {
    case Outcome::rotated:
      return impl_->make_login_result(result.user, result.session,
                                      std::move(result.new_token), now);
    case Outcome::reused:
      impl_->sessions.forget_session(result.session);
      context_.log.warning("refresh token reused: revoked session " +
                           result.session.str() + " of user " +
                           result.user.id.str());
      throw Error(ErrorCode::unauthenticated,
                  "refresh token was already used; its session has been "
                  "revoked, so log in again");
    case Outcome::expired:
      throw Error(ErrorCode::unauthenticated, "refresh token has expired");
    case Outcome::invalid:
      break;
  }
  throw Error(ErrorCode::unauthenticated, "refresh token is invalid");
}

void AuthService::logout(const Principal& principal) {
  if (principal.is_anonymous()) throw internal::not_signed_in();
  const Timestamp now = context_.now();
  context_.storage->write_platform([&](storage::PlatformRepositories& p) {
    p.sessions().revoke_session(principal.session_id(), now, "logout");
  });
  impl_->sessions.forget_session(principal.session_id());
  context_.log.info("user " + principal.user_id().str() +
                    " logged out of session " + principal.session_id().str());
}

void AuthService::logout_all(const Principal& principal) {
  if (principal.is_anonymous()) throw internal::not_signed_in();
  const Timestamp now = context_.now();
  int count = context_.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        return p.sessions().revoke_user_sessions(
            principal.user_id(), now, "logout_all", std::nullopt);
      });
  impl_->sessions.forget_user(principal.user_id());
  context_.log.info("user " + principal.user_id().str() + " logged out of " +
                    std::to_string(count) + " sessions");
}

}  // namespace shopkit
