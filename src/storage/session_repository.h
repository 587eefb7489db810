// Sessions, refresh tokens, one-time tokens, signing keys and failed-login records in platform.db.
#pragma once

#include "shopkit/types.h"

namespace shopkit::storage {

// TODO: methods are added with the service that uses them.
class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
};

}  // namespace shopkit::storage
