// What every service shares: the options, the injected environment and
// the storage. Owned by Platform; outlives the services.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/ids.h"
#include "common/logger.h"
#include "shopkit/options.h"
#include "shopkit/types.h"
#include "storage/storage.h"

namespace shopkit::internal {

class SessionCache;
class SigningKeyRing;
class StoreAccessCache;

class Context {
 public:
  explicit Context(Options options_in);

  Timestamp now() const { return clock->now(); }
  // Returns a fresh id with `prefix` ("usr", "sto", ...).
  std::string new_id(std::string_view prefix) const {
    return ids->next(prefix, now());
  }

  Options options;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<RandomSource> random;
  // Draws from `random` in blocks; new_id() goes through it.
  std::unique_ptr<IdGenerator> ids;
  Logger log;
  std::unique_ptr<storage::Storage> storage;
  // Live sessions for authenticate(); code that revokes sessions or
  // changes a user's status or role drops the affected entries.
  std::shared_ptr<SessionCache> session_cache;
  // Store rows and memberships for the rights checks of store-scoped
  // calls. Writes to them through this process invalidate it.
  std::shared_ptr<StoreAccessCache> access_cache;
  // The access token signing keys, shared by AuthService, which signs
  // and verifies with them, and SuperAdminService, which rotates them.
  std::shared_ptr<SigningKeyRing> signing_keys;
};

// Reaches a Platform's Context, for internal functions and tests that
// act on an open Platform (for example internal::suspend_user()).
class PlatformAccess {
 public:
  static Context& context(Platform& platform) { return *platform.context_; }
};

// The only way, besides AuthService, to make a signed-in Principal.
// Internal code only: AuthService uses it after verifying a token.
class PrincipalFactory {
 public:
  static Principal make(UserId user_id, PlatformRole role,
                        SessionId session_id) {
    return Principal(std::move(user_id), role, std::move(session_id));
  }
};

}  // namespace shopkit::internal
