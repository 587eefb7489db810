// A test platform with helpers to make signed-in users, stores and
// products, for the tests of stores, the catalog and orders.
#pragma once

#include <string>

#include "shopkit/admin_service.h"
#include "shopkit/store_service.h"
#include "support/auth_helpers.h"
#include "support/test_support.h"

namespace shopkit::testing {

struct StoreFixture {
  TempDir dir;
  TestPlatform test = open_test_platform(dir.path());

  Platform& platform() { return *test.platform; }
  StoreService& stores() { return test.platform->stores(); }
  AdminService& admin() { return test.platform->admin(); }

  // Registers a new user with `role` and returns its signed-in
  // principal. Each call uses a fresh email address.
  Principal user(PlatformRole role = PlatformRole::merchant) {
    return sign_up(platform(),
                   "user" + std::to_string(++users_) + "@example.com", role);
  }

  int users_ = 0;

  StoreId store(const Principal& owner, const std::string& handle,
                const std::string& currency = "USD") {
    return stores()
        .create_store(owner, CreateStoreRequest{"Store " + handle, handle,
                                                currency, "US"})
        .id;
  }
};

// A one-variant product input.
inline ProductInput simple_product(const std::string& title,
                                   const std::string& sku,
                                   std::int64_t price_minor = 1000,
                                   std::int64_t stock = 10,
                                   const std::string& currency = "USD") {
  ProductInput input;
  input.title = title;
  input.status = ProductStatus::active;
  VariantInput variant;
  variant.sku = sku;
  variant.price = Money(price_minor, currency);
  variant.stock = stock;
  input.variants.push_back(variant);
  return input;
}

}  // namespace shopkit::testing
