// The platform's super-admin panel: users, stores, platform figures and
// the audit log. docs/super_admin.md describes the rules in more detail.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/auth_service.h"
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/stores.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// A user search. Empty fields match every user; results are in the order
// the accounts were created, oldest first.
struct UserQuery {
  std::string text;  // Substring of the email or the name, any case.
  std::optional<PlatformRole> role;
  std::optional<UserStatus> status;
  std::optional<Timestamp> created_from;  // Inclusive.
  std::optional<Timestamp> created_to;    // Exclusive.
  PageRequest page;
};

// A store search over every store that was not purged, in creation
// order.
struct StoreQuery {
  std::string text;  // Substring of the handle or the name, any case.
  std::optional<StoreStatus> status;
  std::optional<UserId> owner_id;
  PageRequest page;
};

// A store with the deletion times that the super-admin panel shows.
struct StoreSummary {
  Store store;
  std::optional<Timestamp> deleted_at;  // Set while the store is deleted.
  // When a deleted store becomes eligible for purge_deleted_stores().
  std::optional<Timestamp> purge_after;
};

struct UserCount {
  PlatformRole role = PlatformRole::customer;
  UserStatus status = UserStatus::active;
  std::int64_t count = 0;
};

// Stores per registry status. Purged stores are deleted stores whose
// file was removed for good.
struct StoreCounts {
  std::int64_t active = 0;
  std::int64_t suspended = 0;
  std::int64_t deleted = 0;
  std::int64_t purged = 0;
};

// Order figures of the active and suspended stores in one currency.
struct CurrencyFigures {
  std::string currency;
  std::int64_t orders = 0;       // Every order placed.
  std::int64_t paid_orders = 0;  // Orders that were paid.
  Money revenue;                 // Totals of paid orders.
  Money refunded;                // Refunds of those orders.
  Money net_revenue;             // revenue minus refunded.
};

struct PlatformFigures {
  std::vector<UserCount> users;  // Only the non-zero counts.
  StoreCounts stores;
  std::vector<CurrencyFigures> orders;  // By currency code.
};

// An audit log entry. detail_json is a JSON object whose members depend
// on the action (for example previous_role for "member.role_changed").
struct AuditEntry {
  AuditEntryId id;
  std::optional<UserId> actor_id;  // Empty for actions of no user.
  std::string action;              // "<target type>.<past-tense verb>".
  std::string target_type;  // "user", "store", "theme", "signing_key".
  std::string target_id;
  std::string detail_json;
  Timestamp created_at;
};

// An audit log search, newest entries first. Empty fields match all.
struct AuditQuery {
  std::optional<UserId> actor_id;
  std::string target_id;
  std::string action;
  std::optional<Timestamp> from;  // Inclusive.
  std::optional<Timestamp> to;    // Exclusive.
  PageRequest page;
};

// Thread-safe: one instance, owned by Platform, serves every thread.
//
// Every method raises unauthenticated for the anonymous principal and
// permission_denied for a principal that is not a super admin, and
// invalid_argument for a page limit outside 1 to 200 or a malformed
// cursor. Every method that changes something writes an audit log entry
// in the same transaction as the change.
class SHOPKIT_EXPORT SuperAdminService {
 public:
  explicit SuperAdminService(internal::Context& context);
  ~SuperAdminService();
  SuperAdminService(const SuperAdminService&) = delete;
  SuperAdminService& operator=(const SuperAdminService&) = delete;

  // --- Users (super_admin_users.cc) ---

  // Returns one page of the users matching `query`. Deleted users are
  // included unless `query.status` selects another status.
  Page<User> list_users(const Principal& principal, const UserQuery& query);

  // Returns the user `user`. Raises not_found for an unknown id.
  User get_user(const Principal& principal, const UserId& user);

  // Suspends the account and ends all its sessions at once. Raises
  // not_found for an unknown or deleted user, failed_precondition for
  // the caller's own account or an account that is already suspended.
  User suspend_user(const Principal& principal, const UserId& user);

  // Makes a suspended account active again; its old sessions stay ended.
  // Raises not_found for an unknown or deleted user, failed_precondition
  // unless the account is suspended.
  User reactivate_user(const Principal& principal, const UserId& user);

  // Sets the platform role. Raises not_found for an unknown or deleted
  // user, failed_precondition for the caller's own account.
  User change_user_role(const Principal& principal, const UserId& user,
                        PlatformRole role);

  // Deletes the account: it can no longer sign in, its sessions end, its
  // store memberships are removed and its email can register again.
  // Raises failed_precondition naming the stores by handle when the user
  // owns a store that was not purged, so those must be deleted or get
  // another owner first. Raises failed_precondition for the caller's own
  // account too, and not_found for an unknown or deleted user.
  void delete_user(const Principal& principal, const UserId& user);

  // --- Stores (super_admin_stores.cc) ---

  // Returns one page of the stores matching `query`.
  Page<StoreSummary> list_stores(const Principal& principal,
                                 const StoreQuery& query);

  // Returns the store, deleted ones included. Raises not_found for an
  // unknown or purged store.
  StoreSummary get_store(const Principal& principal, const StoreId& store);

  // Suspends an active store: its public catalog and checkout raise
  // not_found and its members keep read-only access. `reason` is kept
  // in the audit log. Raises not_found for an unknown or purged store,
  // failed_precondition unless the store is active.
  StoreSummary suspend_store(const Principal& principal, const StoreId& store,
                             std::string_view reason = {});

  // Makes a suspended store active again. Raises like suspend_store(),
  // with failed_precondition unless the store is suspended.
  StoreSummary reactivate_store(const Principal& principal,
                                const StoreId& store);

  // Deletes an active or suspended store: the registry marks it deleted
  // (hiding it from everyone but this panel), then its file moves to
  // trash/. It can be restored until it is purged. Raises not_found for
  // an unknown store and failed_precondition when it is already deleted.
  // When the move fails after the registry change, the error is raised
  // and the next Platform::open() finishes the move.
  StoreSummary delete_store(const Principal& principal, const StoreId& store);

  // Moves a deleted store's file back from trash/ and makes it active.
  // Raises not_found for an unknown or purged store, failed_precondition
  // unless it is deleted.
  StoreSummary restore_store(const Principal& principal, const StoreId& store);

  // Removes for good the files of stores deleted at least
  // Options::deleted_store_retention ago, marks them purged and drops
  // their memberships. Returns the purged ids.
  std::vector<StoreId> purge_deleted_stores(const Principal& principal);

  // Writes a consistent copy of the store's file to `destination` with
  // SQLite's online backup API while the store stays in use. The host
  // chooses the destination; shopkit does not restrict the folder.
  // Raises not_found for an unknown store, failed_precondition for a
  // deleted or purged one, already_exists when `destination` exists,
  // internal when writing fails.
  void backup_store(const Principal& principal, const StoreId& store,
                    const std::filesystem::path& destination);

  // --- Figures and audit log (super_admin_figures.cc) ---

  // Returns users by role and status, stores by status, and orders and
  // revenue per currency of the active and suspended stores. Order
  // figures come from counters in platform.db that the store service
  // keeps current, so no store file is opened.
  PlatformFigures get_figures(const Principal& principal);

  // Returns one page of the audit log entries matching `query`, newest
  // first. No call edits or deletes entries.
  Page<AuditEntry> list_audit_log(const Principal& principal,
                                  const AuditQuery& query);

  // --- Access token signing keys (super_admin_keys.cc) ---

  // Returns every signing key, retired ones included, newest first. The
  // secrets never leave the library.
  std::vector<SigningKeyInfo> list_signing_keys(const Principal& principal);

  // Adds a signing key that signs every new access token, and returns
  // its kid. Older keys keep verifying until retired. Audited as
  // "signing_key.rotated".
  std::string rotate_signing_key(const Principal& principal);

  // Stops accepting tokens signed with `kid`, at once in this process
  // and within AuthOptions::session_cache_ttl in others. Audited as
  // "signing_key.retired". Retiring a retired key changes nothing and
  // writes no entry. Raises not_found for an unknown kid and
  // failed_precondition when it is the only active key.
  void retire_signing_key(const Principal& principal, std::string_view kid);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
