#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "support/panels_fixture.h"

namespace fs = std::filesystem;
using shopkit::ErrorCode;
using shopkit::StoreQuery;
using shopkit::StoreStatus;
using shopkit::testing::error_of;
using shopkit::testing::PanelsFixture;

namespace {

struct StoresFixture : PanelsFixture {
  shopkit::Principal admin = make_super_admin();
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "main-street");
  shopkit::SuperAdminService& panel = platform.super_admin();

  fs::path store_file() const {
    return dir.path() / "stores" / (store.str() + ".db");
  }
  fs::path trash_file() const {
    return dir.path() / "trash" / (store.str() + ".db");
  }
};

}  // namespace

TEST_CASE("store list searches and pages") {
  StoresFixture f;
  f.make_store(f.owner, "blue-shoes");
  f.make_store(f.owner, "red-shoes");
  StoreQuery query;
  query.text = "SHOES";
  query.page.limit = 1;
  std::set<std::string> handles;
  do {
    auto page = f.panel.list_stores(f.admin, query);
    for (const auto& summary : page.items) {
      CHECK(handles.insert(summary.store.handle).second);
    }
    query.page.cursor = page.next_cursor;
  } while (!query.page.cursor.empty());
  CHECK(handles == std::set<std::string>{"blue-shoes", "red-shoes"});
}

TEST_CASE("store list filters status and owner") {
  StoresFixture f;
  auto other = f.make_merchant();
  f.make_store(other, "other-store");
  f.panel.suspend_store(f.admin, f.store, "unpaid invoice");

  StoreQuery suspended;
  suspended.status = StoreStatus::suspended;
  auto found = f.panel.list_stores(f.admin, suspended).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].store.id == f.store);

  StoreQuery by_owner;
  by_owner.owner_id = other.user_id();
  found = f.panel.list_stores(f.admin, by_owner).items;
  REQUIRE(found.size() == 1);
  CHECK(found[0].store.handle == "other-store");
}

TEST_CASE("suspended store is read only and hidden") {
  StoresFixture f;
  auto summary = f.panel.suspend_store(f.admin, f.store, "fraud review");
  CHECK(summary.store.status == StoreStatus::suspended);
  CHECK(error_of([&] {
          f.platform.stores().get_public_store("main-street");
        }).code() == ErrorCode::not_found);
  CHECK(f.platform.admin().get_store_theme(f.owner, f.store).theme.handle ==
        "classic");
  CHECK(error_of([&] {
          f.platform.admin().apply_theme(f.owner, f.store, "bold");
        }).code() == ErrorCode::failed_precondition);
}

TEST_CASE("reactivated store opens again") {
  StoresFixture f;
  f.panel.suspend_store(f.admin, f.store);
  CHECK(error_of([&] { f.panel.suspend_store(f.admin, f.store); }).code() ==
        ErrorCode::failed_precondition);
  f.panel.reactivate_store(f.admin, f.store);
  CHECK(f.platform.stores().get_public_store("main-street").id == f.store);
  CHECK(f.platform.admin().apply_theme(f.owner, f.store, "bold").theme.handle ==
        "bold");
  CHECK(error_of([&] { f.panel.reactivate_store(f.admin, f.store); }).code() ==
        ErrorCode::failed_precondition);
}

TEST_CASE("deleted store moves to trash and hides") {
  StoresFixture f;
  auto summary = f.panel.delete_store(f.admin, f.store);
  CHECK(summary.store.status == StoreStatus::deleted);
  REQUIRE(summary.deleted_at.has_value());
  CHECK(*summary.purge_after - *summary.deleted_at ==
        std::chrono::hours(24 * 30));
  CHECK_FALSE(fs::exists(f.store_file()));
  CHECK(fs::exists(f.trash_file()));
  CHECK(error_of([&] {
          f.platform.admin().get_store_theme(f.owner, f.store);
        }).code() == ErrorCode::not_found);
  CHECK(f.panel.get_store(f.admin, f.store).store.status ==
        StoreStatus::deleted);
  CHECK(error_of([&] { f.panel.delete_store(f.admin, f.store); }).code() ==
        ErrorCode::failed_precondition);
}

TEST_CASE("restored store keeps its data") {
  StoresFixture f;
  f.platform.admin().apply_theme(f.owner, f.store, "minimal");
  f.panel.delete_store(f.admin, f.store);
  auto restored = f.panel.restore_store(f.admin, f.store);
  CHECK(restored.store.status == StoreStatus::active);
  CHECK_FALSE(restored.deleted_at.has_value());
  CHECK(fs::exists(f.store_file()));
  CHECK(f.platform.admin().get_store_theme(f.owner, f.store).theme.handle ==
        "minimal");
  CHECK(error_of([&] { f.panel.restore_store(f.admin, f.store); }).code() ==
        ErrorCode::failed_precondition);
}

TEST_CASE("purge waits for the retention period") {
  StoresFixture f;
  f.panel.delete_store(f.admin, f.store);
  f.test.clock->advance(std::chrono::hours(24 * 30) - std::chrono::seconds(1));
  CHECK(f.panel.purge_deleted_stores(f.admin).empty());
  CHECK(fs::exists(f.trash_file()));

  f.test.clock->advance(std::chrono::seconds(1));
  auto purged = f.panel.purge_deleted_stores(f.admin);
  REQUIRE(purged.size() == 1);
  CHECK(purged[0] == f.store);
  CHECK_FALSE(fs::exists(f.trash_file()));
  CHECK(error_of([&] { f.panel.get_store(f.admin, f.store); }).code() ==
        ErrorCode::not_found);
  CHECK(error_of([&] { f.panel.restore_store(f.admin, f.store); }).code() ==
        ErrorCode::not_found);
  CHECK(f.panel.list_stores(f.admin, {}).items.empty());
}

TEST_CASE("purged store frees its owner for deletion") {
  StoresFixture f;
  f.panel.delete_store(f.admin, f.store);
  CHECK(error_of([&] {
          f.panel.delete_user(f.admin, f.owner.user_id());
        }).code() == ErrorCode::failed_precondition);
  f.test.clock->advance(std::chrono::hours(24 * 31));
  f.panel.purge_deleted_stores(f.admin);
  CHECK_NOTHROW(f.panel.delete_user(f.admin, f.owner.user_id()));
}

TEST_CASE("backup writes a readable copy") {
  StoresFixture f;
  f.platform.admin().apply_theme(f.owner, f.store, "bold");
  fs::path copy = f.dir.path() / "backup.db";
  f.panel.backup_store(f.admin, f.store, copy);
  SQLite::Database db(copy.string());
  SQLite::Statement query(db,
                          "SELECT value FROM store_settings WHERE key = "
                          "'theme_id'");
  CHECK(query.executeStep());
  CHECK(error_of([&] {
          f.panel.backup_store(f.admin, f.store, copy);
        }).code() == ErrorCode::already_exists);
}

TEST_CASE("backup of a deleted store is refused") {
  StoresFixture f;
  f.panel.delete_store(f.admin, f.store);
  CHECK(error_of([&] {
          f.panel.backup_store(f.admin, f.store, f.dir.path() / "b.db");
        }).code() == ErrorCode::failed_precondition);
}

TEST_CASE("unknown store is not_found") {
  StoresFixture f;
  shopkit::StoreId nowhere("sto_00000000000000000000000000");
  CHECK(error_of([&] { f.panel.suspend_store(f.admin, nowhere); }).code() ==
        ErrorCode::not_found);
  CHECK(error_of([&] { f.panel.delete_store(f.admin, nowhere); }).code() ==
        ErrorCode::not_found);
}

TEST_CASE("suspended store hides catalog and checkout") {
  StoresFixture f;
  auto product = f.add_product(f.owner, f.store, "Mug", "MUG", 1200);
  f.panel.suspend_store(f.admin, f.store, "fraud review");
  auto anyone = shopkit::Principal::anonymous();
  CHECK(error_of([&] {
          f.platform.stores().search_products(anyone, "main-street", {});
        }).code() == ErrorCode::not_found);
  CHECK(error_of([&] {
          f.platform.stores().get_product(anyone, "main-street",
                                          product.handle);
        }).code() == ErrorCode::not_found);
  CHECK(error_of([&] {
          f.checkout("main-street", {{"MUG", 1}});
        }).code() == ErrorCode::not_found);
  CHECK(f.platform.admin().get_stock(f.owner, f.store, "MUG").stock == 100);
}

TEST_CASE("suspended store members keep read access") {
  StoresFixture f;
  auto staff = f.make_merchant();
  f.add_member(f.store, f.owner, staff, shopkit::StoreRole::staff);
  f.add_product(f.owner, f.store, "Mug", "MUG", 1200);
  auto order = f.checkout("main-street", {{"MUG", 1}});
  f.panel.suspend_store(f.admin, f.store);
  auto& admin = f.platform.admin();

  CHECK(admin.list_orders(staff, f.store, {}).items.size() == 1);
  CHECK(admin.list_customers(staff, f.store, {}).items.size() == 1);
  CHECK(admin.get_settings(f.owner, f.store).currency == "USD");
  CHECK(error_of([&] {
          admin.pay_order(staff, f.store, order.id);
        }).code() == ErrorCode::failed_precondition);
  CHECK(error_of([&] {
          admin.adjust_stock(f.owner, f.store, "MUG", 1, "recount");
        }).code() == ErrorCode::failed_precondition);
  shopkit::StoreSettingsUpdate update;
  update.name = "Renamed";
  CHECK(error_of([&] {
          admin.update_settings(f.owner, f.store, update);
        }).code() == ErrorCode::failed_precondition);
}
