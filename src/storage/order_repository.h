// Orders, order lines, refunds and idempotency keys, in a store file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/orders.h"
#include "shopkit/types.h"

namespace shopkit::storage {

// A checkout idempotency key as stored: the hash of the request that
// first used it and the order that request made.
struct IdempotencyRecord {
  std::string request_hash;
  OrderId order_id;
};

// Orders newest first (by number). Each set filter must match.
struct OrderListQuery {
  std::optional<OrderStatus> status;
  std::optional<UserId> user_id;
  std::optional<CustomerId> customer_id;
  std::int64_t before_number = 0;  // 0: start at the newest order.
  int limit = 50;
};

class OrderRepository {
 public:
  virtual ~OrderRepository() = default;

  // The number the next order gets: one more than the largest so far.
  // Inside a write transaction no other writer can take it.
  virtual std::int64_t next_number() = 0;

  // Inserts the order with its lines (its refunds must be empty).
  virtual void insert(const Order& order) = 0;

  // The order with its lines and refunds.
  virtual std::optional<Order> find(const OrderId& id) = 0;

  // Writes status, refunded, updated_at, paid_at, fulfilled_at and
  // cancelled_at.
  virtual void update_state(const Order& order) = 0;

  virtual void insert_refund(const OrderId& order, const Refund& refund) = 0;

  virtual std::vector<Order> list(const OrderListQuery& query) = 0;

  // True when the store has at least one order.
  virtual bool any() = 0;

  // Idempotency keys are scoped to a buyer (checkout_buyer_scope() in
  // store/order_rules.h), so two buyers may use the same key.
  virtual std::optional<IdempotencyRecord> find_idempotency_key(
      std::string_view buyer, std::string_view key) = 0;
  virtual void insert_idempotency_key(std::string_view buyer,
                                      std::string_view key,
                                      const IdempotencyRecord& record,
                                      Timestamp created_at) = 0;
};

}  // namespace shopkit::storage
