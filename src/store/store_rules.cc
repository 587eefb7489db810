#include "store/store_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/text.h"
#include "shopkit/error.h"
#include "shopkit/money.h"
#include "store/slug.h"

namespace shopkit::internal {
namespace {

// Words that platform routes, hosts or support pages use, so a store
// handle cannot impersonate them in URLs or subdomains.
constexpr auto kReservedHandles = std::to_array<std::string_view>({
    "about",      "account",   "accounts",  "admin",    "administrator",
    "api",        "app",       "apps",      "assets",   "auth",
    "billing",    "blog",      "cart",      "cdn",      "checkout",
    "contact",    "css",       "dashboard", "dev",      "docs",
    "download",   "email",     "files",     "ftp",      "healthz",
    "help",       "images",    "img",       "internal", "js",
    "legal",      "login",     "logout",    "mail",     "media",
    "new",        "null",      "oauth",     "official", "password",
    "platform",   "privacy",   "register",  "root",     "security",
    "settings",   "shop",      "shopkit",   "signin",   "signup",
    "smtp",       "staging",   "static",    "status",   "store",
    "stores",     "super-admin", "superadmin", "support", "system",
    "terms",      "test",      "themes",    "undefined", "www",
});

Error invalid(const std::string& message, const std::string& field) {
  return Error(ErrorCode::invalid_argument, message, field);
}

}  // namespace

bool is_reserved_store_handle(std::string_view handle) {
  return std::find(kReservedHandles.begin(), kReservedHandles.end(), handle) !=
         kReservedHandles.end();
}

void validate_store_handle(std::string_view handle) {
  const std::string quoted = "'" + std::string(handle) + "'";
  if (handle.size() < 3 || handle.size() > 63) {
    throw invalid("store handle " + quoted +
                      " must be 3 to 63 characters long",
                  "handle");
  }
  const bool valid_characters =
      std::all_of(handle.begin(), handle.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
  if (!valid_characters) {
    throw invalid("store handle " + quoted +
                      " may contain only a-z, 0-9 and '-' (lower case)",
                  "handle");
  }
  if (handle.front() == '-' || handle.back() == '-') {
    throw invalid("store handle " + quoted +
                      " must not start or end with '-'",
                  "handle");
  }
  if (is_reserved_store_handle(handle)) {
    throw invalid("store handle " + quoted +
                      " is reserved for the platform; choose another",
                  "handle");
  }
}

std::string validate_store_name(std::string_view name) {
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front()))) {
    name.remove_prefix(1);
  }
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) {
    name.remove_suffix(1);
  }
  if (name.empty()) throw invalid("store name is empty", "name");
  require_utf8(name, "name");
  if (count_code_points(name) > 255) {
    throw invalid("store name is longer than 255 characters", "name");
  }
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (control) {
    throw invalid("store name must not contain control characters", "name");
  }
  return std::string(name);
}

void validate_store_currency(std::string_view currency,
                             std::string_view field) {
  if (!is_currency(currency)) {
    throw invalid("currency '" + std::string(currency) +
                      "' is not an active ISO 4217 code such as USD or EUR",
                  std::string(field));
  }
}

void validate_country(std::string_view country) {
  const bool valid = country.size() == 2 &&
                     std::all_of(country.begin(), country.end(),
                                 [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!valid) {
    throw invalid("country '" + std::string(country) +
                      "' must be an ISO 3166-1 alpha-2 code such as US",
                  "country");
  }
}

Store to_public_store(const storage::StoreRecord& record) {
  Store store;
  store.id = record.id;
  store.handle = record.handle;
  store.name = record.name;
  store.owner_id = record.owner_id;
  store.currency = record.currency;
  store.country = record.country;
  switch (record.status) {
    case storage::StoreStatus::active:
      store.status = StoreStatus::active;
      break;
    case storage::StoreStatus::suspended:
      store.status = StoreStatus::suspended;
      break;
    case storage::StoreStatus::deleted:
    case storage::StoreStatus::purged:
      store.status = StoreStatus::deleted;
      break;
  }
  store.created_at = record.created_at;
  store.updated_at = record.updated_at;
  return store;
}

}  // namespace shopkit::internal
