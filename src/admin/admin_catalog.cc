// AdminService: the catalog (products, variants, images).
#include <map>

#include "admin/stock_ledger.h"
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "storage/catalog_repository.h"
#include "storage/inventory_repository.h"
#include "store/catalog_search.h"
#include "store/product_rules.h"
#include "store/slug.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

Error product_not_found(std::string_view what) {
  return Error(ErrorCode::not_found,
               "product '" + std::string(what) + "' not found in this store",
               "product_id");
}

}  // namespace

namespace internal {

void record_stock_changes(storage::StoreRepositories& repositories,
                          const Product* before, const Product& after,
                          const Principal& principal, Timestamp now) {
  std::map<std::string, std::int64_t> old_stock;
  if (before != nullptr) {
    for (const Variant& variant : before->variants) {
      old_stock[variant.id.str()] = variant.stock;
    }
  }
  for (const Variant& variant : after.variants) {
    const auto it = old_stock.find(variant.id.str());
    const std::int64_t previous = it == old_stock.end() ? 0 : it->second;
    if (variant.stock == previous) continue;
    LedgerEntry entry;
    entry.variant_id = variant.id;
    entry.sku = variant.sku;
    entry.delta = variant.stock - previous;
    entry.stock_after = variant.stock;
    entry.reason = before == nullptr ? "product created" : "product updated";
    if (!principal.is_anonymous()) entry.actor_id = principal.user_id();
    entry.created_at = now;
    repositories.inventory().append(entry);
  }
}

}  // namespace internal

Product AdminService::create_product(const Principal& principal,
                                     const StoreId& store,
                                     const ProductInput& input) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, StoreRight::edit_catalog);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, access.store);
        Product product = internal::build_product(input, currency, context_);
        if (product.handle.empty()) {
          const std::string base = internal::handle_base(product);
          product.handle = internal::first_free_handle(
              base, repositories.catalog().handles_with_base(base));
        }
        repositories.catalog().insert(product);
        internal::record_stock_changes(repositories, nullptr, product,
                                       principal, product.created_at);
        return product;
      });
}

Product AdminService::get_product(const Principal& principal,
                                  const StoreId& store,
                                  const ProductId& product) {
  const internal::StoreAccess access =
      internal::authorize(context_, principal, store, StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, access.store);
        std::optional<Product> found =
            repositories.catalog().find(product, currency);
        if (!found) throw product_not_found(product.str());
        return std::move(*found);
      });
}

Product AdminService::get_product_by_handle(const Principal& principal,
                                            const StoreId& store,
                                            std::string_view handle) {
  const internal::StoreAccess access =
      internal::authorize(context_, principal, store, StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, access.store);
        std::optional<Product> found =
            repositories.catalog().find_by_handle(handle, currency);
        if (!found) throw product_not_found(handle);
        return std::move(*found);
      });
}

Page<Product> AdminService::list_products(const Principal& principal,
                                          const StoreId& store,
                                          const ProductSearch& search) {
  const internal::StoreAccess access =
      internal::authorize(context_, principal, store, StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, access.store);
        const storage::CatalogQuery query =
            internal::to_catalog_query(search, currency, true);
        return internal::to_product_page(
            repositories.catalog().search(query, currency), query.sort);
      });
}

Product AdminService::update_product(const Principal& principal,
                                     const StoreId& store,
                                     const ProductId& product,
                                     const ProductUpdate& update) {
  const internal::StoreAccess access = internal::authorize(
      context_, principal, store, StoreRight::edit_catalog);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        const std::string currency =
            internal::store_currency(repositories, access.store);
        std::optional<Product> current =
            repositories.catalog().find(product, currency);
        if (!current) throw product_not_found(product.str());
        Product updated = internal::apply_product_update(*current, update,
                                                         currency, context_);
        repositories.catalog().update(updated);
        internal::record_stock_changes(repositories, &*current, updated,
                                       principal, updated.updated_at);
        return updated;
      });
}

void AdminService::delete_product(const Principal& principal,
                                  const StoreId& store,
                                  const ProductId& product) {
  internal::authorize(context_, principal, store, StoreRight::edit_catalog);
  context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        if (!repositories.catalog().erase(product)) {
          throw product_not_found(product.str());
        }
      });
}

}  // namespace shopkit
