// A store's admin panel, for its members. Each section below is
// implemented in its own file under src/admin/.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "shopkit/export.h"
#include "shopkit/orders.h"
#include "shopkit/product_csv.h"
#include "shopkit/stores.h"
#include "shopkit/theme_service.h"
#include "shopkit/types.h"

namespace shopkit {

namespace internal {
class Context;
}

// --- Value types of the members, dashboard and customers sections ---

// A member of a store with the user's email and name.
struct StoreMember {
  UserId user_id;
  std::string email;
  std::string name;
  StoreRole role = StoreRole::staff;
  Timestamp created_at;  // When the user became a member.
};

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

  // --- Product import (edit_catalog) and export (view) in CSV ---
  // Column mapping and the report format: docs/import-export.md.

  // Reads a product CSV file (Shopify, WooCommerce or Vendure layout)
  // and creates its products, or updates those whose handle the store
  // already has. The input is read in chunks and products are written
  // in batches, each product whole or not at all. A product with a bad
  // row is skipped and reported with the row's line and column; the
  // other products are imported. With options.dry_run nothing is
  // written. Raises invalid_argument when the file has no header row or
  // its header matches no known layout (or not the requested one), and
  // internal when the stream fails.
  ImportReport import_products(const Principal& principal,
                               const StoreId& store, std::istream& input,
                               const ImportOptions& options = {});
  // As above, for CSV text in memory; `text` is not copied.
  ImportReport import_products(const Principal& principal,
                               const StoreId& store, std::string_view text,
                               const ImportOptions& options = {});

  // Writes every product of the store in Shopify's product CSV layout,
  // sorted by title: one row per variant, with the product fields on
  // the first row, and image-only rows for images beyond the variants.
  // Importing the output into another store reproduces the catalog.
  void export_products(const Principal& principal, const StoreId& store,
                       std::ostream& out);
  std::string export_products(const Principal& principal,
                              const StoreId& store);

  // --- Members (admin_members.cc; right manage_members to change) ---

  // Returns the store's members, oldest first. Any member may read them.
  std::vector<StoreMember> list_members(const Principal& principal,
                                        const StoreId& store);

  // Makes the platform user with `email` a member with `role`, manager
  // or staff, at once (there is no acceptance step). Raises
  // invalid_argument for a malformed email or role owner (add the user,
  // then change the role), not_found (field "email") when no active or
  // suspended account has that email, failed_precondition for a
  // suspended account, already_exists when the user is a member.
  StoreMember add_member(const Principal& principal, const StoreId& store,
                         std::string_view email, StoreRole role);

  // Changes a member's role; owners may make other owners. Raises
  // not_found (field "user_id") when `user` is not a member and
  // failed_precondition when it would leave the store without an owner.
  StoreMember change_member_role(const Principal& principal,
                                 const StoreId& store, const UserId& user,
                                 StoreRole role);

  // Removes a member. Raises not_found when `user` is not a member and
  // failed_precondition for the last owner.
  void remove_member(const Principal& principal, const StoreId& store,
                     const UserId& user);

  // --- Theme (admin_theme.cc) ---

  // Returns the store's theme and its effective settings (defaults
  // merged with the store's values). A store that never applied a theme
  // uses "classic". Any member may read it.
  StoreTheme get_store_theme(const Principal& principal, const StoreId& store);

  // Switches the store to the published theme `handle` (owner and
  // manager). Values of keys the new theme also has are kept when they
  // satisfy its schema; the others are dropped. Raises not_found for an
  // unknown or draft theme, failed_precondition for a retired one unless
  // the store already uses it.
  StoreTheme apply_theme(const Principal& principal, const StoreId& store,
                         std::string_view handle);

  // Sets or, for nullopt, resets to the default the given settings of
  // the store's theme (owner and manager), all or none. Raises
  // invalid_argument with field "settings.<key>" and a message naming
  // the key and the rule it broke (unknown key, wrong type, min, max,
  // step, max_length, choices, color form, http or https URL).
  StoreTheme update_theme_settings(const Principal& principal,
                                   const StoreId& store,
                                   const ThemeSettingChanges& changes);

 private:
  internal::Context& context_;
};

}  // namespace shopkit
