#include "auth/user_admin.h"

#include "auth/auth_impl.h"
#include "auth/session_cache.h"

namespace shopkit::internal {
namespace {

Error user_not_found(const UserId& user) {
  return Error(ErrorCode::not_found, "user '" + user.str() + "' not found",
               "user_id");
}

// Loads the user inside `p`'s transaction; deleted users count as
// missing.
storage::UserRecord require_user(storage::PlatformRepositories& p,
                                 const UserId& user) {
  auto row = p.users().find(user);
  if (!row || row->status == UserStatus::deleted) throw user_not_found(user);
  return *row;
}

}  // namespace

User suspend_user(Context& context, const UserId& user,
                  const storage::PlatformWork& also) {
  const Timestamp now = context.now();
  auto record = context.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        require_user(p, user);
        p.users().update_status(user, UserStatus::suspended, now);
        p.sessions().revoke_user_sessions(user, now, "user_suspended",
                                          std::nullopt);
        if (also) also(p);
        return *p.users().find(user);
      });
  context.session_cache->forget_user(user);
  context.log.info("user " + user.str() + " suspended; sessions revoked");
  return to_user(record);
}

User reactivate_user(Context& context, const UserId& user,
                     const storage::PlatformWork& also) {
  const Timestamp now = context.now();
  auto record = context.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        require_user(p, user);
        p.users().update_status(user, UserStatus::active, now);
        if (also) also(p);
        return *p.users().find(user);
      });
  context.session_cache->forget_user(user);
  context.log.info("user " + user.str() + " reactivated");
  return to_user(record);
}

User change_user_role(Context& context, const UserId& user, PlatformRole role,
                      const storage::PlatformWork& also) {
  const Timestamp now = context.now();
  auto record = context.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        require_user(p, user);
        p.users().update_role(user, role, now);
        if (also) also(p);
        return *p.users().find(user);
      });
  context.session_cache->forget_user(user);
  context.log.info("user " + user.str() + " now has role " +
                   std::string(to_string(role)));
  return to_user(record);
}

void delete_user(Context& context, const UserId& user,
                 const storage::PlatformWork& also) {
  const Timestamp now = context.now();
  context.storage->write_platform([&](storage::PlatformRepositories& p) {
    require_user(p, user);
    p.users().mark_deleted(user, now);
    p.sessions().revoke_user_sessions(user, now, "user_deleted",
                                      std::nullopt);
    if (also) also(p);
  });
  context.session_cache->forget_user(user);
  context.log.info("user " + user.str() + " deleted; sessions revoked");
}

int revoke_user_sessions(Context& context, const UserId& user,
                         std::string_view reason,
                         const storage::PlatformWork& also) {
  const Timestamp now = context.now();
  int count = context.storage->write_platform(
      [&](storage::PlatformRepositories& p) {
        int revoked =
            p.sessions().revoke_user_sessions(user, now, reason, std::nullopt);
        if (also) also(p);
        return revoked;
      });
  context.session_cache->forget_user(user);
  context.log.info("revoked " + std::to_string(count) + " sessions of user " +
                   user.str());
  return count;
}

}  // namespace shopkit::internal
