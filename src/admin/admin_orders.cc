// AdminService: the order list and the order lifecycle
// (pending -> paid -> fulfilled, cancel, refunds).
#include "common/context.h"
#include "shopkit/admin_service.h"
#include "storage/catalog_repository.h"
#include "storage/inventory_repository.h"
#include "storage/order_repository.h"
#include "store/order_rules.h"
#include "store/store_access.h"

namespace shopkit {
namespace {

using internal::StoreRight;

Order require_order(storage::StoreRepositories& repositories,
                    const OrderId& id) {
  std::optional<Order> order = repositories.orders().find(id);
  if (!order) {
    throw Error(ErrorCode::not_found,
                "order '" + id.str() + "' not found in this store",
                "order_id");
  }
  return std::move(*order);
}

Error wrong_status(const Order& order, std::string_view move) {
  return Error(ErrorCode::failed_precondition,
               "order " + std::to_string(order.number) + " is " +
                   std::string(to_string(order.status)) + " and cannot be " +
                   std::string(move),
               "status");
}

// Puts the units of a cancelled order back in stock, with ledger rows.
void restock(storage::StoreRepositories& repositories, const Order& order,
             const Principal& principal, Timestamp now) {
  for (const OrderLine& line : order.lines) {
    // The variant may have been deleted since; its units have nowhere
    // to go back to.
    std::optional<std::int64_t> stock_after =
        repositories.inventory().add(line.variant_id, line.quantity);
    if (!stock_after) continue;
    LedgerEntry entry;
    entry.variant_id = line.variant_id;
    entry.sku = line.sku;
    entry.delta = line.quantity;
    entry.stock_after = *stock_after;
    entry.reason = "order cancelled";
    entry.order_id = order.id;
    entry.actor_id = principal.user_id();
    entry.created_at = now;
    repositories.inventory().append(entry);
    repositories.catalog().refresh_summary(line.product_id);
  }
}

}  // namespace

Page<Order> AdminService::list_orders(const Principal& principal,
                                      const StoreId& store,
                                      const OrderQuery& query) {
  internal::authorize(context_, principal, store, StoreRight::view);
  if (query.limit < 1 || query.limit > 200) {
    throw Error(ErrorCode::invalid_argument,
                "limit must be 1 to 200, got " + std::to_string(query.limit),
                "limit");
  }
  storage::OrderListQuery list;
  list.status = query.status;
  list.limit = query.limit + 1;
  if (!query.cursor.empty()) {
    list.before_number = internal::decode_number_cursor("order", query.cursor);
  }
  std::vector<Order> orders = context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        return repositories.orders().list(list);
      });
  Page<Order> page;
  if (orders.size() > static_cast<std::size_t>(query.limit)) {
    orders.resize(static_cast<std::size_t>(query.limit));
    page.next_cursor =
        internal::encode_number_cursor("order", orders.back().number);
  }
  page.items = std::move(orders);
  return page;
}

Order AdminService::get_order(const Principal& principal, const StoreId& store,
                              const OrderId& order) {
  internal::authorize(context_, principal, store, StoreRight::view);
  return context_.storage->read_store(
      store, [&](storage::StoreRepositories& repositories) {
        return require_order(repositories, order);
      });
}

Order AdminService::pay_order(const Principal& principal, const StoreId& store,
                              const OrderId& order) {
  internal::authorize(context_, principal, store, StoreRight::edit_orders);
  Order paid = context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        Order current = require_order(repositories, order);
        if (current.status != OrderStatus::pending) {
          throw wrong_status(current, "paid");
        }
        current.status = OrderStatus::paid;
        current.paid_at = context_.now();
        current.updated_at = *current.paid_at;
        repositories.orders().update_state(current);
        return current;
      });
  // NOTE: the platform counters are committed after the store's file; a
  // crash in between leaves them short until a reconcile recounts.
  internal::add_order_counters(
      context_, store, paid.total.currency(),
      internal::CounterDelta{.paid_orders = 1,
                             .revenue = paid.total.minor_units()});
  return paid;
}

Order AdminService::fulfill_order(const Principal& principal,
                                  const StoreId& store, const OrderId& order) {
  internal::authorize(context_, principal, store, StoreRight::edit_orders);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        Order current = require_order(repositories, order);
        if (current.status != OrderStatus::paid) {
          throw wrong_status(current, "fulfilled");
        }
        current.status = OrderStatus::fulfilled;
        current.fulfilled_at = context_.now();
        current.updated_at = *current.fulfilled_at;
        repositories.orders().update_state(current);
        return current;
      });
}

Order AdminService::cancel_order(const Principal& principal,
                                 const StoreId& store, const OrderId& order) {
  internal::authorize(context_, principal, store, StoreRight::edit_orders);
  return context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        Order current = require_order(repositories, order);
        if (current.status != OrderStatus::pending &&
            current.status != OrderStatus::paid) {
          throw wrong_status(current, "cancelled");
        }
        current.status = OrderStatus::cancelled;
        current.cancelled_at = context_.now();
        current.updated_at = *current.cancelled_at;
        repositories.orders().update_state(current);
        restock(repositories, current, principal, current.updated_at);
        return current;
      });
}

Order AdminService::refund_order(const Principal& principal,
                                 const StoreId& store, const OrderId& order,
                                 const Money& amount,
                                 std::string_view reason) {
  internal::authorize(context_, principal, store, StoreRight::edit_orders);
  if (amount.minor_units() <= 0) {
    throw Error(ErrorCode::invalid_argument,
                "refund amount must be above 0, got " +
                    amount.to_decimal_string(),
                "amount");
  }
  if (reason.size() > 255) {
    throw Error(ErrorCode::invalid_argument,
                "reason is longer than 255 bytes", "reason");
  }
  Order refunded = context_.storage->write_store(
      store, [&](storage::StoreRepositories& repositories) {
        Order current = require_order(repositories, order);
        if (amount.currency() != current.total.currency()) {
          throw Error(ErrorCode::invalid_argument,
                      "refund is in " + amount.currency() + " but order " +
                          std::to_string(current.number) + " is in " +
                          current.total.currency(),
                      "amount");
        }
        if (!current.paid_at) throw wrong_status(current, "refunded");
        const Money after = current.refunded.plus(amount);
        if (after.minor_units() > current.total.minor_units()) {
          const Money left = current.total.minus(current.refunded);
          throw Error(ErrorCode::failed_precondition,
                      "refund of " + amount.to_decimal_string() +
                          " would exceed what order " +
                          std::to_string(current.number) + " paid; " +
                          left.to_decimal_string() + " of " +
                          current.total.to_decimal_string() +
                          " is left to refund",
                      "amount");
        }
        Refund refund;
        refund.id = context_.new_id("rfd");
        refund.amount = amount;
        refund.reason = std::string(reason);
        refund.actor_id = principal.user_id();
        refund.created_at = context_.now();
        repositories.orders().insert_refund(current.id, refund);
        current.refunded = after;
        current.updated_at = refund.created_at;
        current.refunds.push_back(refund);
        repositories.orders().update_state(current);
        return current;
      });
  // NOTE: committed after the store's file, like pay_order's counters.
  internal::add_order_counters(
      context_, store, amount.currency(),
      internal::CounterDelta{.refunded = amount.minor_units()});
  return refunded;
}

}  // namespace shopkit
