#include "common/access.h"

#include "shopkit/error.h"

namespace shopkit::internal {

bool is_write_right(StoreRight right) {
  return right != StoreRight::view && right != StoreRight::view_customers;
}

bool role_has_right(StoreRole role, StoreRight right) {
  switch (role) {
    case StoreRole::owner:
      return true;
    case StoreRole::manager:
      return right != StoreRight::manage_members;
    case StoreRole::staff:
      return right == StoreRight::view ||
             right == StoreRight::edit_inventory ||
             right == StoreRight::edit_orders ||
             right == StoreRight::view_customers;
  }
  return false;
}

Error store_not_found(const StoreId& store) {
  return Error(ErrorCode::not_found, "store '" + store.str() + "' not found",
               "store_id");
}

void require_super_admin(const Principal& principal) {
  if (principal.is_anonymous()) {
    throw Error(ErrorCode::unauthenticated,
                "this call needs a signed-in super admin; sign in first");
  }
  if (!principal.is_super_admin()) {
    throw Error(ErrorCode::permission_denied,
                "user " + principal.user_id().str() +
                    " is not a super admin; only super admins may do this");
  }
}

StoreAccess require_store_right(storage::PlatformRepositories& platform,
                                const Principal& principal,
                                const StoreId& store, StoreRight right) {
  if (principal.is_anonymous()) throw store_not_found(store);
  std::optional<storage::StoreRecord> record = platform.stores().find(store);
  std::optional<storage::MemberRecord> member;
  if (record) member = platform.members().find(store, principal.user_id());
  return check_store_right(record, member, principal, store, right);
}

StoreAccess check_store_right(
    const std::optional<storage::StoreRecord>& record,
    const std::optional<storage::MemberRecord>& member,
    const Principal& principal, const StoreId& store, StoreRight right) {
  if (principal.is_anonymous()) throw store_not_found(store);
  if (!record || record->status == storage::StoreStatus::deleted ||
      record->status == storage::StoreStatus::purged) {
    throw store_not_found(store);
  }

  StoreAccess access{*record, std::nullopt};
  if (member) {
    access.role = member->role;
    if (!role_has_right(member->role, right)) {
      throw Error(ErrorCode::permission_denied,
                  "role " + std::string(to_string(member->role)) +
                      " may not do this in store '" + store.str() + "'");
    }
  } else if (!principal.is_super_admin() || is_write_right(right)) {
    throw store_not_found(store);
  }

  if (record->status == storage::StoreStatus::suspended &&
      is_write_right(right)) {
    throw Error(ErrorCode::failed_precondition,
                "store '" + store.str() +
                    "' is suspended; its data is read-only until a super "
                    "admin reactivates it");
  }
  return access;
}

}  // namespace shopkit::internal
