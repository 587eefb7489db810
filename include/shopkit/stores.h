// Value types of stores (the tenants) and their settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shopkit/export.h"
#include "shopkit/money.h"
#include "shopkit/types.h"

namespace shopkit {

// active: open to customers. suspended: hidden from the public and
// read-only for members until a super admin reactivates it. deleted:
// its file is in trash/ and only super admins see it.
enum class StoreStatus { active, suspended, deleted };

SHOPKIT_EXPORT std::string_view to_string(StoreStatus status);
// Raises invalid_argument naming `name` when it is not a status.
SHOPKIT_EXPORT StoreStatus store_status_from_string(std::string_view name);

struct Store {
  StoreId id;
  std::string handle;  // Unique on the platform; used in public URLs.
  std::string name;
  // Empty in answers to anonymous callers and customers
  // (StoreService::get_public_store).
  UserId owner_id;
  std::string currency;  // ISO 4217, for example "USD".
  std::string country;   // ISO 3166-1 alpha-2, for example "US".
  StoreStatus status = StoreStatus::active;
  Timestamp created_at;
  Timestamp updated_at;
};

// A store and the caller's role in it, from StoreService::list_my_stores.
struct StoreMembership {
  Store store;
  StoreRole role = StoreRole::owner;
};

struct CreateStoreRequest {
  std::string name;  // 1 to 255 characters.
  // 3 to 63 characters of a-z, 0-9 and '-', not starting or ending with
  // '-', and not a reserved word such as "admin", "api" or "www".
  std::string handle;
  std::string currency;  // An active ISO 4217 code, upper case.
  std::string country;   // Two upper-case letters (ISO 3166-1 alpha-2).
};

// Everything a member can change about a store.
struct StoreSettings {
  std::string name;
  std::string contact_email;  // Empty when none was set.
  // Changeable only while the store has no orders. Prices keep their
  // minor-unit amounts when it changes.
  std::string currency;
  std::string country;
  // Tax added at checkout on the subtotal, in basis points (825 is
  // 8.25%), 0 to 10000; the result is rounded half up to a minor unit.
  std::int64_t tax_rate_bps = 0;
  // Added once to every order; zero when none was set.
  Money flat_shipping;
};

// Input of a settings change: only the fields that are set change.
struct StoreSettingsUpdate {
  std::optional<std::string> name;
  std::optional<std::string> contact_email;  // "" clears it.
  std::optional<std::string> currency;
  std::optional<std::string> country;
  std::optional<std::int64_t> tax_rate_bps;
  std::optional<Money> flat_shipping;
};

}  // namespace shopkit
