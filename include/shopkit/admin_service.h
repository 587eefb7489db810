// A store's admin panel, for its members. Each section below is
// implemented in its own file under src/admin/.
#pragma once

#include <chrono>
#include <cstdint>
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

// A dashboard request: orders placed in [from, to), at most 366 days.
struct DashboardRequest {
  Timestamp from;
  Timestamp to;
  // Variants with this stock or less are listed as low; 0 or more.
  std::int64_t low_stock_threshold = 5;
};

// The orders placed on one UTC day and the revenue they brought.
struct DailyRevenue {
  std::chrono::sys_days day;
  std::int64_t orders = 0;
  Money revenue;
};

// Sales of one product: units and line totals of the paid, not fully
// refunded orders of the range. Partial refunds are not spread over
// lines, so these are amounts before refunds.
struct ProductSales {
  ProductId product_id;
  std::string title;  // The current title, or the last sold one if deleted.
  std::int64_t quantity = 0;
  Money revenue;
};

struct LowStockVariant {
  ProductId product_id;
  VariantId variant_id;
  std::string sku;
  std::string title;          // The product's title.
  std::string variant_title;  // Option values joined by " / ".
  std::int64_t stock = 0;
};

// An order is paid when it was paid at some point (later fulfilled or
// cancelled orders included); its revenue is its total minus its
// refunds. docs/dashboard.md gives the definitions with an example.
struct Dashboard {
  Timestamp from;
  Timestamp to;
  std::int64_t order_count = 0;  // Orders placed, any status.
  // Paid orders whose refunds are below their total.
  std::int64_t paid_order_count = 0;
  Money revenue;  // Sum of total - refunded over paid orders.
  // revenue / paid_order_count, rounded half up; zero without orders.
  Money average_order_value;
  std::vector<DailyRevenue> revenue_per_day;  // Every day of the range.
  std::vector<ProductSales> top_products;     // At most 5, most first.
  // At most 100 variants of products that are not archived, lowest stock
  // first; low_stock_count counts all of them.
  std::vector<LowStockVariant> low_stock;
  std::int64_t low_stock_count = 0;
};

// A customer search, newest customers first.
struct CustomerQuery {
  std::string text;  // Substring of the email or the name, any case.
  PageRequest page;
};

// A buyer of the store (made at their first checkout) with figures over
// all their orders.
struct Customer {
  CustomerId id;
  std::string email;
  std::string name;
  std::optional<UserId> user_id;  // Set once they checked out signed in.
  Timestamp created_at;
  std::int64_t order_count = 0;
  Money total_spent;  // total - refunded over their paid orders.
  std::optional<Timestamp> last_order_at;
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

  // --- Stock (right edit_inventory to change, view to read) ---

  // Returns the stock of the variant with `sku`. Raises not_found for an
  // unknown SKU.
  StockLevel get_stock(const Principal& principal, const StoreId& store,
                       std::string_view sku);

  // Adds `delta` (negative to remove) to the stock of the variant with
  // `sku` and writes a ledger row with `reason`. Raises invalid_argument
  // for a zero delta or an empty reason, not_found for an unknown SKU,
  // and conflict naming the available quantity when a variant without
  // backorders would go below zero.
  StockLevel adjust_stock(const Principal& principal, const StoreId& store,
                          std::string_view sku, std::int64_t delta,
                          std::string_view reason);

  // Sets the stock of the variant with `sku` to `quantity` and writes a
  // ledger row with the difference. When `expected` is given and the
  // stock is no longer that value, raises conflict naming the current
  // stock and changes nothing (compare-and-swap). Raises
  // invalid_argument for an empty reason or a negative quantity without
  // backorders, not_found for an unknown SKU.
  StockLevel set_stock(const Principal& principal, const StoreId& store,
                       std::string_view sku, std::int64_t quantity,
                       std::string_view reason,
                       std::optional<std::int64_t> expected = std::nullopt);

  // Ledger rows newest first, of one SKU or (empty `sku`) of all.
  // Raises not_found for an unknown SKU, invalid_argument for a bad
  // limit or cursor.
  Page<LedgerEntry> list_inventory_ledger(const Principal& principal,
                                          const StoreId& store,
                                          std::string_view sku,
                                          const PageRequest& page);

  // --- Orders (right edit_orders to change, view to read) ---

  // The store's orders, newest first, optionally of one status.
  Page<Order> list_orders(const Principal& principal, const StoreId& store,
                          const OrderQuery& query);

  // Raises not_found for an unknown order.
  Order get_order(const Principal& principal, const StoreId& store,
                  const OrderId& order);

  // Moves a pending order to paid. Raises failed_precondition from any
  // other status, not_found for an unknown order.
  Order pay_order(const Principal& principal, const StoreId& store,
                  const OrderId& order);

  // Moves a paid order to fulfilled. Raises failed_precondition from any
  // other status.
  Order fulfill_order(const Principal& principal, const StoreId& store,
                      const OrderId& order);

  // Cancels a pending or paid order and puts its units back in stock,
  // with ledger rows (variants deleted since are skipped). Money already
  // paid is returned only by refund_order. Raises failed_precondition
  // from fulfilled or cancelled.
  Order cancel_order(const Principal& principal, const StoreId& store,
                     const OrderId& order);

  // Records a refund of `amount` on an order that was paid (its status
  // may since be fulfilled or cancelled). Raises invalid_argument for an
  // amount that is not positive or in another currency, and
  // failed_precondition for an order never paid or when the refunds
  // would exceed the order's total.
  Order refund_order(const Principal& principal, const StoreId& store,
                     const OrderId& order, const Money& amount,
                     std::string_view reason);

  // --- Store settings (right edit_settings to change, view to read) ---

  StoreSettings get_settings(const Principal& principal, const StoreId& store);

  // Changes only the fields `update` sets. Raises invalid_argument naming
  // the field (a bad name, email, currency or country code, a tax rate
  // outside 0 to 10000, a negative shipping charge or one in another
  // currency), failed_precondition for a currency change once the store
  // has an order.
  StoreSettings update_settings(const Principal& principal,
                                const StoreId& store,
                                const StoreSettingsUpdate& update);

  // --- Product import (edit_catalog) and export (view) in CSV ---
  // Column mapping and the report format: docs/import-export.md.

  // Reads a product CSV file (Shopify, WooCommerce or Vendure layout)
  // and creates its products, or updates those whose handle the store
  // already has. The input is read in chunks, on a second thread, and
  // products are written in batches, each product whole or not at all.
  // Into a store without products, the first 50,000 are written in one
  // transaction (docs/import-export.md), so a failure there leaves the
  // store as it was. A product with a bad row is skipped and reported
  // with the row's line and column; the other products are imported.
  // With options.dry_run nothing is written. Raises invalid_argument
  // when the file has no header row or its header matches no known
  // layout (or not the requested one), and internal when the stream
  // fails.
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

  // --- Dashboard (admin_dashboard.cc; right view) ---

  // Returns the store's figures for the orders placed in [request.from,
  // request.to) and its low-stock variants now. Raises invalid_argument
  // (field "to") unless from < to and the range is at most 366 days, and
  // (field "low_stock_threshold") for a negative threshold.
  Dashboard get_dashboard(const Principal& principal, const StoreId& store,
                          const DashboardRequest& request);

  // --- Customers (admin_customers.cc; right view_customers) ---

  // Returns one page of the customers matching `query`.
  Page<Customer> list_customers(const Principal& principal,
                                const StoreId& store,
                                const CustomerQuery& query);

  // Returns one customer. Raises not_found (field "customer_id") for an
  // unknown id.
  Customer get_customer(const Principal& principal, const StoreId& store,
                        const CustomerId& customer);

  // Returns one page of the customer's orders, newest first. Raises
  // not_found for an unknown customer.
  Page<Order> list_customer_orders(const Principal& principal,
                                   const StoreId& store,
                                   const CustomerId& customer,
                                   const PageRequest& page);

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
