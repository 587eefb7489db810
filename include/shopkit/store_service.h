// Stores, the public catalog and checkout.
#pragma once

#include <string_view>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/orders.h"
#include "shopkit/stores.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// Calls by store id are for members: a caller who is not a member (nor a
// super admin) gets not_found exactly as for a store that does not
// exist. Calls by store handle are public and see only active stores;
// a suspended or deleted store is not_found there.
//
// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT StoreService {
 public:
  explicit StoreService(internal::Context& context);
  ~StoreService();
  StoreService(const StoreService&) = delete;
  StoreService& operator=(const StoreService&) = delete;

  // Creates a store owned by `principal` and its own file. Raises
  // unauthenticated for the anonymous principal, permission_denied for
  // a principal who is not a merchant, invalid_argument naming the field
  // for a bad name, handle (shape or reserved word), currency or
  // country, and already_exists when the handle is taken.
  Store create_store(const Principal& principal,
                     const CreateStoreRequest& request);

  // The stores `principal` is a member of, with the role in each, oldest
  // membership first. Deleted stores are left out.
  std::vector<StoreMembership> list_my_stores(const Principal& principal);

  // Returns the store for a member or a super admin; not_found otherwise.
  Store get_store(const Principal& principal, const StoreId& store);

  // Returns an active store by handle, for anyone. owner_id is empty.
  // Raises not_found for an unknown, suspended or deleted store.
  Store get_public_store(std::string_view handle);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
