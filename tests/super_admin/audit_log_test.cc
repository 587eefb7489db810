#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/panels_fixture.h"

using shopkit::AuditQuery;
using shopkit::ErrorCode;
using shopkit::testing::PanelsFixture;

namespace {

struct AuditFixture : PanelsFixture {
  shopkit::Principal admin = make_super_admin();
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "audited");
  shopkit::SuperAdminService& panel = platform.super_admin();

  std::vector<std::string> actions(const AuditQuery& query) {
    std::vector<std::string> names;
    for (const auto& entry : panel.list_audit_log(admin, query).items) {
      names.push_back(entry.action);
    }
    return names;
  }
};

}  // namespace

TEST_CASE("audit log records admin and member changes") {
  AuditFixture f;
  auto clerk = f.make_merchant();
  f.add_member(f.store, f.owner, clerk, shopkit::StoreRole::staff);
  f.platform.admin().change_member_role(f.owner, f.store, clerk.user_id(),
                                        shopkit::StoreRole::manager);
  f.platform.admin().remove_member(f.owner, f.store, clerk.user_id());
  f.panel.suspend_user(f.admin, clerk.user_id());
  f.panel.change_user_role(f.admin, clerk.user_id(),
                           shopkit::PlatformRole::customer);
  f.panel.suspend_store(f.admin, f.store, "review");

  AuditQuery query;
  query.page.limit = 6;
  CHECK(f.actions(query) ==
        std::vector<std::string>{"store.suspended", "user.role_changed",
                                 "user.suspended", "member.removed",
                                 "member.role_changed", "member.added"});
}

TEST_CASE("audit entry carries actor target and detail") {
  AuditFixture f;
  f.panel.suspend_store(f.admin, f.store, "chargebacks");
  AuditQuery query;
  query.action = "store.suspended";
  auto entries = f.panel.list_audit_log(f.admin, query).items;
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].actor_id == f.admin.user_id());
  CHECK(entries[0].target_type == "store");
  CHECK(entries[0].target_id == f.store.str());
  CHECK(entries[0].created_at == f.test.clock->now());
  auto detail = nlohmann::json::parse(entries[0].detail_json);
  CHECK(detail["reason"] == "chargebacks");
  CHECK(detail["previous_status"] == "active");
}

TEST_CASE("audit log filters actor target and time") {
  AuditFixture f;
  auto user = f.make_merchant();
  f.panel.suspend_user(f.admin, user.user_id());
  f.test.clock->advance(std::chrono::hours(1));
  const auto later = f.test.clock->now();
  f.panel.suspend_store(f.admin, f.store);

  AuditQuery by_actor;
  by_actor.actor_id = f.owner.user_id();
  CHECK(f.actions(by_actor) == std::vector<std::string>{"store.created"});
  by_actor.actor_id = f.admin.user_id();
  CHECK(f.actions(by_actor).size() == 2);

  AuditQuery by_target;
  by_target.target_id = user.user_id().str();
  CHECK(f.actions(by_target) == std::vector<std::string>{"user.suspended"});

  AuditQuery by_time;
  by_time.from = later;
  CHECK(f.actions(by_time) == std::vector<std::string>{"store.suspended"});
  by_time.from.reset();
  by_time.to = later;
  CHECK(f.actions(by_time) ==
        std::vector<std::string>{"user.suspended", "store.created",
                                 "user.bootstrapped"});
}

TEST_CASE("audit log pages newest first") {
  AuditFixture f;
  for (int i = 0; i < 3; ++i) {
    f.panel.suspend_store(f.admin, f.store);
    f.panel.reactivate_store(f.admin, f.store);
  }
  AuditQuery query;
  query.actor_id = f.admin.user_id();
  query.page.limit = 4;
  auto first = f.panel.list_audit_log(f.admin, query);
  REQUIRE(first.items.size() == 4);
  CHECK(first.items[0].action == "store.reactivated");
  REQUIRE_FALSE(first.next_cursor.empty());
  query.page.cursor = first.next_cursor;
  auto second = f.panel.list_audit_log(f.admin, query);
  CHECK(second.items.size() == 2);
  CHECK(second.next_cursor.empty());
  CHECK(second.items.back().action == "store.suspended");
}

TEST_CASE("audit rows reject update and delete") {
  AuditFixture f;
  f.panel.suspend_store(f.admin, f.store);
  SQLite::Database db((f.dir.path() / "platform.db").string(),
                      SQLite::OPEN_READWRITE);
  db.setBusyTimeout(10000);
  CHECK_THROWS_WITH_AS(db.exec("UPDATE audit_log SET action = 'forged'"),
                       doctest::Contains("append-only"), SQLite::Exception);
  CHECK_THROWS_WITH_AS(db.exec("DELETE FROM audit_log"),
                       doctest::Contains("append-only"), SQLite::Exception);
  AuditQuery query;
  query.action = "store.suspended";
  CHECK(f.panel.list_audit_log(f.admin, query).items.size() == 1);
}

TEST_CASE("audit cursor must be a sequence number") {
  AuditFixture f;
  AuditQuery query;
  query.page.cursor = "-5";
  try {
    f.panel.list_audit_log(f.admin, query);
    FAIL("the cursor was accepted");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(error.field() == "cursor");
  }
}

TEST_CASE("every super admin change is audited") {
  AuditFixture f;
  auto user = f.make_merchant();
  auto doomed = f.make_store(f.owner, "doomed");
  f.panel.suspend_user(f.admin, user.user_id());
  f.panel.reactivate_user(f.admin, user.user_id());
  f.panel.change_user_role(f.admin, user.user_id(),
                           shopkit::PlatformRole::customer);
  f.panel.delete_user(f.admin, user.user_id());
  f.panel.suspend_store(f.admin, f.store);
  f.panel.reactivate_store(f.admin, f.store);
  f.panel.backup_store(f.admin, f.store, f.dir.path() / "copy.db");
  f.panel.delete_store(f.admin, f.store);
  f.panel.restore_store(f.admin, f.store);
  f.panel.delete_store(f.admin, doomed);
  f.test.clock->advance(std::chrono::hours(24 * 31));
  f.panel.purge_deleted_stores(f.admin);

  AuditQuery query;
  query.actor_id = f.admin.user_id();
  CHECK(f.actions(query) ==
        std::vector<std::string>{
            "store.purged", "store.deleted", "store.restored",
            "store.deleted", "store.backed_up", "store.reactivated",
            "store.suspended", "user.deleted", "user.role_changed",
            "user.reactivated", "user.suspended"});
}

TEST_CASE("first super admin is audited") {
  AuditFixture f;
  AuditQuery query;
  query.action = "user.bootstrapped";
  auto entries = f.panel.list_audit_log(f.admin, query).items;
  REQUIRE(entries.size() == 1);
  CHECK_FALSE(entries[0].actor_id.has_value());
  CHECK(entries[0].target_id == f.admin.user_id().str());
  auto detail = nlohmann::json::parse(entries[0].detail_json);
  CHECK(detail["role"] == "super_admin");
}
