// The inventory ledger rows that product writes leave behind, shared by
// the catalog calls and the product import.
#pragma once

#include "shopkit/catalog.h"
#include "shopkit/types.h"
#include "storage/storage.h"

namespace shopkit::internal {

// Writes a ledger row for each variant whose stock differs between
// `before` (null for a new product) and `after`, so that the ledger of
// every variant always sums to its stock.
void record_stock_changes(storage::StoreRepositories& repositories,
                          const Product* before, const Product& after,
                          const Principal& principal, Timestamp now);

}  // namespace shopkit::internal
