// The cache of store rows and memberships behind the rights checks. A
// change made through the same Platform applies to the next call. A
// second Platform on the same folder plays another process, and reads
// the change once AuthOptions::session_cache_ttl has passed.
#include <doctest/doctest.h>

#include <chrono>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::StoreRole;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

struct AccessFixture : PanelsFixture {
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "corner-shop");
  shopkit::Product product = add_product(owner, store, "Mug", "MUG-1", 1200);

  // A staff member whose rights check is cached by a first call.
  shopkit::Principal cached_staff() {
    shopkit::Principal clerk = make_merchant();
    add_member(store, owner, clerk, StoreRole::staff);
    platform.admin().get_settings(clerk, store);
    return clerk;
  }
};

}  // namespace

TEST_CASE("removed member loses access at once after a cached check") {
  AccessFixture f;
  auto clerk = f.cached_staff();
  f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(clerk, f.store);
        }) == ErrorCode::not_found);
}

TEST_CASE("demoted member loses a right at once after a cached check") {
  AccessFixture f;
  auto editor = f.make_merchant();
  f.add_member(f.store, f.owner, editor, StoreRole::manager);
  f.add_product(editor, f.store, "Cup", "CUP-1", 900);
  f.platform.admin().change_member_role(f.owner, f.store, editor.user_id(),
                                        StoreRole::staff);
  CHECK(error_code_of([&] {
          f.add_product(editor, f.store, "Bowl", "BOWL-1", 900);
        }) == ErrorCode::permission_denied);
}

TEST_CASE("suspended store rejects writes at once") {
  AccessFixture f;
  auto admin = f.make_super_admin();
  CHECK(f.platform.stores()
            .get_product(shopkit::Principal::anonymous(), "corner-shop",
                         f.product.handle)
            .id == f.product.id);
  f.add_product(f.owner, f.store, "Cup", "CUP-1", 900);

  f.platform.super_admin().suspend_store(admin, f.store, "unpaid fees");
  CHECK(error_code_of([&] {
          f.add_product(f.owner, f.store, "Bowl", "BOWL-1", 900);
        }) == ErrorCode::failed_precondition);
  CHECK(error_code_of([&] {
          f.platform.stores().get_product(shopkit::Principal::anonymous(),
                                          "corner-shop", f.product.handle);
        }) == ErrorCode::not_found);
  // Members keep read access to a suspended store.
  CHECK(f.platform.admin().get_settings(f.owner, f.store).currency == "USD");
}

TEST_CASE("new member is seen at once after a cached refusal") {
  AccessFixture f;
  auto clerk = f.make_merchant();
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(clerk, f.store);
        }) == ErrorCode::not_found);
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);
  CHECK(f.platform.admin().get_settings(clerk, f.store).currency == "USD");
}

TEST_CASE("drafts view follows membership at once") {
  AccessFixture f;
  shopkit::ProductInput draft;
  draft.title = "Secret";
  draft.status = shopkit::ProductStatus::draft;
  shopkit::VariantInput variant;
  variant.sku = "SECRET-1";
  variant.price = shopkit::Money(500, "USD");
  draft.variants.push_back(variant);
  auto hidden = f.platform.admin().create_product(f.owner, f.store, draft);
  auto clerk = f.cached_staff();
  CHECK(
      f.platform.stores().get_product(clerk, "corner-shop", hidden.handle).id ==
      hidden.id);
  f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
  CHECK(error_code_of([&] {
          f.platform.stores().get_product(clerk, "corner-shop", hidden.handle);
        }) == ErrorCode::not_found);
}

TEST_CASE("another process's member removal applies after the cache ttl") {
  AccessFixture f;
  auto clerk = f.cached_staff();
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  other.platform->admin().get_settings(clerk, f.store);  // Cached there.

  f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(clerk, f.store);
        }) == ErrorCode::not_found);
  // Within session_cache_ttl the other process may still allow it.
  CHECK_NOTHROW(other.platform->admin().get_settings(clerk, f.store));
  other.clock->advance(std::chrono::milliseconds(1000));
  CHECK(error_code_of([&] {
          other.platform->admin().get_settings(clerk, f.store);
        }) == ErrorCode::not_found);
}

TEST_CASE("another process's suspension applies after the cache ttl") {
  AccessFixture f;
  auto admin = f.make_super_admin();
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  auto& other_stores = other.platform->stores();
  other_stores.get_product(shopkit::Principal::anonymous(), "corner-shop",
                           f.product.handle);  // Cached there.

  f.platform.super_admin().suspend_store(admin, f.store);
  CHECK_NOTHROW(other_stores.get_product(shopkit::Principal::anonymous(),
                                         "corner-shop", f.product.handle));
  other.clock->advance(std::chrono::milliseconds(1000));
  CHECK(error_code_of([&] {
          other_stores.get_product(shopkit::Principal::anonymous(),
                                   "corner-shop", f.product.handle);
        }) == ErrorCode::not_found);
}

TEST_CASE("zero cache ttl checks platform.db on every call") {
  AccessFixture f;
  auto clerk = f.cached_staff();
  auto options = shopkit::testing::test_options(f.dir.path());
  options.auth.session_cache_ttl = std::chrono::milliseconds(0);
  auto other = shopkit::Platform::open(options);
  other->admin().get_settings(clerk, f.store);
  f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
  CHECK(error_code_of([&] { other->admin().get_settings(clerk, f.store); }) ==
        ErrorCode::not_found);
}

TEST_CASE("unrelated platform writes keep cached rows") {
  AccessFixture f;
  auto clerk = f.cached_staff();
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  // Removed by another process, so here only the ttl ends the entry.
  other.platform->admin().remove_member(f.owner, f.store, clerk.user_id());

  f.make_merchant();  // A sign-up and a login write users and sessions.
  f.checkout("corner-shop", {{"MUG-1", 1}});  // Writes order counters.
  CHECK_NOTHROW(f.platform.admin().get_settings(clerk, f.store));

  f.test.clock->advance(std::chrono::milliseconds(1000));
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(clerk, f.store);
        }) == ErrorCode::not_found);
}
