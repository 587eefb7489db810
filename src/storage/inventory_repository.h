// Stock levels and the inventory ledger, in a store file.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class InventoryRepository {
 public:
  virtual ~InventoryRepository() = default;
};

}  // namespace shopkit::storage
