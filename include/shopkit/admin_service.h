// A store's admin panel, for its members.
#pragma once

#include <optional>
#include <string>
#include <string_view>

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

// Every method takes the calling Principal and the store's id. A caller
// who is not a member of the store (nor a super admin, for reads) gets
// not_found exactly as for a store that does not exist, so store ids
// cannot be probed. A member whose role lacks the right gets
// permission_denied (rights per role: docs/roles.md). Changes to a
// suspended store raise failed_precondition. Each call is one
// transaction: a call that raises changes nothing.
//
// Thread-safe: one instance, owned by Platform, serves every thread.
class SHOPKIT_EXPORT AdminService {
 public:
  explicit AdminService(internal::Context& context);
  ~AdminService();
  AdminService(const AdminService&) = delete;
  AdminService& operator=(const AdminService&) = delete;

  // --- Catalog (right edit_catalog to change, view to read) ---

  // Creates a product with its variants and images. Raises
  // already_exists naming the SKU or the given handle when either is
  // taken. Raises invalid_argument naming the field for bad input, such
  // as an empty title, more than 3 options, no variant, option values
  // that do not match the options or repeat another variant's, a price
  // in another currency, or a negative stock without backorders.
  Product create_product(const Principal& principal, const StoreId& store,
                         const ProductInput& input);

  // Returns the product, whatever its status. Raises not_found for an
  // unknown id.
  Product get_product(const Principal& principal, const StoreId& store,
                      const ProductId& product);

  // Like get_product, by the product's handle.
  Product get_product_by_handle(const Principal& principal,
                                const StoreId& store, std::string_view handle);

  // Searches the whole catalog, drafts and archived products included
  // unless `search.status` narrows it. Raises invalid_argument for a bad
  // limit, a malformed cursor or a cursor of another sort order.
  Page<Product> list_products(const Principal& principal, const StoreId& store,
                              const ProductSearch& search);

  // Changes only the fields `update` sets and returns the product as it
  // is afterwards. Raises like create_product, and not_found for an
  // unknown product. A changed stock writes a ledger row.
  Product update_product(const Principal& principal, const StoreId& store,
                         const ProductId& product, const ProductUpdate& update);

  // Deletes the product with its variants and images. Orders keep their
  // copies of title, SKU and price. Raises not_found for an unknown id.
  void delete_product(const Principal& principal, const StoreId& store,
                      const ProductId& product);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
