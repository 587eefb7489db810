// Checks of checkout input, the request hash behind idempotency keys,
// tax arithmetic and the platform's order counters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/credentials.h"
#include "common/context.h"
#include "shopkit/orders.h"

namespace shopkit::internal {

// Checks the shape of `email` with the rules of registration
// (check_email) and raises invalid_argument naming `field`. Customers
// are keyed by normalize_email() of the same header.
void validate_email(std::string_view email, std::string_view field);

// Checks every field of `request` before any data is read. Raises
// invalid_argument naming the field: no lines, more than
// kMaxCheckoutLines, an empty or repeated SKU, a quantity below 1 or
// above kMaxLineQuantity, a bad email, a missing address field, or a
// missing or malformed idempotency key.
void validate_checkout(const CheckoutRequest& request);

// Returns a SHA-256 digest of everything that defines a checkout: the
// buyer (user id, or none), email, lines and address. A retry with the
// same key must have the same digest.
std::string checkout_request_hash(const CheckoutRequest& request,
                                  const Principal& principal);

// Returns the buyer that scopes an idempotency key: "user:<user id>" for
// a signed-in buyer, "email:<normalized email>" for a guest. The same
// key from two buyers names two checkouts.
std::string checkout_buyer_scope(const CheckoutRequest& request,
                                 const Principal& principal);

// Returns subtotal * rate_bps / 10000 rounded half up, in minor units,
// for a subtotal of at least 0 and a rate of 0 to 10000.
std::int64_t tax_for(std::int64_t subtotal, std::int64_t rate_bps);

// Deltas for the platform's per-store order counters.
struct CounterDelta {
  std::int64_t orders = 0;
  std::int64_t paid_orders = 0;
  std::int64_t revenue = 0;
  std::int64_t refunded = 0;
};

// Adds `delta` to the store's counters in platform.db. Called right
// after the store file's commit; a failure is logged, not raised,
// because the order itself is already committed.
void add_order_counters(Context& context, const StoreId& store,
                        const std::string& currency,
                        const CounterDelta& delta);

// Opaque cursors of lists ordered by a number (orders by number, the
// ledger by seq): `kind` names the list and `number` is the last item
// shown.
std::string encode_number_cursor(std::string_view kind, std::int64_t number);
// Raises invalid_argument (field "cursor") for a malformed cursor or one
// of another kind of list.
std::int64_t decode_number_cursor(std::string_view kind,
                                  std::string_view cursor);

}  // namespace shopkit::internal
