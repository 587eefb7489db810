// StoreService: creating, listing and reading stores.
#include "shopkit/store_service.h"

#include <nlohmann/json.hpp>

#include "common/context.h"
#include "storage/audit_log.h"
#include "storage/store_registry.h"
#include "storage/store_settings_repository.h"
#include "store/store_access.h"
#include "store/store_rules.h"

namespace shopkit {

StoreService::StoreService(internal::Context& context) : context_(context) {}

StoreService::~StoreService() = default;

Store StoreService::create_store(const Principal& principal,
                                 const CreateStoreRequest& request) {
  if (principal.is_anonymous()) {
    throw Error(ErrorCode::unauthenticated, "sign in to create a store");
  }
  if (principal.role() != PlatformRole::merchant) {
    throw Error(ErrorCode::permission_denied,
                "only merchant accounts create stores; this account is a " +
                    std::string(to_string(principal.role())));
  }

  storage::StoreRecord record;
  record.name = internal::validate_store_name(request.name);
  internal::validate_store_handle(request.handle);
  record.handle = request.handle;
  internal::validate_store_currency(request.currency);
  record.currency = request.currency;
  internal::validate_country(request.country);
  record.country = request.country;
  record.id = StoreId(context_.new_id("sto"));
  record.owner_id = principal.user_id();
  record.status = storage::StoreStatus::active;
  record.created_at = context_.now();
  record.updated_at = record.created_at;

  context_.storage->provision_store(
      record, [&](storage::PlatformRepositories& platform) {
        storage::AuditRecord audit;
        audit.id = AuditEntryId(context_.new_id("aud"));
        audit.actor_id = principal.user_id();
        audit.action = "store.created";
        audit.target_type = "store";
        audit.target_id = record.id.str();
        audit.detail_json = nlohmann::json{{"handle", record.handle}}.dump();
        audit.created_at = record.created_at;
        platform.audit().append(audit);
      });

  // The new file has no copy of the currency yet, so readers take the
  // registry's; the first settings change writes the copy. Not opening
  // the file here keeps provisioning to one file copy and one platform
  // transaction.
  context_.log.info("store " + record.id.str() + " created by user " +
                    principal.user_id().str());
  return internal::to_public_store(record);
}

std::vector<StoreMembership> StoreService::list_my_stores(
    const Principal& principal) {
  if (principal.is_anonymous()) {
    throw Error(ErrorCode::unauthenticated, "sign in to list your stores");
  }
  return context_.storage->read_platform(
      [&](storage::PlatformRepositories& platform) {
        std::vector<StoreMembership> stores;
        for (const storage::MemberRecord& member :
             platform.members().list_for_user(principal.user_id())) {
          std::optional<storage::StoreRecord> record =
              platform.stores().find(member.store_id);
          if (!record || record->status == storage::StoreStatus::deleted ||
              record->status == storage::StoreStatus::purged) {
            continue;
          }
          stores.push_back(
              StoreMembership{internal::to_public_store(*record), member.role});
        }
        return stores;
      });
}

Store StoreService::get_store(const Principal& principal,
                              const StoreId& store) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, internal::StoreRight::view);
  return internal::to_public_store(access.store);
}

Store StoreService::get_public_store(std::string_view handle) {
  std::optional<storage::StoreRecord> record = context_.storage->read_platform(
      [&](storage::PlatformRepositories& platform) {
        return platform.stores().find_by_handle(handle);
      });
  if (!record || record->status != storage::StoreStatus::active) {
    throw Error(ErrorCode::not_found,
                "store '" + std::string(handle) + "' not found", "handle");
  }
  Store store = internal::to_public_store(*record);
  store.owner_id = UserId();
  return store;
}

}  // namespace shopkit
