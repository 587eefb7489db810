// A store with a few active products, and checkout requests for it.
#pragma once

#include <string>

#include "store_fixture.h"

namespace shopkit::testing {

inline Address test_address() {
  return Address{"Ann Buyer", "1 Main St", "", "Springfield", "IL", "62701",
                 "US", ""};
}

inline CheckoutRequest checkout_request(std::vector<CheckoutLine> lines,
                                        std::string key,
                                        std::string email = "buyer@example.com") {
  CheckoutRequest request;
  request.lines = std::move(lines);
  request.email = std::move(email);
  request.shipping_address = test_address();
  request.idempotency_key = std::move(key);
  return request;
}

// A store "market" owned by `owner` with MUG (12.00, 5 in stock), TEE
// (20.00, 10 in stock) and CAP (7.50, 3 in stock).
struct ShopFixture : StoreFixture {
  Principal owner = user();
  StoreId shop = store(owner, "market");
  Product mug = admin().create_product(owner, shop,
                                       simple_product("Mug", "MUG", 1200, 5));
  Product tee = admin().create_product(owner, shop,
                                       simple_product("Tee", "TEE", 2000, 10));
  Product cap = admin().create_product(owner, shop,
                                       simple_product("Cap", "CAP", 750, 3));

  Order buy(std::vector<CheckoutLine> lines, const std::string& key,
            const Principal& buyer = Principal::anonymous()) {
    return stores().checkout(buyer, "market", checkout_request(lines, key));
  }

  std::int64_t stock(const std::string& sku) {
    return admin().get_stock(owner, shop, sku).stock;
  }
};

}  // namespace shopkit::testing
