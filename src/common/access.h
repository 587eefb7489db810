// Store-level authorization shared by the services: which member role
// has which right, and the one check every store-scoped call makes.
// docs/roles.md lists the same table for users.
#pragma once

#include <optional>

#include "shopkit/error.h"
#include "shopkit/types.h"
#include "storage/storage.h"
#include "storage/store_registry.h"

namespace shopkit::internal {

enum class StoreRight {
  view,            // Read settings, catalog, stock, orders, dashboard.
  edit_catalog,    // Create, change and delete products; import.
  edit_inventory,  // Adjust and set stock.
  edit_orders,     // Pay, fulfil, cancel and refund orders.
  view_customers,  // List customers and their orders.
  edit_settings,   // Change store settings.
  edit_theme,      // Apply a theme and change its settings.
  manage_members,  // Invite, change and remove members.
};

// True for the rights that change data; a suspended store refuses them.
bool is_write_right(StoreRight right);

// owner: every right. manager: every right but manage_members.
// staff: view, edit_inventory, edit_orders, view_customers.
bool role_has_right(StoreRole role, StoreRight right);

struct StoreAccess {
  storage::StoreRecord store;
  std::optional<StoreRole> role;  // Empty for a super admin non-member.
};

// Loads the store and checks that `principal` may use `right` on it.
// Raises not_found, with the same message as for an unknown id, when the
// store does not exist, is deleted, or the principal is neither a member
// nor a super admin, so store ids cannot be probed. Raises
// permission_denied when a member's role lacks the right, and
// failed_precondition for a write right on a suspended store. Super
// admins who are not members get the view rights only.
StoreAccess require_store_right(storage::PlatformRepositories& platform,
                                const Principal& principal,
                                const StoreId& store, StoreRight right);

// The same check on rows already read: `record` is the store's registry
// row and `member` the principal's membership, each empty when missing.
StoreAccess check_store_right(
    const std::optional<storage::StoreRecord>& record,
    const std::optional<storage::MemberRecord>& member,
    const Principal& principal, const StoreId& store, StoreRight right);

// The error for a store that is missing or hidden from the caller.
Error store_not_found(const StoreId& store);

// Checks that `principal` is a super admin. Raises unauthenticated for
// the anonymous principal and permission_denied for anyone else.
void require_super_admin(const Principal& principal);

}  // namespace shopkit::internal
