// Python binding of SuperAdminService, the platform's panel, and its
// value types.
#include "bindings.h"
#include "value_class.h"

namespace shopkit::python {

namespace {

void bind_super_admin_values(py::module_& module) {
  ValueClass<StoreSummary>(module, "StoreSummary",
                           "A store with the deletion times the super-admin "
                           "panel shows.")
      .field("store", &StoreSummary::store, "The Store.")
      .field("deleted_at", &StoreSummary::deleted_at,
             "Set while the store is deleted.")
      .field("purge_after", &StoreSummary::purge_after,
             "When a deleted store becomes eligible for "
             "purge_deleted_stores().")
      .finish();

  ValueClass<UserCount>(module, "UserCount",
                        "The number of users with one role and status.")
      .field("role", &UserCount::role, "PlatformRole.")
      .field("status", &UserCount::status, "UserStatus.")
      .field("count", &UserCount::count, "Users.")
      .finish();

  ValueClass<StoreCounts>(module, "StoreCounts", "Stores per status.")
      .field("active", &StoreCounts::active, "Active stores.")
      .field("suspended", &StoreCounts::suspended, "Suspended stores.")
      .field("deleted", &StoreCounts::deleted,
             "Deleted stores still in trash/.")
      .field("purged", &StoreCounts::purged,
             "Deleted stores whose file was removed for good.")
      .finish();

  ValueClass<CurrencyFigures>(module, "CurrencyFigures",
                              "Order figures of the active and suspended "
                              "stores in one currency.")
      .field("currency", &CurrencyFigures::currency, "ISO 4217 code.")
      .field("orders", &CurrencyFigures::orders, "Every order placed.")
      .field("paid_orders", &CurrencyFigures::paid_orders,
             "Orders that were paid.")
      .field("revenue", &CurrencyFigures::revenue,
             "Money, totals of paid orders.")
      .field("refunded", &CurrencyFigures::refunded,
             "Money, refunds of those orders.")
      .field("net_revenue", &CurrencyFigures::net_revenue,
             "Money, revenue minus refunded.")
      .finish();

  ValueClass<PlatformFigures>(module, "PlatformFigures",
                              "Platform-wide figures from get_figures().")
      .field("users", &PlatformFigures::users,
             "list of UserCount, only the non-zero counts.")
      .field("stores", &PlatformFigures::stores, "StoreCounts.")
      .field("orders", &PlatformFigures::orders,
             "list of CurrencyFigures, by currency code.")
      .finish();

  ValueClass<AuditEntry>(module, "AuditEntry", "An audit log entry.")
      .field("id", &AuditEntry::id, "The entry's id.")
      .field("actor_id", &AuditEntry::actor_id,
             "The acting user's id, or None for actions of no user.")
      .field("action", &AuditEntry::action,
             "'<target type>.<past-tense verb>', e.g. 'user.suspended'.")
      .field("target_type", &AuditEntry::target_type,
             "'user', 'store' or 'theme'.")
      .field("target_id", &AuditEntry::target_id, "The target's id.")
      .field("detail_json", &AuditEntry::detail_json,
             "A JSON object whose members depend on the action; see "
             "`detail` for it parsed.")
      .field("created_at", &AuditEntry::created_at, "Aware datetime in UTC.")
      .finish()
      .def_property_readonly(
          "detail",
          [](const AuditEntry& entry) {
            return py::module_::import("json").attr("loads")(
                entry.detail_json);
          },
          "detail_json parsed into a dict.");
}

Page<User> list_users(SuperAdminService& panel, Principal principal,
                      std::string text, std::optional<PlatformRole> role,
                      std::optional<UserStatus> status,
                      std::optional<Timestamp> created_from,
                      std::optional<Timestamp> created_to, int limit,
                      std::optional<std::string> cursor) {
  UserQuery query{.text = std::move(text),
                  .role = role,
                  .status = status,
                  .created_from = created_from,
                  .created_to = created_to,
                  .page = {.limit = limit, .cursor = cursor.value_or("")}};
  py::gil_scoped_release release;
  return panel.list_users(principal, query);
}

Page<StoreSummary> list_stores(SuperAdminService& panel, Principal principal,
                               std::string text,
                               std::optional<StoreStatus> status,
                               std::optional<UserId> owner_id, int limit,
                               std::optional<std::string> cursor) {
  StoreQuery query{.text = std::move(text),
                   .status = status,
                   .owner_id = std::move(owner_id),
                   .page = {.limit = limit, .cursor = cursor.value_or("")}};
  py::gil_scoped_release release;
  return panel.list_stores(principal, query);
}

Page<AuditEntry> list_audit_log(SuperAdminService& panel, Principal principal,
                                std::optional<UserId> actor_id,
                                std::string target_id, std::string action,
                                std::optional<Timestamp> created_from,
                                std::optional<Timestamp> created_to,
                                int limit, std::optional<std::string> cursor) {
  AuditQuery query{.actor_id = std::move(actor_id),
                   .target_id = std::move(target_id),
                   .action = std::move(action),
                   .from = created_from,
                   .to = created_to,
                   .page = {.limit = limit, .cursor = cursor.value_or("")}};
  py::gil_scoped_release release;
  return panel.list_audit_log(principal, query);
}

using SuperAdminClass =
    py::class_<SuperAdminService,
               std::unique_ptr<SuperAdminService, py::nodelete>>;

void bind_user_calls(SuperAdminClass& panel) {
  panel
      .def("list_users", &list_users, py::arg("principal"), py::kw_only(),
           py::arg("text") = "", py::arg("role") = py::none(),
           py::arg("status") = py::none(),
           py::arg("created_from") = py::none(),
           py::arg("created_to") = py::none(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of User, oldest account first. `text` matches a "
           "substring of the email or name in any case; created_from is "
           "inclusive, created_to exclusive. Deleted users are included "
           "unless `status` selects another status.")
      .def("get_user", without_gil(&SuperAdminService::get_user),
           py::arg("principal"), py::arg("user_id"),
           "Return the User. Raises NotFound for an unknown id.")
      .def("suspend_user", without_gil(&SuperAdminService::suspend_user),
           py::arg("principal"), py::arg("user_id"),
           "Suspend the account and end all its sessions at once. Raises "
           "NotFound for an unknown or deleted user, FailedPrecondition "
           "for the caller's own or an already suspended account.")
      .def("reactivate_user", without_gil(&SuperAdminService::reactivate_user),
           py::arg("principal"), py::arg("user_id"),
           "Make a suspended account active again; old sessions stay "
           "ended. Raises FailedPrecondition unless it is suspended.")
      .def("change_user_role",
           without_gil(&SuperAdminService::change_user_role),
           py::arg("principal"), py::arg("user_id"), py::arg("role"),
           "Set the platform role. Raises NotFound for an unknown or "
           "deleted user, FailedPrecondition for the caller's own account.")
      .def("delete_user", without_gil(&SuperAdminService::delete_user),
           py::arg("principal"), py::arg("user_id"),
           "Delete the account: sessions end, memberships go, the email "
           "can register again. Raises FailedPrecondition naming the "
           "stores it still owns, or for the caller's own account.");
  def_iterator(panel, "iter_users", "list_users",
               "Yield every User of list_users() with the same arguments, "
               "fetching pages lazily.");
}

void bind_store_calls(SuperAdminClass& panel) {
  panel
      .def("list_stores", &list_stores, py::arg("principal"), py::kw_only(),
           py::arg("text") = "", py::arg("status") = py::none(),
           py::arg("owner_id") = py::none(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of StoreSummary over every store not purged, in "
           "creation order. `text` matches a substring of the handle or "
           "name in any case.")
      .def("get_store", without_gil(&SuperAdminService::get_store),
           py::arg("principal"), py::arg("store_id"),
           "Return the StoreSummary, deleted stores included. Raises "
           "NotFound for an unknown or purged store.")
      .def("suspend_store", without_gil(&SuperAdminService::suspend_store),
           py::arg("principal"), py::arg("store_id"), py::arg("reason") = "",
           "Suspend an active store: its public catalog and checkout raise "
           "NotFound, members keep read-only access; `reason` goes to the "
           "audit log. Raises FailedPrecondition unless it is active.")
      .def("reactivate_store",
           without_gil(&SuperAdminService::reactivate_store),
           py::arg("principal"), py::arg("store_id"),
           "Make a suspended store active again. Raises FailedPrecondition "
           "unless it is suspended.")
      .def("delete_store", without_gil(&SuperAdminService::delete_store),
           py::arg("principal"), py::arg("store_id"),
           "Delete an active or suspended store; its file moves to trash/ "
           "and can be restored until purged. Raises FailedPrecondition "
           "when it is already deleted.")
      .def("restore_store", without_gil(&SuperAdminService::restore_store),
           py::arg("principal"), py::arg("store_id"),
           "Move a deleted store's file back and make it active. Raises "
           "FailedPrecondition unless it is deleted.")
      .def("purge_deleted_stores",
           without_gil(&SuperAdminService::purge_deleted_stores),
           py::arg("principal"),
           "Remove for good the files of stores deleted at least "
           "Options.deleted_store_retention ago and return their ids.")
      .def("backup_store", without_gil(&SuperAdminService::backup_store),
           py::arg("principal"), py::arg("store_id"), py::arg("destination"),
           "Write a consistent copy of the store's file to `destination` "
           "(a path) with SQLite's online backup API while the store stays "
           "in use. Raises FailedPrecondition for a deleted store, "
           "AlreadyExists when `destination` exists.");
  def_iterator(panel, "iter_stores", "list_stores",
               "Yield every StoreSummary of list_stores() with the same "
               "arguments, fetching pages lazily.");
}

void bind_figure_calls(SuperAdminClass& panel) {
  panel
      .def("get_figures", without_gil(&SuperAdminService::get_figures),
           py::arg("principal"),
           "Return PlatformFigures: users by role and status, stores by "
           "status, orders and revenue per currency. No store file is "
           "opened.")
      .def("list_audit_log", &list_audit_log, py::arg("principal"),
           py::kw_only(), py::arg("actor_id") = py::none(),
           py::arg("target_id") = "", py::arg("action") = "",
           py::arg("created_from") = py::none(),
           py::arg("created_to") = py::none(), py::arg("limit") = 50,
           py::arg("cursor") = py::none(),
           "Return a Page of AuditEntry, newest first; empty filters match "
           "all. created_from is inclusive, created_to exclusive.");
  def_iterator(panel, "iter_audit_log", "list_audit_log",
               "Yield every AuditEntry of list_audit_log() with the same "
               "arguments, fetching pages lazily.");
}

void bind_signing_key_calls(SuperAdminClass& panel) {
  panel
      .def("list_signing_keys",
           without_gil(&SuperAdminService::list_signing_keys),
           py::arg("principal"),
           "Return every SigningKeyInfo, retired ones included, newest "
           "first. Secrets never leave the library.")
      .def("rotate_signing_key",
           without_gil(&SuperAdminService::rotate_signing_key),
           py::arg("principal"),
           "Add a signing key that signs every new access token and return "
           "its kid; older keys keep verifying until retired. Audited as "
           "signing_key.rotated.")
      .def("retire_signing_key",
           without_gil(&SuperAdminService::retire_signing_key),
           py::arg("principal"), py::arg("kid"),
           "Stop accepting tokens signed with `kid`. Audited as "
           "signing_key.retired; a key already retired is left as it is. "
           "Raises NotFound for an unknown kid, FailedPrecondition for the "
           "only active key.");
}

}  // namespace

void bind_super_admin(py::module_& module) {
  bind_super_admin_values(module);

  // The Platform owns the service; Python only borrows it.
  SuperAdminClass panel(
      module, "SuperAdminService",
      "The platform's super-admin panel; Platform.super_admin. Every "
      "method raises Unauthenticated for the anonymous principal, "
      "PermissionDenied for anyone but a super admin, and InvalidArgument "
      "for a page limit outside 1 to 200 or a malformed cursor. Every "
      "change writes an audit log entry in the same transaction. "
      "Thread-safe; every method releases the GIL.");
  bind_user_calls(panel);
  bind_store_calls(panel);
  bind_figure_calls(panel);
  bind_signing_key_calls(panel);
}

}  // namespace shopkit::python
