// Helpers every store-scoped service call shares: the rights check and
// the store's currency as its file records it.
#pragma once

#include <string>

#include "common/access.h"
#include "common/context.h"
#include "storage/storage.h"

namespace shopkit::internal {

// Runs require_store_right() in a platform read transaction.
StoreAccess authorize(Context& context, const Principal& principal,
                      const StoreId& store, StoreRight right);

// Keys of the settings kept in the store's file, with JSON values.
inline constexpr const char* kCurrencySetting = "currency";
inline constexpr const char* kContactEmailSetting = "contact_email";
inline constexpr const char* kTaxRateSetting = "tax_rate_bps";
inline constexpr const char* kFlatShippingSetting = "flat_shipping";

// The store's currency: the copy in its file, which checkout and
// settings changes read and write under the file's write lock, or the
// registry's when the file has none yet.
std::string store_currency(storage::StoreRepositories& repositories,
                           const storage::StoreRecord& record);

}  // namespace shopkit::internal
