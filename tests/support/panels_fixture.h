// A test platform with helpers to make signed-in users, stores and
// members through the real services, for the theme, admin and
// super-admin tests.
#pragma once

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "shopkit/shopkit.h"
#include "support/auth_helpers.h"
#include "support/test_support.h"

namespace shopkit::testing {

// Runs `call` and returns the shopkit::Error it raises; fails the test
// when it raises nothing.
template <typename Call>
Error error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  FAIL("the call did not raise");
  return Error(ErrorCode::internal, "the call did not raise");
}

template <typename Call>
ErrorCode error_code_of(Call&& call) {
  return error_of(std::forward<Call>(call)).code();
}

struct PanelsFixture {
  TempDir dir;
  TestPlatform test = open_test_platform(dir.path());
  Platform& platform = *test.platform;
  int users_made = 0;
  std::map<UserId, std::string> emails;

  // Registers a user with `role` (super admins through the auth helper)
  // and returns its signed-in principal. An empty email gets a unique
  // one.
  Principal make_user(PlatformRole role, std::string email = "") {
    if (email.empty()) {
      email = "user" + std::to_string(++users_made) + "@example.com";
    }
    Principal principal = role == PlatformRole::super_admin
                              ? testing::make_super_admin(platform, email)
                              : sign_up(platform, email, role);
    emails[principal.user_id()] = email;
    return principal;
  }

  Principal make_super_admin() { return make_user(PlatformRole::super_admin); }
  Principal make_merchant() { return make_user(PlatformRole::merchant); }

  StoreId make_store(const Principal& owner, const std::string& handle,
                     const std::string& currency = "USD") {
    return platform.stores()
        .create_store(owner, CreateStoreRequest{"Store " + handle, handle,
                                                currency, "US"})
        .id;
  }

  // Makes `member` a member of `store` with `role`, through the store's
  // first owner `owner`; owners are added as staff and then promoted.
  void add_member(const StoreId& store, const Principal& owner,
                  const Principal& member, StoreRole role) {
    const std::string& email = emails.at(member.user_id());
    if (role == StoreRole::owner) {
      platform.admin().add_member(owner, store, email, StoreRole::staff);
      platform.admin().change_member_role(owner, store, member.user_id(),
                                          StoreRole::owner);
    } else {
      platform.admin().add_member(owner, store, email, role);
    }
  }

  // Creates an active product with one variant `sku` priced `cents`.
  Product add_product(const Principal& owner, const StoreId& store,
                      const std::string& title, const std::string& sku,
                      std::int64_t cents, const std::string& currency = "USD") {
    ProductInput input;
    input.title = title;
    input.status = ProductStatus::active;
    VariantInput variant;
    variant.sku = sku;
    variant.price = Money(cents, currency);
    variant.stock = 100;
    input.variants.push_back(variant);
    return platform.admin().create_product(owner, store, input);
  }

  // Checks out `lines` as a guest buying with `email`, with a fresh
  // idempotency key.
  Order checkout(const std::string& store_handle,
                 std::vector<CheckoutLine> lines,
                 const std::string& email = "buyer@example.com",
                 const std::string& name = "Ann Buyer") {
    CheckoutRequest request;
    request.lines = std::move(lines);
    request.email = email;
    request.shipping_address = {name, "1 Main St",   "", "Springfield",
                                "IL", "62701",       "US", ""};
    request.idempotency_key = "key-" + std::to_string(++checkouts_made);
    return platform.stores().checkout(Principal::anonymous(), store_handle,
                                      request);
  }

  int checkouts_made = 0;
};

}  // namespace shopkit::testing
