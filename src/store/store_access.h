// Helpers every store-scoped service call shares: the rights check and
// the store's currency as its file records it.
#pragma once

#include <string>

#include "common/access.h"
#include "common/context.h"
#include "storage/storage.h"

namespace shopkit::internal {

// Checks the rights as require_store_right() does, on the store's row
// and the principal's membership from the access cache, or from a
// platform read transaction when the cache has no trusted entry.
StoreAccess authorize(Context& context, const Principal& principal,
                      const StoreId& store, StoreRight right);

// Keys of the settings kept in the store's file, with JSON values.
inline constexpr const char* kCurrencySetting = "currency";
inline constexpr const char* kContactEmailSetting = "contact_email";
inline constexpr const char* kTaxRateSetting = "tax_rate_bps";
inline constexpr const char* kFlatShippingSetting = "flat_shipping";

// The store's currency: the copy in its file, or the registry's in
// `record` when the file has none. Every currency change writes the copy
// under the file's write lock, so a transaction on the file always reads
// the current currency even when `record` was read before the change.
std::string store_currency(storage::StoreRepositories& repositories,
                           const storage::StoreRecord& record);

}  // namespace shopkit::internal
