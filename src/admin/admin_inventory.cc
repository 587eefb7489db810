// AdminService: stock levels and the inventory ledger.
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "storage/catalog_repository.h"
#include "storage/inventory_repository.h"
#include "store/order_rules.h"
#include "store/product_rules.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

StockLevel require_sku(storage::StoreRepositories& repositories,
                       std::string_view sku) {
  std::optional<StockLevel> level = repositories.inventory().find_by_sku(sku);
  if (!level) {
    throw Error(ErrorCode::not_found,
                "SKU '" + std::string(sku) + "' not found in this store",
                "sku");
  }
  return *level;
}

void require_reason(std::string_view reason) {
  if (reason.empty() || reason.size() > 255) {
    throw Error(ErrorCode::invalid_argument,
                "reason must be 1 to 255 bytes, such as \"recount\" or "
                "\"damaged\"",
                "reason");
  }
}

// Writes the ledger row of a change from `before` to `stock_after` and
// refreshes the product's stock summary.
void record_change(storage::StoreRepositories& repositories,
                   const StockLevel& before, std::int64_t stock_after,
                   std::string_view reason, const Principal& principal,
                   Timestamp now) {
  LedgerEntry entry;
  entry.variant_id = before.variant_id;
  entry.sku = before.sku;
  entry.delta = stock_after - before.stock;
  entry.stock_after = stock_after;
  entry.reason = std::string(reason);
  entry.actor_id = principal.user_id();
  entry.created_at = now;
  repositories.inventory().append(entry);
  repositories.catalog().refresh_summary(before.product_id);
}

}  // namespace

StockLevel AdminService::get_stock(const Principal& principal,
                                   const StoreId& store, std::string_view sku) {
  internal::authorize(context_, principal, store, StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        return require_sku(repositories, sku);
      });
}

StockLevel AdminService::adjust_stock(const Principal& principal,
                                      const StoreId& store,
                                      std::string_view sku, std::int64_t delta,
                                      std::string_view reason) {
  internal::authorize(context_, principal, store, StoreRight::edit_inventory);
  if (delta == 0) {
    throw Error(ErrorCode::invalid_argument, "delta must not be 0", "delta");
  }
  internal::check_stock_bound(delta, "delta");
  require_reason(reason);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        StockLevel level = require_sku(repositories, sku);
        const std::int64_t stock_after_change = level.stock + delta;
        if (stock_after_change > kMaxStock ||
            stock_after_change < -kMaxStock) {
          throw Error(ErrorCode::invalid_argument,
                      "SKU '" + level.sku + "' would have " +
                          std::to_string(stock_after_change) +
                          " in stock, beyond the largest stock, " +
                          std::to_string(kMaxStock) + " either way",
                      "delta");
        }
        std::optional<std::int64_t> stock_after =
            repositories.inventory().add(level.variant_id, delta);
        if (!stock_after) {
          throw Error(ErrorCode::conflict,
                      "SKU '" + level.sku + "' has " +
                          std::to_string(level.stock) +
                          " in stock; removing " + std::to_string(-delta) +
                          " would go below 0 and the variant does not allow "
                          "backorders",
                      "delta");
        }
        record_change(repositories, level, *stock_after, reason, principal,
                      context_.now());
        level.stock = *stock_after;
        return level;
      });
}

StockLevel AdminService::set_stock(const Principal& principal,
                                   const StoreId& store, std::string_view sku,
                                   std::int64_t quantity,
                                   std::string_view reason,
                                   std::optional<std::int64_t> expected) {
  internal::authorize(context_, principal, store, StoreRight::edit_inventory);
  internal::check_stock_bound(quantity, "quantity");
  require_reason(reason);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        StockLevel level = require_sku(repositories, sku);
        if (expected && *expected != level.stock) {
          throw Error(ErrorCode::conflict,
                      "stock of SKU '" + level.sku + "' is now " +
                          std::to_string(level.stock) + ", not the expected " +
                          std::to_string(*expected) +
                          "; read it again and retry",
                      "expected");
        }
        if (quantity < 0 && !level.allow_backorder) {
          throw Error(ErrorCode::invalid_argument,
                      "quantity " + std::to_string(quantity) +
                          " is below 0 and SKU '" + level.sku +
                          "' does not allow backorders",
                      "quantity");
        }
        if (quantity == level.stock) return level;
        repositories.inventory().set(level.variant_id, quantity);
        record_change(repositories, level, quantity, reason, principal,
                      context_.now());
        level.stock = quantity;
        return level;
      });
}

Page<LedgerEntry> AdminService::list_inventory_ledger(
    const Principal& principal, const StoreId& store, std::string_view sku,
    const PageRequest& page) {
  internal::authorize(context_, principal, store, StoreRight::view);
  if (page.limit < 1 || page.limit > 200) {
    throw Error(ErrorCode::invalid_argument,
                "limit must be 1 to 200, got " + std::to_string(page.limit),
                "limit");
  }
  storage::LedgerQuery query;
  query.limit = page.limit + 1;
  if (!page.cursor.empty()) {
    query.before_seq = internal::decode_number_cursor("ledger", page.cursor);
  }
  std::vector<LedgerEntry> entries = context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        if (!sku.empty()) {
          query.variant_id = require_sku(repositories, sku).variant_id;
        }
        return repositories.inventory().list(query);
      });
  Page<LedgerEntry> result;
  if (entries.size() > static_cast<std::size_t>(page.limit)) {
    entries.resize(static_cast<std::size_t>(page.limit));
    result.next_cursor =
        internal::encode_number_cursor("ledger", entries.back().seq);
  }
  result.items = std::move(entries);
  return result;
}

}  // namespace shopkit
