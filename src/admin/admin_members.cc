// AdminService: a store's members. Each change runs in one platform
// write transaction together with its rights check, its last-owner check
// and its audit entry, so two owners demoting each other at once cannot
// leave the store without an owner.
#include <algorithm>

#include "auth/credentials.h"
#include "common/access.h"
#include "common/audit.h"
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "storage/store_registry.h"
#include "storage/user_repository.h"

namespace shopkit {
namespace {

using internal::StoreRight;

StoreMember to_member(storage::PlatformRepositories& r,
                      const storage::MemberRecord& record) {
  StoreMember member;
  member.user_id = record.user_id;
  member.role = record.role;
  member.created_at = record.created_at;
  if (std::optional<storage::UserRecord> user =
          r.users().find(record.user_id)) {
    member.email = user->email;
    member.name = user->name;
  }
  return member;
}

storage::MemberRecord require_member(storage::PlatformRepositories& r,
                                     const StoreId& store, const UserId& user) {
  std::optional<storage::MemberRecord> member = r.members().find(store, user);
  if (!member) {
    throw Error(ErrorCode::not_found,
                "user '" + user.str() + "' is not a member of store '" +
                    store.str() + "'",
                "user_id");
  }
  return *member;
}

std::int64_t count_owners(storage::PlatformRepositories& r,
                          const StoreId& store) {
  std::vector<storage::MemberRecord> members =
      r.members().list_for_store(store);
  return std::count_if(members.begin(), members.end(), [](const auto& m) {
    return m.role == StoreRole::owner;
  });
}

void require_another_owner(storage::PlatformRepositories& r,
                           const StoreId& store, const UserId& user) {
  if (count_owners(r, store) <= 1) {
    throw Error(ErrorCode::failed_precondition,
                "user '" + user.str() + "' is the last owner of store '" +
                    store.str() + "'; make another member an owner first",
                "user_id");
  }
}

// Keeps the registry's owner_id naming an owner: when `leaving` was it,
// the longest-standing remaining owner takes its place.
void repoint_registry_owner(storage::PlatformRepositories& r,
                            storage::StoreRecord store, const UserId& leaving,
                            Timestamp now) {
  if (store.owner_id != leaving) return;
  for (const storage::MemberRecord& member :
       r.members().list_for_store(store.id)) {
    if (member.role == StoreRole::owner && member.user_id != leaving) {
      store.owner_id = member.user_id;
      store.updated_at = now;
      r.stores().update(store);
      return;
    }
  }
}

nlohmann::json member_detail(const UserId& user, StoreRole role) {
  return nlohmann::json{{"user_id", user.str()}, {"role", to_string(role)}};
}

}  // namespace

std::vector<StoreMember> AdminService::list_members(const Principal& principal,
                                                    const StoreId& store) {
  return context_.storage->read_platform([&](storage::PlatformRepositories& r) {
    internal::require_store_right(r, principal, store, StoreRight::view);
    std::vector<StoreMember> members;
    for (const auto& record : r.members().list_for_store(store)) {
      members.push_back(to_member(r, record));
    }
    return members;
  });
}

StoreMember AdminService::add_member(const Principal& principal,
                                     const StoreId& store,
                                     std::string_view email, StoreRole role) {
  if (role == StoreRole::owner) {
    throw Error(ErrorCode::invalid_argument,
                "a member is added as manager or staff; make them an owner "
                "with change_member_role afterwards",
                "role");
  }
  const std::string address = internal::check_email(email);
  const std::string normalized = internal::normalize_email(address);

  StoreMember member =
      context_.storage->write_platform([&](storage::PlatformRepositories& r) {
        internal::require_store_right(r, principal, store,
                                      StoreRight::manage_members);
        std::optional<storage::UserRecord> user =
            r.users().find_by_email(normalized);
        if (!user || user->status == UserStatus::deleted) {
          throw Error(ErrorCode::not_found,
                      "no platform account has the email '" + address +
                          "'; the user must register first",
                      "email");
        }
        if (user->status == UserStatus::suspended) {
          throw Error(ErrorCode::failed_precondition,
                      "the account of '" + address +
                          "' is suspended and cannot join a store",
                      "email");
        }
        storage::MemberRecord record{store, user->id, role, context_.now()};
        r.members().insert(record);
        internal::append_audit(r, context_, principal, "member.added", "store",
                               store.str(), member_detail(user->id, role));
        return to_member(r, record);
      });
  context_.log.info("user " + member.user_id.str() + " joined store " +
                    store.str() + " as " + std::string(to_string(role)));
  return member;
}

StoreMember AdminService::change_member_role(const Principal& principal,
                                             const StoreId& store,
                                             const UserId& user,
                                             StoreRole role) {
  return context_.storage->write_platform(
      [&](storage::PlatformRepositories& r) {
        internal::StoreAccess access = internal::require_store_right(
            r, principal, store, StoreRight::manage_members);
        storage::MemberRecord record = require_member(r, store, user);
        if (record.role == role) return to_member(r, record);

        if (record.role == StoreRole::owner) {
          require_another_owner(r, store, user);
        }
        const StoreRole previous = record.role;
        r.members().update_role(store, user, role);
        record.role = role;
        if (previous == StoreRole::owner) {
          repoint_registry_owner(r, access.store, user, context_.now());
        }

        nlohmann::json detail = member_detail(user, role);
        detail["previous_role"] = to_string(previous);
        internal::append_audit(r, context_, principal, "member.role_changed",
                               "store", store.str(), detail);
        return to_member(r, record);
      });
}

void AdminService::remove_member(const Principal& principal,
                                 const StoreId& store, const UserId& user) {
  context_.storage->write_platform([&](storage::PlatformRepositories& r) {
    internal::StoreAccess access = internal::require_store_right(
        r, principal, store, StoreRight::manage_members);
    storage::MemberRecord record = require_member(r, store, user);
    if (record.role == StoreRole::owner) {
      require_another_owner(r, store, user);
      repoint_registry_owner(r, access.store, user, context_.now());
    }
    r.members().erase(store, user);
    internal::append_audit(r, context_, principal, "member.removed", "store",
                           store.str(), member_detail(user, record.role));
  });
  context_.log.info("user " + user.str() + " left store " + store.str());
}

}  // namespace shopkit
