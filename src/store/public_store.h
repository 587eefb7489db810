// Resolution of a store by its public handle.
#pragma once

#include <string_view>

#include "common/context.h"
#include "storage/store_registry.h"

namespace shopkit::internal {

struct PublicStore {
  storage::StoreRecord record;
  // True when the caller is a member of the store or a super admin, and
  // so may see its drafts.
  bool insider = false;
};

// Returns the active store with `handle`. Raises not_found (field
// "handle") for an unknown, suspended or deleted store.
PublicStore find_public_store(Context& context, const Principal& principal,
                              std::string_view handle);

}  // namespace shopkit::internal
