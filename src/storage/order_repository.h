// Orders, order lines, refunds and idempotency keys, in a store file.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class OrderRepository {
 public:
  virtual ~OrderRepository() = default;
};

}  // namespace shopkit::storage
