// Account operations for other services (the super-admin panel): status,
// role and deletion. Each runs one platform write transaction, together
// with `also` (for example the audit entry), and drops the user's cached
// sessions after the commit, so the change applies to the next
// authenticate() call of this process.
#pragma once

#include <string_view>

#include "common/context.h"
#include "shopkit/auth_service.h"
#include "storage/storage.h"

namespace shopkit::internal {

// Sets the status to suspended and revokes every session of the user.
// Raises not_found (field "user_id") for an unknown or deleted user.
User suspend_user(Context& context, const UserId& user,
                  const storage::PlatformWork& also = {});

// Sets a suspended user back to active (sessions stay revoked). Raises
// not_found for an unknown or deleted user.
User reactivate_user(Context& context, const UserId& user,
                     const storage::PlatformWork& also = {});

// Changes the platform role; the next authenticate() returns the new
// role, and sessions stay open. Raises not_found for an unknown or
// deleted user.
User change_user_role(Context& context, const UserId& user, PlatformRole role,
                      const storage::PlatformWork& also = {});

// Marks the user deleted, frees the email address for a new account and
// revokes every session. The row stays for the stores and the audit log
// that name it. Raises not_found for an unknown or already deleted user.
void delete_user(Context& context, const UserId& user,
                 const storage::PlatformWork& also = {});

// Revokes every session of `user` (reason is stored with each) and
// returns how many were live.
int revoke_user_sessions(Context& context, const UserId& user,
                         std::string_view reason,
                         const storage::PlatformWork& also = {});

}  // namespace shopkit::internal
