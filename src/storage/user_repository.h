// Platform accounts in platform.db.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class UserRepository {
 public:
  virtual ~UserRepository() = default;
};

}  // namespace shopkit::storage
