// StoreService: store settings, the public catalog and the buyer's own
// orders.
#include "common/context.h"
#include "shopkit/store_service.h"
#include "storage/catalog_repository.h"
#include "storage/order_repository.h"
#include "store/catalog_search.h"
#include "store/order_rules.h"
#include "store/public_store.h"
#include "store/store_access.h"
#include "store/store_rules.h"
#include "store/store_settings.h"

namespace shopkit {
namespace {

void check_page_limit(int limit) {
  if (limit < 1 || limit > 200) {
    throw Error(ErrorCode::invalid_argument,
                "limit must be 1 to 200, got " + std::to_string(limit),
                "limit");
  }
}

Error order_not_found(const OrderId& order) {
  return Error(ErrorCode::not_found,
               "order '" + order.str() + "' not found", "order_id");
}

}  // namespace

Store StoreService::update_store(const Principal& principal,
                                 const StoreId& store,
                                 const StoreSettingsUpdate& update) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, internal::StoreRight::edit_settings);
  return internal::to_public_store(
      internal::change_store_settings(context_, access.store, update).record);
}

Page<Product> StoreService::search_products(const Principal& principal,
                                            std::string_view store_handle,
                                            const ProductSearch& search) {
  const internal::PublicStore store =
      internal::find_public_store(context_, principal, store_handle);
  return context_.storage->read_store(
      store.record.id, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, store.record);
        const storage::CatalogQuery query =
            internal::to_catalog_query(search, currency, store.insider);
        return internal::to_product_page(
            repositories.catalog().search(query, currency), query.sort);
      });
}

Product StoreService::get_product(const Principal& principal,
                                  std::string_view store_handle,
                                  std::string_view product_handle) {
  const internal::PublicStore store =
      internal::find_public_store(context_, principal, store_handle);
  std::optional<Product> product = context_.storage->read_store(
      store.record.id, [&](storage::StoreRepositories& repositories) {
        return repositories.catalog().find_by_handle(
            product_handle,
            internal::store_currency(repositories, store.record));
      });
  if (!product ||
      (!store.insider && product->status != ProductStatus::active)) {
    throw Error(ErrorCode::not_found,
                "product '" + std::string(product_handle) +
                    "' not found in store '" + std::string(store_handle) + "'",
                "product_handle");
  }
  return std::move(*product);
}

Page<Order> StoreService::list_my_orders(const Principal& principal,
                                         std::string_view store_handle,
                                         const PageRequest& page) {
  if (principal.is_anonymous()) {
    throw Error(ErrorCode::unauthenticated, "sign in to list your orders");
  }
  check_page_limit(page.limit);
  const internal::PublicStore store =
      internal::find_public_store(context_, principal, store_handle);
  storage::OrderListQuery query;
  query.user_id = principal.user_id();
  query.limit = page.limit + 1;
  if (!page.cursor.empty()) {
    query.before_number = internal::decode_number_cursor("order", page.cursor);
  }
  std::vector<Order> orders = context_.storage->read_store(
      store.record.id, [&](storage::StoreRepositories& repositories) {
        return repositories.orders().list(query);
      });
  Page<Order> result;
  if (orders.size() > static_cast<std::size_t>(page.limit)) {
    orders.resize(static_cast<std::size_t>(page.limit));
    result.next_cursor = internal::encode_number_cursor("order", orders.back().number);
  }
  result.items = std::move(orders);
  return result;
}

Order StoreService::get_my_order(const Principal& principal,
                                 std::string_view store_handle,
                                 const OrderId& order) {
  if (principal.is_anonymous()) {
    throw Error(ErrorCode::unauthenticated, "sign in to see your orders");
  }
  const internal::PublicStore store =
      internal::find_public_store(context_, principal, store_handle);
  std::optional<Order> found = context_.storage->read_store(
      store.record.id, [&](storage::StoreRepositories& repositories) {
        return repositories.orders().find(order);
      });
  if (!found || found->user_id != principal.user_id()) {
    throw order_not_found(order);
  }
  return std::move(*found);
}

}  // namespace shopkit
