// The access cache against store lifecycle changes (delete, restore,
// purge, reactivation), an owner handover, super admins who are not
// members, anonymous and signed-in callers on one handle, unknown
// handles, and membership changes racing reads on other threads.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::Principal;
using shopkit::StoreRole;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

struct LifecycleFixture : PanelsFixture {
  Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "lifecycle-shop");
  shopkit::Product product = add_product(owner, store, "Mug", "MUG-1", 1200);

  shopkit::Product add_draft(const std::string& title, const std::string& sku) {
    shopkit::ProductInput input;
    input.title = title;
    input.status = shopkit::ProductStatus::draft;
    shopkit::VariantInput variant;
    variant.sku = sku;
    variant.price = shopkit::Money(500, "USD");
    input.variants.push_back(variant);
    return platform.admin().create_product(owner, store, input);
  }

  ErrorCode public_product_error(const Principal& caller,
                                 const std::string& handle) {
    return error_code_of([&] {
      platform.stores().get_product(caller, "lifecycle-shop", handle);
    });
  }
};

shopkit::StoreSettingsUpdate rename_to(const std::string& name) {
  shopkit::StoreSettingsUpdate update;
  update.name = name;
  return update;
}

}  // namespace

TEST_CASE("owner handover applies to cached owner at once") {
  LifecycleFixture f;
  auto heir = f.make_merchant();
  f.add_member(f.store, f.owner, heir, StoreRole::owner);
  f.platform.admin().update_settings(f.owner, f.store, rename_to("One"));

  f.platform.admin().change_member_role(heir, f.store, f.owner.user_id(),
                                        StoreRole::staff);
  CHECK(error_code_of([&] {
          f.platform.admin().update_settings(f.owner, f.store,
                                             rename_to("Two"));
        }) == ErrorCode::permission_denied);
}

TEST_CASE("deleted store hides at once and restore returns it") {
  LifecycleFixture f;
  auto admin = f.make_super_admin();
  f.platform.admin().get_settings(f.owner, f.store);
  f.platform.stores().get_product(Principal::anonymous(), "lifecycle-shop",
                                  f.product.handle);

  f.platform.super_admin().delete_store(admin, f.store);
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(f.owner, f.store);
        }) == ErrorCode::not_found);
  CHECK(f.public_product_error(Principal::anonymous(), f.product.handle) ==
        ErrorCode::not_found);

  f.platform.super_admin().restore_store(admin, f.store);
  CHECK(f.platform.admin().get_settings(f.owner, f.store).currency == "USD");
  CHECK(f.platform.stores()
            .get_product(Principal::anonymous(), "lifecycle-shop",
                         f.product.handle)
            .id == f.product.id);
}

TEST_CASE("purged store stays hidden from its cached owner") {
  LifecycleFixture f;
  auto admin = f.make_super_admin();
  f.platform.admin().get_settings(f.owner, f.store);
  f.platform.super_admin().delete_store(admin, f.store);
  f.test.clock->advance(std::chrono::hours(31 * 24));

  CHECK(f.platform.super_admin().purge_deleted_stores(admin).size() == 1);
  CHECK(error_code_of([&] {
          f.platform.admin().get_settings(f.owner, f.store);
        }) == ErrorCode::not_found);
}

TEST_CASE("reactivated store shows its catalog at once") {
  LifecycleFixture f;
  auto admin = f.make_super_admin();
  f.platform.super_admin().suspend_store(admin, f.store, "unpaid fees");
  CHECK(f.public_product_error(Principal::anonymous(), f.product.handle) ==
        ErrorCode::not_found);

  f.platform.super_admin().reactivate_store(admin, f.store);
  CHECK(f.platform.stores()
            .get_product(Principal::anonymous(), "lifecycle-shop",
                         f.product.handle)
            .id == f.product.id);
}

TEST_CASE("super admin non-member gets view rights only") {
  LifecycleFixture f;
  auto admin = f.make_super_admin();
  CHECK(f.platform.admin().get_settings(admin, f.store).currency == "USD");
  CHECK(error_code_of([&] {
          f.platform.admin().update_settings(admin, f.store, rename_to("X"));
        }) == ErrorCode::not_found);

  f.add_member(f.store, f.owner, admin, StoreRole::manager);
  CHECK(f.platform.admin()
            .update_settings(admin, f.store, rename_to("Managed"))
            .name == "Managed");
}

TEST_CASE("member and anonymous entries of one handle stay apart") {
  LifecycleFixture f;
  auto draft = f.add_draft("Secret", "SECRET-1");
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);

  CHECK(f.public_product_error(Principal::anonymous(), draft.handle) ==
        ErrorCode::not_found);
  CHECK(f.platform.stores()
            .get_product(clerk, "lifecycle-shop", draft.handle)
            .id == draft.id);
  CHECK(f.public_product_error(Principal::anonymous(), draft.handle) ==
        ErrorCode::not_found);
  auto stranger = f.make_merchant();
  CHECK(f.public_product_error(stranger, draft.handle) == ErrorCode::not_found);
}

TEST_CASE("unknown handle is not cached by another process") {
  LifecycleFixture f;
  auto other = shopkit::testing::open_test_platform(f.dir.path());
  CHECK(error_code_of([&] {
          other.platform->stores().get_public_store("late-shop");
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          other.platform->stores().get_product(Principal::anonymous(),
                                               "late-shop", "mug");
        }) == ErrorCode::not_found);

  auto late = f.make_store(f.owner, "late-shop");
  f.add_product(f.owner, late, "Mug", "MUG-2", 1200);
  // No clock advance: a miss must not have been kept.
  CHECK(other.platform->stores()
            .get_product(Principal::anonymous(), "late-shop", "mug")
            .title == "Mug");
}

// Readers on several threads call get_store as a staff member while the
// main thread removes and adds that member in turns. The phase is odd
// while a change runs. A call that starts and ends within one settled
// phase must see that phase's membership.
TEST_CASE("membership changes reach every reader thread at once") {
  LifecycleFixture f;
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);

  std::atomic<int> phase{0};  // 0 mod 4: a member. 2 mod 4: removed.
  std::atomic<bool> stop{false};
  std::atomic<int> stale_allowed{0};
  std::atomic<int> stale_refused{0};
  std::atomic<int> calls{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop.load()) {
        const int before = phase.load();
        bool allowed = true;
        try {
          f.platform.stores().get_store(clerk, f.store);
        } catch (const shopkit::Error&) {
          allowed = false;
        }
        const int after = phase.load();
        calls.fetch_add(1);
        if (before != after) continue;
        if (before % 4 == 2 && allowed) stale_allowed.fetch_add(1);
        if (before % 4 == 0 && !allowed) stale_refused.fetch_add(1);
      }
    });
  }

  for (int round = 0; round < 100; ++round) {
    phase.fetch_add(1);
    f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
    phase.fetch_add(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    phase.fetch_add(1);
    f.add_member(f.store, f.owner, clerk, StoreRole::staff);
    phase.fetch_add(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  stop.store(true);
  for (auto& reader : readers) reader.join();

  CHECK(calls.load() > 50);
  CHECK(stale_allowed.load() == 0);
  CHECK(stale_refused.load() == 0);
}
