#include <doctest/doctest.h>

#include <string>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::StoreRole;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

struct MembersFixture : PanelsFixture {
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "corner-shop");
  shopkit::AdminService& admin = platform.admin();

  StoreRole role_of(const shopkit::Principal& user) {
    for (const auto& member : admin.list_members(owner, store)) {
      if (member.user_id == user.user_id()) return member.role;
    }
    FAIL("user is not a member");
    return StoreRole::staff;
  }
};

}  // namespace

TEST_CASE("owner adds a member by email") {
  MembersFixture f;
  auto clerk =
      f.make_user(shopkit::PlatformRole::customer, "clerk@example.com");
  f.test.clock->advance(std::chrono::seconds(1));
  auto added = f.admin.add_member(f.owner, f.store, " Clerk@Example.com ",
                                  StoreRole::staff);
  CHECK(added.user_id == clerk.user_id());
  CHECK(added.email == "clerk@example.com");
  CHECK(added.role == StoreRole::staff);
  auto members = f.admin.list_members(f.owner, f.store);
  REQUIRE(members.size() == 2);
  CHECK(members[0].role == StoreRole::owner);
  CHECK(members[1].user_id == clerk.user_id());
}

TEST_CASE("add member rejects unknown email and owner role") {
  MembersFixture f;
  auto other = f.make_merchant();
  CHECK(error_code_of([&] {
          f.admin.add_member(f.owner, f.store, "nobody@example.com",
                             StoreRole::staff);
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          f.admin.add_member(f.owner, f.store, "not-an-email",
                             StoreRole::staff);
        }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] {
          f.admin.add_member(f.owner, f.store, f.emails.at(other.user_id()),
                             StoreRole::owner);
        }) == ErrorCode::invalid_argument);
}

TEST_CASE("adding an existing member is already_exists") {
  MembersFixture f;
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);
  CHECK(error_code_of([&] {
          f.admin.add_member(f.owner, f.store, f.emails.at(clerk.user_id()),
                             StoreRole::manager);
        }) == ErrorCode::already_exists);
}

TEST_CASE("staff and managers cannot manage members") {
  MembersFixture f;
  auto staff = f.make_merchant();
  auto manager = f.make_merchant();
  auto newcomer = f.make_merchant();
  f.add_member(f.store, f.owner, staff, StoreRole::staff);
  f.add_member(f.store, f.owner, manager, StoreRole::manager);
  const std::string email = f.emails.at(newcomer.user_id());
  CHECK(error_code_of([&] {
          f.admin.add_member(staff, f.store, email, StoreRole::staff);
        }) == ErrorCode::permission_denied);
  CHECK(error_code_of([&] {
          f.admin.add_member(manager, f.store, email, StoreRole::staff);
        }) == ErrorCode::permission_denied);
  CHECK(error_code_of([&] {
          f.admin.remove_member(manager, f.store, staff.user_id());
        }) == ErrorCode::permission_denied);
  CHECK(f.admin.list_members(staff, f.store).size() == 3);
}

TEST_CASE("non member cannot see the members") {
  MembersFixture f;
  auto stranger = f.make_merchant();
  CHECK(error_code_of([&] { f.admin.list_members(stranger, f.store); }) ==
        ErrorCode::not_found);
}

TEST_CASE("owner changes a member's role") {
  MembersFixture f;
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);
  auto changed = f.admin.change_member_role(f.owner, f.store, clerk.user_id(),
                                            StoreRole::manager);
  CHECK(changed.role == StoreRole::manager);
  CHECK(f.role_of(clerk) == StoreRole::manager);
}

TEST_CASE("last owner cannot be demoted or removed") {
  MembersFixture f;
  CHECK(error_code_of([&] {
          f.admin.change_member_role(f.owner, f.store, f.owner.user_id(),
                                     StoreRole::manager);
        }) == ErrorCode::failed_precondition);
  CHECK(error_code_of([&] {
          f.admin.remove_member(f.owner, f.store, f.owner.user_id());
        }) == ErrorCode::failed_precondition);
  CHECK(f.role_of(f.owner) == StoreRole::owner);
}

TEST_CASE("second owner lets the first leave") {
  MembersFixture f;
  auto partner = f.make_merchant();
  f.add_member(f.store, f.owner, partner, StoreRole::owner);
  f.admin.remove_member(f.owner, f.store, f.owner.user_id());
  auto members = f.admin.list_members(partner, f.store);
  REQUIRE(members.size() == 1);
  CHECK(members[0].user_id == partner.user_id());
  auto store = f.platform.stores().get_store(partner, f.store);
  CHECK(store.owner_id == partner.user_id());
  CHECK(error_code_of([&] { f.admin.list_members(f.owner, f.store); }) ==
        ErrorCode::not_found);
}

TEST_CASE("removing a non member is not_found") {
  MembersFixture f;
  auto stranger = f.make_merchant();
  CHECK(error_code_of([&] {
          f.admin.remove_member(f.owner, f.store, stranger.user_id());
        }) == ErrorCode::not_found);
}

TEST_CASE("removed staff loses access") {
  MembersFixture f;
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, StoreRole::staff);
  f.admin.remove_member(f.owner, f.store, clerk.user_id());
  CHECK(error_code_of([&] { f.admin.get_store_theme(clerk, f.store); }) ==
        ErrorCode::not_found);
}
