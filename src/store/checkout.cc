// StoreService::checkout: one store transaction writes the order, its
// lines, the stock changes with their ledger rows and the idempotency
// key, so concurrent checkouts can never oversell.
#include <algorithm>
#include <map>

#include "common/context.h"
#include "shopkit/store_service.h"
#include "storage/catalog_repository.h"
#include "storage/customer_repository.h"
#include "storage/inventory_repository.h"
#include "storage/order_repository.h"
#include "store/order_rules.h"
#include "store/public_store.h"
#include "store/store_access.h"
#include "store/store_settings.h"

namespace shopkit {
namespace {

struct CheckoutResult {
  Order order;
  bool replayed = false;  // An earlier checkout with the same key.
};

// Returns the customer for `email`, creating it on the first checkout
// and linking it to the signed-in user when it has no user yet.
CustomerId customer_for(storage::StoreRepositories& repositories,
                        const std::string& email, const std::string& name,
                        const Principal& principal,
                        internal::Context& context) {
  std::optional<storage::CustomerRecord> customer =
      repositories.customers().find_by_email(email);
  if (!customer) {
    storage::CustomerRecord record;
    record.id = CustomerId(context.new_id("cus"));
    record.email = email;
    record.name = name;
    if (!principal.is_anonymous()) record.user_id = principal.user_id();
    record.created_at = context.now();
    record.updated_at = record.created_at;
    repositories.customers().insert(record);
    return record.id;
  }
  const bool link_user = !customer->user_id && !principal.is_anonymous();
  const bool add_name = customer->name.empty() && !name.empty();
  if (link_user || add_name) {
    if (link_user) customer->user_id = principal.user_id();
    if (add_name) customer->name = name;
    customer->updated_at = context.now();
    repositories.customers().update(*customer);
  }
  return customer->id;
}

std::string join_options(const std::vector<std::string>& options) {
  std::string out;
  for (const std::string& option : options) {
    if (!out.empty()) out += " / ";
    out += option;
  }
  return out;
}

// Prices every line from the store's own data and checks stock. Raises
// invalid_argument for a SKU that is not for sale and conflict naming
// the SKU and the available quantity when stock is short.
std::vector<std::pair<OrderLine, storage::SellableVariant>> price_lines(
    storage::StoreRepositories& repositories, const CheckoutRequest& request,
    const std::string& currency) {
  std::vector<std::pair<OrderLine, storage::SellableVariant>> lines;
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const CheckoutLine& input = request.lines[i];
    const std::string field = "lines[" + std::to_string(i) + "]";
    std::optional<storage::SellableVariant> variant =
        repositories.catalog().find_variant_by_sku(input.sku);
    // A draft or archived product raises the same error as a missing
    // one, so the public cannot learn about unpublished products.
    if (!variant || variant->product_status != ProductStatus::active) {
      throw Error(ErrorCode::invalid_argument,
                  "SKU '" + input.sku + "' is not for sale in this store",
                  field + ".sku");
    }
    if (!variant->allow_backorder && variant->stock < input.quantity) {
      throw Error(ErrorCode::conflict,
                  "SKU '" + input.sku + "': " +
                      std::to_string(input.quantity) +
                      " requested but only " +
                      std::to_string(std::max<std::int64_t>(variant->stock, 0)) +
                      " available",
                  field + ".quantity");
    }
    OrderLine line;
    line.product_id = variant->product_id;
    line.variant_id = variant->id;
    line.sku = variant->sku;
    line.title = variant->product_title;
    line.variant_title = join_options(variant->options);
    line.unit_price = Money(variant->price, currency);
    line.quantity = input.quantity;
    line.line_total = line.unit_price.times(input.quantity);
    lines.emplace_back(std::move(line), std::move(*variant));
  }
  return lines;
}

// Takes the ordered units from stock, with a ledger row per line.
void take_stock(storage::StoreRepositories& repositories, const Order& order,
                const std::vector<std::pair<OrderLine, storage::SellableVariant>>&
                    lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const OrderLine& line = lines[i].first;
    std::optional<std::int64_t> stock_after =
        repositories.inventory().add(line.variant_id, -line.quantity);
    if (!stock_after) {
      // price_lines checked the stock in this same transaction.
      throw Error(ErrorCode::internal,
                  "stock of SKU '" + line.sku + "' changed during checkout");
    }
    LedgerEntry entry;
    entry.variant_id = line.variant_id;
    entry.sku = line.sku;
    entry.delta = -line.quantity;
    entry.stock_after = *stock_after;
    entry.reason = "order";
    entry.order_id = order.id;
    entry.actor_id = order.user_id;
    entry.created_at = order.created_at;
    repositories.inventory().append(entry);
    repositories.catalog().refresh_summary(line.product_id);
  }
}

}  // namespace

Order StoreService::checkout(const Principal& principal,
                             std::string_view store_handle,
                             const CheckoutRequest& request) {
  internal::validate_checkout(request);
  const internal::PublicStore store =
      internal::find_public_store(context_, principal, store_handle);
  const std::string request_hash =
      internal::checkout_request_hash(request, principal);
  const std::string buyer = internal::checkout_buyer_scope(request, principal);

  CheckoutResult result = context_.storage->write_store(
      store.record.id, [&](storage::StoreRepositories& repositories) {
        // A key this buyer used before returns its order when the request
        // is the same. Another buyer's use of the key does not count.
        if (auto known = repositories.orders().find_idempotency_key(
                buyer, request.idempotency_key)) {
          if (known->request_hash != request_hash) {
            throw Error(ErrorCode::conflict,
                        "idempotency key '" + request.idempotency_key +
                            "' was already used for a different checkout; "
                            "use a new key for a new order",
                        "idempotency_key");
          }
          std::optional<Order> order = repositories.orders().find(known->order_id);
          if (!order) {
            throw Error(ErrorCode::internal,
                        "order " + known->order_id.str() +
                            " of an idempotency key is missing");
          }
          return CheckoutResult{std::move(*order), true};
        }

        const StoreSettings settings =
            internal::read_store_settings(repositories, store.record);
        auto lines = price_lines(repositories, request, settings.currency);

        Order order;
        order.id = OrderId(context_.new_id("ord"));
        order.number = repositories.orders().next_number();
        order.status = OrderStatus::pending;
        if (!principal.is_anonymous()) order.user_id = principal.user_id();
        order.email = internal::normalize_email(request.email);
        order.customer_id =
            customer_for(repositories, order.email,
                         std::string(internal::trim(request.shipping_address.name)),
                         principal, context_);
        order.subtotal = Money(0, settings.currency);
        for (auto& [line, variant] : lines) {
          order.subtotal = order.subtotal.plus(line.line_total);
          order.lines.push_back(line);
        }
        order.shipping = settings.flat_shipping;
        order.tax = Money(internal::tax_for(order.subtotal.minor_units(),
                                            settings.tax_rate_bps),
                          settings.currency);
        order.total = order.subtotal.plus(order.shipping).plus(order.tax);
        order.refunded = Money(0, settings.currency);
        order.shipping_address = request.shipping_address;
        order.created_at = context_.now();
        order.updated_at = order.created_at;

        repositories.orders().insert(order);
        take_stock(repositories, order, lines);
        repositories.orders().insert_idempotency_key(
            buyer, request.idempotency_key,
            storage::IdempotencyRecord{request_hash, order.id},
            order.created_at);
        return CheckoutResult{std::move(order), false};
      });

  if (!result.replayed) {
    // NOTE: the order is committed in the store's file and the counter in
    // platform.db. A crash between the two commits leaves the platform
    // counters one order short until a reconcile recounts the file.
    internal::add_order_counters(context_, store.record.id,
                                 result.order.total.currency(),
                                 internal::CounterDelta{.orders = 1});
    context_.log.info("order " + result.order.id.str() + " number " +
                      std::to_string(result.order.number) + " placed in store " +
                      store.record.id.str());
  }
  return std::move(result.order);
}

}  // namespace shopkit
