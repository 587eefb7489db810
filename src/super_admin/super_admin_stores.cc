// SuperAdminService: the store registry. Status changes and their audit
// entries share one platform transaction.
//
// Deleting and restoring also move the store's file, in the order that
// the crash repair of SqliteStorage can finish. Delete marks the
// registry first and then moves the file to trash/. Restore moves the
// file back first and then marks the registry.
#include <system_error>

#include "common/access.h"
#include "common/audit.h"
#include "common/context.h"
#include "common/paging.h"
#include "shopkit/super_admin_service.h"
#include "storage/store_registry.h"
#include "store/store_rules.h"

namespace shopkit {
namespace {

Error store_not_found(const StoreId& store) {
  return Error(ErrorCode::not_found, "store '" + store.str() + "' not found",
               "store_id");
}

storage::StoreRecord require_store(storage::PlatformRepositories& r,
                                   const StoreId& store) {
  std::optional<storage::StoreRecord> record = r.stores().find(store);
  if (!record || record->status == storage::StoreStatus::purged) {
    throw store_not_found(store);
  }
  return *record;
}

Error wrong_status(const storage::StoreRecord& record, std::string_view want) {
  return Error(ErrorCode::failed_precondition,
               "store '" + record.handle + "' is " +
                   std::string(to_string(record.status)) + "; " +
                   std::string(want),
               "store_id");
}

storage::StoreStatus to_storage_status(StoreStatus status) {
  switch (status) {
    case StoreStatus::active:
      return storage::StoreStatus::active;
    case StoreStatus::suspended:
      return storage::StoreStatus::suspended;
    case StoreStatus::deleted:
      return storage::StoreStatus::deleted;
  }
  return storage::StoreStatus::active;
}

nlohmann::json status_detail(const storage::StoreRecord& record,
                             storage::StoreStatus previous) {
  return nlohmann::json{{"handle", record.handle},
                        {"status", to_string(record.status)},
                        {"previous_status", to_string(previous)}};
}

StoreSummary summarize(internal::Context& context,
                       const storage::StoreRecord& record) {
  StoreSummary summary;
  summary.store = internal::to_public_store(record);
  if (record.status == storage::StoreStatus::deleted && record.deleted_at) {
    summary.deleted_at = record.deleted_at;
    summary.purge_after = *record.deleted_at +
                          std::chrono::duration_cast<std::chrono::milliseconds>(
                              context.options.deleted_store_retention);
  }
  return summary;
}

// Moves the store from status `from` to `to` with an audit entry, in one
// platform transaction. Raises failed_precondition when the store is not
// in `from`.
StoreSummary change_store_status(
    internal::Context& context, const Principal& principal,
    const StoreId& store, storage::StoreStatus from, storage::StoreStatus to,
    std::string_view action, const nlohmann::json& extra_detail) {
  storage::StoreRecord record =
      context.storage->write_platform([&](storage::PlatformRepositories& r) {
        storage::StoreRecord found = require_store(r, store);
        if (found.status != from) {
          throw wrong_status(found, "this needs a store that is " +
                                        std::string(to_string(from)));
        }
        found.status = to;
        found.updated_at = context.now();
        found.deleted_at = to == storage::StoreStatus::deleted
                               ? std::optional<Timestamp>(found.updated_at)
                               : std::nullopt;
        r.stores().update(found);
        nlohmann::json detail = status_detail(found, from);
        detail.update(extra_detail);
        internal::append_audit(r, context, principal, action, "store",
                               store.str(), detail);
        return found;
      });
  context.log.info("store " + store.str() + " is now " +
                   std::string(to_string(to)) + " (" + std::string(action) +
                   " by " + principal.user_id().str() + ")");
  return summarize(context, record);
}

}  // namespace

Page<StoreSummary> SuperAdminService::list_stores(const Principal& principal,
                                                  const StoreQuery& query) {
  internal::require_super_admin(principal);
  internal::check_page_limit(query.page.limit);
  storage::StoreFilter filter;
  filter.text = query.text;
  if (query.status) filter.status = to_storage_status(*query.status);
  filter.owner_id = query.owner_id;
  filter.after_id = internal::decode_id_cursor(query.page.cursor, "sto");
  filter.limit = query.page.limit + 1;

  std::vector<storage::StoreRecord> records =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return r.stores().search(filter);
      });
  std::vector<StoreSummary> stores;
  for (const auto& record : records)
    stores.push_back(summarize(context_, record));
  return internal::make_page(
      std::move(stores), query.page.limit,
      [](const StoreSummary& summary) { return summary.store.id.str(); });
}

StoreSummary SuperAdminService::get_store(const Principal& principal,
                                          const StoreId& store) {
  internal::require_super_admin(principal);
  return summarize(context_, context_.storage->read_platform(
                                 [&](storage::PlatformRepositories& r) {
                                   return require_store(r, store);
                                 }));
}

StoreSummary SuperAdminService::suspend_store(const Principal& principal,
                                              const StoreId& store,
                                              std::string_view reason) {
  internal::require_super_admin(principal);
  return change_store_status(context_, principal, store,
                             storage::StoreStatus::active,
                             storage::StoreStatus::suspended, "store.suspended",
                             nlohmann::json{{"reason", std::string(reason)}});
}

StoreSummary SuperAdminService::reactivate_store(const Principal& principal,
                                                 const StoreId& store) {
  internal::require_super_admin(principal);
  return change_store_status(context_, principal, store,
                             storage::StoreStatus::suspended,
                             storage::StoreStatus::active, "store.reactivated",
                             nlohmann::json::object());
}

StoreSummary SuperAdminService::delete_store(const Principal& principal,
                                             const StoreId& store) {
  internal::require_super_admin(principal);
  storage::StoreStatus previous =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return require_store(r, store).status;
      });
  if (previous == storage::StoreStatus::deleted) {
    throw Error(ErrorCode::failed_precondition,
                "store '" + store.str() + "' is already deleted", "store_id");
  }
  StoreSummary summary = change_store_status(
      context_, principal, store, previous, storage::StoreStatus::deleted,
      "store.deleted", nlohmann::json::object());
  try {
    context_.storage->move_store_to_trash(store);
  } catch (const Error& error) {
    context_.log.error("store " + store.str() +
                       " is deleted but its file did not move to trash; the "
                       "next open moves it: " +
                       error.what());
    throw;
  }
  return summary;
}

StoreSummary SuperAdminService::restore_store(const Principal& principal,
                                              const StoreId& store) {
  internal::require_super_admin(principal);
  storage::StoreRecord record =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return require_store(r, store);
      });
  if (record.status != storage::StoreStatus::deleted) {
    throw wrong_status(record, "only a deleted store can be restored");
  }
  context_.storage->restore_store_from_trash(store);
  return change_store_status(
      context_, principal, store, storage::StoreStatus::deleted,
      storage::StoreStatus::active, "store.restored", nlohmann::json::object());
}

std::vector<StoreId> SuperAdminService::purge_deleted_stores(
    const Principal& principal) {
  internal::require_super_admin(principal);
  storage::StoreFilter filter;
  filter.status = storage::StoreStatus::deleted;
  filter.deleted_until =
      context_.now() - std::chrono::duration_cast<std::chrono::milliseconds>(
                           context_.options.deleted_store_retention);
  filter.limit = internal::kMaxPageLimit;

  std::vector<StoreId> purged;
  for (;;) {
    std::vector<storage::StoreRecord> batch =
        context_.storage->read_platform([&](storage::PlatformRepositories& r) {
          return r.stores().search(filter);
        });
    if (batch.empty()) break;
    for (const storage::StoreRecord& found : batch) {
      filter.after_id = found.id.str();
      // The file goes first: when the registry change below fails, the
      // store stays deleted and the next purge finishes it.
      context_.storage->purge_store_file(found.id);
      bool done = context_.storage->write_platform(
          [&](storage::PlatformRepositories& r) {
            storage::StoreRecord record = require_store(r, found.id);
            if (record.status != storage::StoreStatus::deleted) return false;
            record.status = storage::StoreStatus::purged;
            record.updated_at = context_.now();
            r.stores().update(record);
            r.members().erase_store(record.id);
            internal::append_audit(
                r, context_, principal, "store.purged", "store",
                record.id.str(),
                status_detail(record, storage::StoreStatus::deleted));
            return true;
          });
      if (done) purged.push_back(found.id);
    }
  }
  context_.log.info("purged " + std::to_string(purged.size()) +
                    " deleted stores");
  return purged;
}

void SuperAdminService::backup_store(const Principal& principal,
                                     const StoreId& store,
                                     const std::filesystem::path& destination) {
  internal::require_super_admin(principal);
  storage::StoreRecord record =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return require_store(r, store);
      });
  if (record.status == storage::StoreStatus::deleted) {
    throw wrong_status(record, "restore it before backing it up");
  }
  std::error_code error;
  if (std::filesystem::exists(destination, error)) {
    throw Error(ErrorCode::already_exists,
                "backup destination '" + destination.string() +
                    "' already exists; choose a new file name",
                "destination");
  }
  context_.storage->backup_store(store, destination);
  context_.storage->write_platform([&](storage::PlatformRepositories& r) {
    internal::append_audit(
        r, context_, principal, "store.backed_up", "store", store.str(),
        nlohmann::json{{"handle", record.handle},
                       {"destination", destination.string()}});
  });
  context_.log.info("store " + store.str() + " backed up to " +
                    destination.string());
}

}  // namespace shopkit
