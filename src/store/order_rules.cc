#include "store/order_rules.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "auth/credentials.h"
#include "common/crypto.h"
#include "common/text.h"
#include "shopkit/error.h"
#include "storage/order_counters.h"

namespace shopkit::internal {
namespace {

Error invalid(const std::string& message, const std::string& field) {
  return Error(ErrorCode::invalid_argument, message, field);
}

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
}

void validate_address(const Address& address) {
  const std::pair<const char*, const std::string*> required[] = {
      {"shipping_address.name", &address.name},
      {"shipping_address.line1", &address.line1},
      {"shipping_address.city", &address.city},
      {"shipping_address.country", &address.country},
  };
  for (const auto& [field, value] : required) {
    if (trim(*value).empty()) {
      throw invalid(std::string(field) + " is missing", field);
    }
  }
  const std::pair<const char*, const std::string*> all[] = {
      {"shipping_address.name", &address.name},
      {"shipping_address.line1", &address.line1},
      {"shipping_address.line2", &address.line2},
      {"shipping_address.city", &address.city},
      {"shipping_address.region", &address.region},
      {"shipping_address.postal_code", &address.postal_code},
      {"shipping_address.country", &address.country},
      {"shipping_address.phone", &address.phone},
  };
  for (const auto& [field, value] : all) {
    require_utf8(*value, field);
    if (value->size() > 255 || has_control(*value)) {
      throw invalid(std::string(field) +
                        " must be at most 255 bytes without control "
                        "characters",
                    field);
    }
  }
  const std::string& country = address.country;
  const bool country_code =
      country.size() == 2 && std::all_of(country.begin(), country.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
      });
  if (!country_code) {
    throw invalid("shipping_address.country '" + country +
                      "' must be an ISO 3166-1 alpha-2 code such as US",
                  "shipping_address.country");
  }
}

}  // namespace

void validate_email(std::string_view email, std::string_view field) {
  try {
    check_email(email);
  } catch (const Error& error) {
    throw Error(error.code(), error.what(), std::string(field));
  }
}

void validate_checkout(const CheckoutRequest& request) {
  if (request.lines.empty()) {
    throw invalid("a checkout needs at least one line", "lines");
  }
  if (request.lines.size() > kMaxCheckoutLines) {
    throw invalid("a checkout may have at most " +
                      std::to_string(kMaxCheckoutLines) + " lines, got " +
                      std::to_string(request.lines.size()),
                  "lines");
  }
  std::set<std::string> skus;
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const CheckoutLine& line = request.lines[i];
    const std::string field = "lines[" + std::to_string(i) + "]";
    if (line.sku.empty()) throw invalid(field + ".sku is missing", field + ".sku");
    if (!skus.insert(line.sku).second) {
      throw invalid("SKU '" + line.sku +
                        "' appears on two lines; put its whole quantity on one",
                    field + ".sku");
    }
    if (line.quantity < 1 || line.quantity > kMaxLineQuantity) {
      throw invalid(field + ".quantity must be 1 to " +
                        std::to_string(kMaxLineQuantity) + ", got " +
                        std::to_string(line.quantity),
                    field + ".quantity");
    }
  }
  validate_email(request.email, "email");
  validate_address(request.shipping_address);

  const std::string& key = request.idempotency_key;
  const bool printable = std::all_of(key.begin(), key.end(), [](char c) {
    return c >= 0x21 && c <= 0x7E;
  });
  if (key.empty() || key.size() > 255 || !printable) {
    throw invalid("idempotency_key must be 1 to 255 printable ASCII "
                  "characters without spaces; send a fresh random value per "
                  "checkout and reuse it only for retries",
                  "idempotency_key");
  }
}

std::string checkout_request_hash(const CheckoutRequest& request,
                                  const Principal& principal) {
  nlohmann::json lines = nlohmann::json::array();
  for (const CheckoutLine& line : request.lines) {
    lines.push_back({line.sku, line.quantity});
  }
  const Address& address = request.shipping_address;
  const nlohmann::json canonical = {
      {"user", principal.user_id().str()},
      {"email", normalize_email(request.email)},
      {"lines", lines},
      {"address",
       {address.name, address.line1, address.line2, address.city,
        address.region, address.postal_code, address.country, address.phone}},
  };
  return sha256(canonical.dump());
}

std::string checkout_buyer_scope(const CheckoutRequest& request,
                                 const Principal& principal) {
  if (!principal.is_anonymous()) return "user:" + principal.user_id().str();
  return "email:" + normalize_email(request.email);
}

std::int64_t tax_for(std::int64_t subtotal, std::int64_t rate_bps) {
  // Split the subtotal so that no product overflows: with rate_bps at
  // most 10000, whole * rate_bps is at most subtotal.
  const std::int64_t whole = subtotal / 10000;
  const std::int64_t rest = subtotal % 10000;
  return whole * rate_bps + (rest * rate_bps + 5000) / 10000;
}

void add_order_counters(Context& context, const StoreId& store,
                        const std::string& currency,
                        const CounterDelta& delta) {
  try {
    context.storage->write_platform(
        [&](storage::PlatformRepositories& platform) {
          platform.order_counters().add(storage::OrderCounters{
              store, currency, delta.orders, delta.paid_orders, delta.revenue,
              delta.refunded});
        });
  } catch (const Error& error) {
    context.log.error("order counters of store " + store.str() +
                      " not updated: " + error.what());
  }
}

std::string encode_number_cursor(std::string_view kind, std::int64_t number) {
  return base64url_encode(std::string(kind) + ":" + std::to_string(number));
}

std::int64_t decode_number_cursor(std::string_view kind,
                                  std::string_view cursor) {
  std::string text;
  const std::string prefix = std::string(kind) + ":";
  const bool decoded = base64url_decode(cursor, text);
  const bool valid =
      decoded && text.rfind(prefix, 0) == 0 && text.size() > prefix.size() &&
      text.size() <= prefix.size() + 18 &&
      std::all_of(text.begin() + static_cast<long>(prefix.size()), text.end(),
                  [](char c) { return c >= '0' && c <= '9'; });
  if (!valid) {
    throw invalid("cursor is not a cursor of this list; pass next_cursor of "
                  "the previous page unchanged",
                  "cursor");
  }
  return std::stoll(text.substr(prefix.size()));
}

}  // namespace shopkit::internal
