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

  // Changes the store's settings, like AdminService::update_settings,
  // and returns the store as it is afterwards. Needs the edit_settings
  // right (owner or manager).
  Store update_store(const Principal& principal, const StoreId& store,
                     const StoreSettingsUpdate& update);

  // --- Public catalog, by store handle ---

  // Searches the catalog of an active store. Customers and anonymous
  // callers see active products only; members and super admins also see
  // drafts and archived products, and may filter by status. Hostile
  // text in `search.q` finds nothing rather than raising. Raises
  // not_found for an unknown or inactive store, invalid_argument for a
  // bad limit, q longer than 512 bytes, a price bound in another
  // currency, or a malformed cursor.
  Page<Product> search_products(const Principal& principal,
                                std::string_view store_handle,
                                const ProductSearch& search);

  // Returns a product by its handle, under the same visibility rules.
  // Raises not_found for an unknown or hidden product.
  Product get_product(const Principal& principal,
                      std::string_view store_handle,
                      std::string_view product_handle);

  // --- Checkout and the buyer's own orders ---

  // Places an order as `principal` (signed in or anonymous, a guest).
  // Prices, tax (StoreSettings::tax_rate_bps) and shipping come from the
  // store, never from the request. One transaction writes the order,
  // its lines and the stock changes, so stock never goes below zero for
  // a variant without backorders. Retrying with the same idempotency key
  // and the same request returns the first order; the same key with a
  // different request raises conflict. Raises invalid_argument naming
  // the field for a bad request or a SKU that is not for sale, conflict
  // naming the SKU and the available quantity when stock is short, and
  // not_found for an unknown or inactive store.
  Order checkout(const Principal& principal, std::string_view store_handle,
                 const CheckoutRequest& request);

  // The signed-in principal's own orders in the store, newest first.
  // Raises unauthenticated for the anonymous principal.
  Page<Order> list_my_orders(const Principal& principal,
                             std::string_view store_handle,
                             const PageRequest& page);

  // One of the principal's own orders. Raises not_found for an order of
  // someone else, exactly as for an unknown id.
  Order get_my_order(const Principal& principal,
                     std::string_view store_handle, const OrderId& order);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
