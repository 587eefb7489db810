// Value types of checkout and orders.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/types.h"

namespace shopkit {

// pending -> paid -> fulfilled; pending or paid -> cancelled.
enum class OrderStatus { pending, paid, fulfilled, cancelled };

SHOPKIT_EXPORT std::string_view to_string(OrderStatus status);
// Raises invalid_argument naming `name` when it is not a status.
SHOPKIT_EXPORT OrderStatus order_status_from_string(std::string_view name);

struct Address {
  std::string name;         // Required.
  std::string line1;        // Required.
  std::string line2;
  std::string city;         // Required.
  std::string region;       // State, province or county.
  std::string postal_code;
  std::string country;      // Required, ISO 3166-1 alpha-2.
  std::string phone;
};

struct CheckoutLine {
  std::string sku;
  std::int64_t quantity = 0;  // 1 to kMaxLineQuantity.
};

// The maximum quantity of one SKU in one order.
inline constexpr std::int64_t kMaxLineQuantity = 1000;
// The maximum number of lines in one order.
inline constexpr std::size_t kMaxCheckoutLines = 100;

struct CheckoutRequest {
  std::vector<CheckoutLine> lines;  // Each SKU at most once.
  std::string email;                // Required, also for signed-in callers.
  Address shipping_address;
  // Required, 1 to 255 printable ASCII characters. A retry with the same
  // key and the same request returns the first order.
  std::string idempotency_key;
};

// An order line keeps copies of what was bought, so later catalog edits
// or deletes never change it.
struct OrderLine {
  ProductId product_id;
  VariantId variant_id;
  std::string sku;
  std::string title;          // The product title at checkout.
  std::string variant_title;  // Option values joined by " / ".
  Money unit_price;
  std::int64_t quantity = 0;
  Money line_total;
};

struct Refund {
  std::string id;
  Money amount;
  std::string reason;
  std::optional<UserId> actor_id;
  Timestamp created_at;
};

struct Order {
  OrderId id;
  std::int64_t number = 0;  // 1, 2, 3, ... per store, with no gaps.
  OrderStatus status = OrderStatus::pending;
  CustomerId customer_id;
  std::optional<UserId> user_id;  // Empty for guest checkouts.
  std::string email;
  std::vector<OrderLine> lines;
  Money subtotal;
  Money shipping;
  Money tax;
  Money total;
  Money refunded;  // Sum of refunds; never above total.
  std::vector<Refund> refunds;
  Address shipping_address;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Timestamp> paid_at;
  std::optional<Timestamp> fulfilled_at;
  std::optional<Timestamp> cancelled_at;
};

// A members' order list query.
struct OrderQuery {
  std::optional<OrderStatus> status;
  int limit = 50;  // 1 to 200.
  std::string cursor;
};

}  // namespace shopkit
