// Reading and changing a store's settings, shared by
// StoreService::update_store and AdminService::update_settings.
#pragma once

#include "common/context.h"
#include "shopkit/stores.h"
#include "storage/storage.h"
#include "storage/store_registry.h"

namespace shopkit::internal {

// The settings of the store whose file `repositories` is bound to, with
// name and country from `record` (the registry row).
StoreSettings read_store_settings(storage::StoreRepositories& repositories,
                                  const storage::StoreRecord& record);

struct SettingsChange {
  StoreSettings settings;
  storage::StoreRecord record;  // The registry row as written.
};

// Checks `update` and writes it: the file's settings and, in a platform
// transaction nested inside the store's (the lock order every caller
// keeps), the registry's name, currency and country. Raises
// invalid_argument naming the field, and failed_precondition for a
// currency change once the store has an order. The caller has checked
// the edit_settings right.
SettingsChange change_store_settings(Context& context,
                                     const storage::StoreRecord& record,
                                     const StoreSettingsUpdate& update);

}  // namespace shopkit::internal
