// The users repository queries that the super-admin panel lists and
// counts with.
#include "auth/user_admin.h"
#include "auth_fixture.h"
#include "common/context.h"
#include "storage/user_repository.h"

using shopkit::PlatformRole;
using shopkit::UserStatus;
using shopkit::storage::UserFilter;

namespace {

// Builds filters field by field: designated initializers that skip
// members trip GCC's -Wmissing-field-initializers.
UserFilter query_filter(std::string query) {
  UserFilter filter;
  filter.query = std::move(query);
  return filter;
}

UserFilter page_filter(std::string after_id, int limit) {
  UserFilter filter;
  filter.after_id = std::move(after_id);
  filter.limit = limit;
  return filter;
}

struct UsersFixture : shopkit::testing::AuthFixture {
  shopkit::internal::Context& context =
      shopkit::internal::PlatformAccess::context(platform());

  std::vector<std::string> emails(const UserFilter& filter) {
    auto users = context.storage->read_platform(
        [&](auto& p) { return p.users().list(filter); });
    std::vector<std::string> out;
    for (const auto& user : users) out.push_back(user.email_normalized);
    return out;
  }
};

}  // namespace

TEST_CASE("user list filters by query") {
  UsersFixture f;
  f.register_customer("ann@example.com");
  f.register_customer("bob@example.com");
  f.register_customer("a_b@example.com");
  CHECK(f.emails(query_filter("BOB")) ==
        std::vector<std::string>{"bob@example.com"});
  // "_" is literal, not LIKE's any-character wildcard.
  CHECK(f.emails(query_filter("a_b")) ==
        std::vector<std::string>{"a_b@example.com"});
  CHECK(f.emails(UserFilter{}).size() == 3);
}

TEST_CASE("user list filters by role and status") {
  UsersFixture f;
  auto ann = f.register_customer("ann@example.com");
  shopkit::testing::sign_up(f.platform(), "m@example.com",
                            PlatformRole::merchant);
  shopkit::internal::suspend_user(f.context, ann.id);
  UserFilter merchants;
  merchants.role = PlatformRole::merchant;
  CHECK(f.emails(merchants) == std::vector<std::string>{"m@example.com"});
  UserFilter suspended;
  suspended.status = UserStatus::suspended;
  CHECK(f.emails(suspended) == std::vector<std::string>{"ann@example.com"});
}

TEST_CASE("user list pages by id") {
  UsersFixture f;
  for (int i = 0; i < 5; ++i) {
    f.register_customer("u" + std::to_string(i) + "@example.com");
  }
  auto first = f.context.storage->read_platform(
      [](auto& p) { return p.users().list(page_filter("", 3)); });
  REQUIRE(first.size() == 3);
  auto rest = f.context.storage->read_platform([&](auto& p) {
    return p.users().list(page_filter(first.back().id.str(), 3));
  });
  CHECK(rest.size() == 2);
  CHECK(rest.front().id > first.back().id);
}

TEST_CASE("user counts skip deleted users") {
  UsersFixture f;
  auto ann = f.register_customer("ann@example.com");
  f.register_customer("bob@example.com");
  shopkit::testing::make_super_admin(f.platform(), "root@example.com");
  shopkit::internal::delete_user(f.context, ann.id);
  auto counts = f.context.storage->read_platform(
      [](auto& p) { return p.users().count_by_role(); });
  CHECK(counts[PlatformRole::customer] == 1);
  CHECK(counts[PlatformRole::super_admin] == 1);
  CHECK(counts.count(PlatformRole::merchant) == 0);
}

TEST_CASE("deleted user cannot be suspended") {
  UsersFixture f;
  auto ann = f.register_customer("ann@example.com");
  shopkit::internal::delete_user(f.context, ann.id);
  auto error = shopkit::testing::error_of(
      [&] { shopkit::internal::suspend_user(f.context, ann.id); });
  REQUIRE(error);
  CHECK(error->code() == shopkit::ErrorCode::not_found);
  CHECK(error->field() == "user_id");
}
