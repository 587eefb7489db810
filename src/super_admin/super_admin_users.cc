// SuperAdminService: platform accounts. The changes themselves are
// AuthService's internal operations (auth/user_admin.h), which end
// sessions and clear the session cache. This file adds the super-admin
// checks and the audit entries, which those operations write in the
// same transaction as the change.
#include "auth/auth_impl.h"
#include "auth/user_admin.h"
#include "common/access.h"
#include "common/audit.h"
#include "common/context.h"
#include "common/paging.h"
#include "shopkit/super_admin_service.h"
#include "storage/store_registry.h"
#include "storage/user_repository.h"

namespace shopkit {
namespace {

Error user_not_found(const UserId& user) {
  return Error(ErrorCode::not_found, "user '" + user.str() + "' not found",
               "user_id");
}

void require_not_self(const Principal& principal, const UserId& user,
                      std::string_view action) {
  if (principal.user_id() == user) {
    throw Error(ErrorCode::failed_precondition,
                "super admins cannot " + std::string(action) +
                    " their own account; ask another super admin",
                "user_id");
  }
}

// Loads a user that is not deleted, for the checks that come before a
// change.
User require_live_user(internal::Context& context, const UserId& user) {
  std::optional<storage::UserRecord> record = context.storage->read_platform(
      [&](storage::PlatformRepositories& r) { return r.users().find(user); });
  if (!record || record->status == UserStatus::deleted) {
    throw user_not_found(user);
  }
  return internal::to_user(*record);
}

nlohmann::json user_detail(const User& user) {
  return nlohmann::json{{"email", user.email}, {"role", to_string(user.role)}};
}

// Returns the handles of the stores, not purged, that `user` owns.
std::vector<std::string> owned_store_handles(storage::PlatformRepositories& r,
                                             const UserId& user) {
  std::vector<std::string> handles;
  for (const storage::MemberRecord& member : r.members().list_for_user(user)) {
    if (member.role != StoreRole::owner) continue;
    std::optional<storage::StoreRecord> store =
        r.stores().find(member.store_id);
    if (store && store->status != storage::StoreStatus::purged) {
      handles.push_back(store->handle);
    }
  }
  return handles;
}

}  // namespace

Page<User> SuperAdminService::list_users(const Principal& principal,
                                         const UserQuery& query) {
  internal::require_super_admin(principal);
  internal::check_page_limit(query.page.limit);
  storage::UserFilter filter;
  filter.query = query.text;
  filter.role = query.role;
  filter.status = query.status;
  filter.created_from = query.created_from;
  filter.created_to = query.created_to;
  filter.after_id = internal::decode_id_cursor(query.page.cursor, "usr");
  filter.limit = query.page.limit + 1;

  std::vector<storage::UserRecord> records = context_.storage->read_platform(
      [&](storage::PlatformRepositories& r) { return r.users().list(filter); });
  std::vector<User> users;
  for (const auto& record : records) users.push_back(internal::to_user(record));
  return internal::make_page(std::move(users), query.page.limit,
                             [](const User& user) { return user.id.str(); });
}

User SuperAdminService::get_user(const Principal& principal,
                                 const UserId& user) {
  internal::require_super_admin(principal);
  std::optional<storage::UserRecord> record = context_.storage->read_platform(
      [&](storage::PlatformRepositories& r) { return r.users().find(user); });
  if (!record) throw user_not_found(user);
  return internal::to_user(*record);
}

User SuperAdminService::suspend_user(const Principal& principal,
                                     const UserId& user) {
  internal::require_super_admin(principal);
  require_not_self(principal, user, "suspend");
  User before = require_live_user(context_, user);
  if (before.status == UserStatus::suspended) {
    throw Error(ErrorCode::failed_precondition,
                "user '" + user.str() + "' is already suspended", "user_id");
  }
  return internal::suspend_user(
      context_, user, [&](storage::PlatformRepositories& r) {
        internal::append_audit(r, context_, principal, "user.suspended", "user",
                               user.str(), user_detail(before));
      });
}

User SuperAdminService::reactivate_user(const Principal& principal,
                                        const UserId& user) {
  internal::require_super_admin(principal);
  User before = require_live_user(context_, user);
  if (before.status != UserStatus::suspended) {
    throw Error(ErrorCode::failed_precondition,
                "user '" + user.str() + "' is not suspended", "user_id");
  }
  return internal::reactivate_user(
      context_, user, [&](storage::PlatformRepositories& r) {
        internal::append_audit(r, context_, principal, "user.reactivated",
                               "user", user.str(), user_detail(before));
      });
}

User SuperAdminService::change_user_role(const Principal& principal,
                                         const UserId& user,
                                         PlatformRole role) {
  internal::require_super_admin(principal);
  require_not_self(principal, user, "change the role of");
  User before = require_live_user(context_, user);
  if (before.role == role) return before;
  return internal::change_user_role(
      context_, user, role, [&](storage::PlatformRepositories& r) {
        nlohmann::json detail = user_detail(before);
        detail["role"] = to_string(role);
        detail["previous_role"] = to_string(before.role);
        internal::append_audit(r, context_, principal, "user.role_changed",
                               "user", user.str(), detail);
      });
}

void SuperAdminService::delete_user(const Principal& principal,
                                    const UserId& user) {
  internal::require_super_admin(principal);
  require_not_self(principal, user, "delete");
  User before = require_live_user(context_, user);
  internal::delete_user(context_, user, [&](storage::PlatformRepositories& r) {
    // Checked inside the deleting transaction, so a store the user
    // gains meanwhile cannot slip through.
    std::vector<std::string> owned = owned_store_handles(r, user);
    if (!owned.empty()) {
      std::string names;
      for (const std::string& handle : owned) {
        names += (names.empty() ? "'" : ", '") + handle + "'";
      }
      throw Error(ErrorCode::failed_precondition,
                  "user '" + user.str() + "' owns these stores: " + names +
                      "; delete them or give them another owner first",
                  "user_id");
    }

    nlohmann::json detail = user_detail(before);
    detail["left_stores"] = nlohmann::json::array();
    for (const storage::MemberRecord& member :
         r.members().list_for_user(user)) {
      r.members().erase(member.store_id, user);
      detail["left_stores"].push_back(member.store_id.str());
    }
    internal::append_audit(r, context_, principal, "user.deleted", "user",
                           user.str(), detail);
  });
}

}  // namespace shopkit
