// SuperAdminService: the keys that sign access tokens. The key ring
// (auth/signing_keys.h) makes each change, and this file adds the
// super-admin check and the audit entry, which the ring writes in the
// same transaction. Entries name the kid and never the secret.
#include "auth/signing_keys.h"
#include "common/access.h"
#include "common/audit.h"
#include "common/context.h"
#include "shopkit/super_admin_service.h"

namespace shopkit {

std::vector<SigningKeyInfo> SuperAdminService::list_signing_keys(
    const Principal& principal) {
  internal::require_super_admin(principal);
  return context_.signing_keys->list_keys();
}

std::string SuperAdminService::rotate_signing_key(const Principal& principal) {
  internal::require_super_admin(principal);
  std::string kid = context_.signing_keys->add_key(
      [&](storage::PlatformRepositories& r, std::string_view added) {
        internal::append_audit(r, context_, principal, "signing_key.rotated",
                               "signing_key", added);
      });
  context_.log.info("user " + principal.user_id().str() +
                    " added signing key " + kid + "; it signs new tokens");
  return kid;
}

void SuperAdminService::retire_signing_key(const Principal& principal,
                                           std::string_view kid) {
  internal::require_super_admin(principal);
  const bool retired = context_.signing_keys->retire_key(
      kid, [&](storage::PlatformRepositories& r) {
        internal::append_audit(r, context_, principal, "signing_key.retired",
                               "signing_key", kid);
      });
  if (retired) {
    context_.log.info("user " + principal.user_id().str() +
                      " retired signing key " + std::string(kid));
  }
}

}  // namespace shopkit
