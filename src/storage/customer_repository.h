// A store's customers, in its file.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
};

}  // namespace shopkit::storage
