#include <doctest/doctest.h>

#include <set>
#include <string>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::PlatformRole;
using shopkit::UserQuery;
using shopkit::UserStatus;
using shopkit::testing::error_of;
using shopkit::testing::PanelsFixture;

namespace {

struct UsersFixture : PanelsFixture {
  shopkit::Principal admin = make_super_admin();
  shopkit::SuperAdminService& panel = platform.super_admin();
};

}  // namespace

TEST_CASE("user list pages without gaps or repeats") {
  UsersFixture f;
  for (int i = 0; i < 7; ++i) f.make_merchant();
  UserQuery query;
  query.page.limit = 3;
  std::set<std::string> seen;
  int pages = 0;
  do {
    auto page = f.panel.list_users(f.admin, query);
    ++pages;
    for (const auto& user : page.items) {
      CHECK(seen.insert(user.id.str()).second);
    }
    query.page.cursor = page.next_cursor;
  } while (!query.page.cursor.empty());
  CHECK(seen.size() == 8);
  CHECK(pages == 3);
}

TEST_CASE("user search filters email role status") {
  UsersFixture f;
  auto ann = f.make_user(PlatformRole::merchant, "ann@shop.example");
  f.make_user(PlatformRole::customer, "bob@mail.example");
  f.make_user(PlatformRole::merchant, "cat@mail.example");

  UserQuery by_text;
  by_text.text = "SHOP.example";
  auto found = f.panel.list_users(f.admin, by_text).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == ann.user_id());

  UserQuery by_role;
  by_role.role = PlatformRole::merchant;
  CHECK(f.panel.list_users(f.admin, by_role).items.size() == 2);

  f.panel.suspend_user(f.admin, ann.user_id());
  UserQuery by_status;
  by_status.status = UserStatus::suspended;
  found = f.panel.list_users(f.admin, by_status).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == ann.user_id());
}

TEST_CASE("user search filters the created range") {
  UsersFixture f;
  f.test.clock->advance(std::chrono::hours(24));
  auto from = f.test.clock->now();
  auto middle = f.make_merchant();
  f.test.clock->advance(std::chrono::hours(24));
  auto to = f.test.clock->now();
  f.make_merchant();
  UserQuery query;
  query.created_from = from;
  query.created_to = to;
  auto found = f.panel.list_users(f.admin, query).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].id == middle.user_id());
}

TEST_CASE("user list rejects bad limit and cursor") {
  UsersFixture f;
  UserQuery query;
  query.page.limit = 0;
  CHECK(error_of([&] { f.panel.list_users(f.admin, query); }).field() ==
        "limit");
  query.page.limit = 201;
  CHECK(error_of([&] { f.panel.list_users(f.admin, query); }).field() ==
        "limit");
  query.page.limit = 10;
  query.page.cursor = "x' OR 1=1";
  CHECK(error_of([&] { f.panel.list_users(f.admin, query); }).field() ==
        "cursor");
}

TEST_CASE("only super admins use the panel") {
  UsersFixture f;
  auto merchant = f.make_merchant();
  CHECK(error_of([&] { f.panel.list_users(merchant, {}); }).code() ==
        ErrorCode::permission_denied);
  CHECK(error_of([&] {
          f.panel.suspend_user(merchant, f.admin.user_id());
        }).code() == ErrorCode::permission_denied);
  CHECK(error_of([&] {
          f.panel.list_users(shopkit::Principal::anonymous(), {});
        }).code() == ErrorCode::unauthenticated);
  CHECK(error_of([&] { f.panel.get_figures(merchant); }).code() ==
        ErrorCode::permission_denied);
  CHECK(error_of([&] { f.panel.list_audit_log(merchant, {}); }).code() ==
        ErrorCode::permission_denied);
  CHECK(error_of([&] { f.panel.list_stores(merchant, {}); }).code() ==
        ErrorCode::permission_denied);
}

TEST_CASE("suspension ends sessions at once") {
  UsersFixture f;
  auto user = f.make_merchant();
  auto tokens = shopkit::testing::log_in(f.platform, f.emails[user.user_id()]);
  CHECK_NOTHROW(f.platform.auth().authenticate(tokens.access_token));

  auto suspended = f.panel.suspend_user(f.admin, user.user_id());
  CHECK(suspended.status == UserStatus::suspended);
  CHECK(error_of([&] {
          f.platform.auth().authenticate(tokens.access_token);
        }).code() == ErrorCode::unauthenticated);
  CHECK(error_of([&] {
          f.platform.auth().refresh(tokens.refresh_token);
        }).code() == ErrorCode::unauthenticated);
  CHECK(error_of([&] {
          shopkit::testing::log_in(f.platform, f.emails[user.user_id()]);
        }).code() == ErrorCode::unauthenticated);
}

TEST_CASE("reactivated user signs in again") {
  UsersFixture f;
  auto user = f.make_merchant();
  f.panel.suspend_user(f.admin, user.user_id());
  CHECK(error_of([&] {
          f.panel.suspend_user(f.admin, user.user_id());
        }).code() == ErrorCode::failed_precondition);
  auto active = f.panel.reactivate_user(f.admin, user.user_id());
  CHECK(active.status == UserStatus::active);
  CHECK_NOTHROW(shopkit::testing::log_in(f.platform, f.emails[user.user_id()]));
  CHECK(error_of([&] {
          f.panel.reactivate_user(f.admin, user.user_id());
        }).code() == ErrorCode::failed_precondition);
}

TEST_CASE("role change applies to the next call") {
  UsersFixture f;
  auto user = f.make_user(PlatformRole::customer);
  auto tokens = shopkit::testing::log_in(f.platform, f.emails[user.user_id()]);
  auto changed =
      f.panel.change_user_role(f.admin, user.user_id(), PlatformRole::merchant);
  CHECK(changed.role == PlatformRole::merchant);
  auto principal = f.platform.auth().authenticate(tokens.access_token);
  CHECK(principal.role() == PlatformRole::merchant);
}

TEST_CASE("super admin cannot act on itself") {
  UsersFixture f;
  const auto self = f.admin.user_id();
  CHECK(error_of([&] { f.panel.suspend_user(f.admin, self); }).code() ==
        ErrorCode::failed_precondition);
  CHECK(error_of([&] {
          f.panel.change_user_role(f.admin, self, PlatformRole::customer);
        }).code() == ErrorCode::failed_precondition);
  CHECK(error_of([&] { f.panel.delete_user(f.admin, self); }).code() ==
        ErrorCode::failed_precondition);
}

TEST_CASE("unknown user is not_found") {
  UsersFixture f;
  shopkit::UserId nobody("usr_00000000000000000000000000");
  CHECK(error_of([&] { f.panel.suspend_user(f.admin, nobody); }).code() ==
        ErrorCode::not_found);
  CHECK(error_of([&] { f.panel.get_user(f.admin, nobody); }).code() ==
        ErrorCode::not_found);
}

TEST_CASE("store owner cannot be deleted") {
  UsersFixture f;
  auto owner = f.make_merchant();
  f.make_store(owner, "first-store");
  f.make_store(owner, "second-store");
  auto error = error_of([&] { f.panel.delete_user(f.admin, owner.user_id()); });
  CHECK(error.code() == ErrorCode::failed_precondition);
  std::string message = error.what();
  CHECK(message.find("'first-store'") != std::string::npos);
  CHECK(message.find("'second-store'") != std::string::npos);
  CHECK(f.panel.get_user(f.admin, owner.user_id()).status ==
        UserStatus::active);
}

TEST_CASE("deleted user loses access and memberships") {
  UsersFixture f;
  auto owner = f.make_merchant();
  auto store = f.make_store(owner, "team-store");
  auto clerk = f.make_merchant();
  f.add_member(store, owner, clerk, shopkit::StoreRole::staff);
  auto tokens = shopkit::testing::log_in(f.platform, f.emails[clerk.user_id()]);

  f.panel.delete_user(f.admin, clerk.user_id());
  CHECK(f.panel.get_user(f.admin, clerk.user_id()).status ==
        UserStatus::deleted);
  CHECK(error_of([&] {
          f.platform.auth().authenticate(tokens.access_token);
        }).code() == ErrorCode::unauthenticated);
  CHECK(f.platform.admin().list_members(owner, store).size() == 1);
  CHECK(error_of([&] {
          f.panel.delete_user(f.admin, clerk.user_id());
        }).code() == ErrorCode::not_found);
}
