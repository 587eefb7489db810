// Every store-scoped call, made by someone with no rights on the store,
// must fail exactly like a call on a store that does not exist and must
// leave the store's file unchanged.
#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "checkout_fixture.h"
#include "error_check.h"

using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::Principal;
using shopkit::StoreId;
using shopkit::testing::error_of;
using shopkit::testing::ShopFixture;

namespace {

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The store file and its WAL, which contains commits not yet
// checkpointed.
std::string store_bytes(const std::filesystem::path& dir, const StoreId& id) {
  const auto base = dir / "stores" / (id.str() + ".db");
  return read_bytes(base) + "|" + read_bytes(base.string() + "-wal");
}

// One product in Shopify's CSV layout, valid for import.
constexpr std::string_view kImportCsv =
    "Handle,Title,Variant SKU,Variant Price,Status\n"
    "stolen,Stolen,STOLEN-1,5.00,active\n";

struct Operation {
  const char* name;
  std::function<void(const Principal&, const StoreId&)> call;
};

}  // namespace

TEST_CASE("store calls are isolated per tenant") {
  ShopFixture f;  // Store A is f.shop, owned by f.owner.
  auto order = f.buy({{"MUG", 1}}, "k1");
  auto& admin = f.admin();
  auto& stores = f.stores();
  const auto product = f.mug.id;
  const auto order_id = order.id;

  const std::vector<Operation> operations = {
      {"get_store", [&](auto& p, auto& s) { stores.get_store(p, s); }},
      {"update_store",
       [&](auto& p, auto& s) {
         shopkit::StoreSettingsUpdate update;
         update.name = "Taken over";
         stores.update_store(p, s, update);
       }},
      {"create_product",
       [&](auto& p, auto& s) {
         admin.create_product(p, s, shopkit::testing::simple_product("X", "X"));
       }},
      {"get_product", [&](auto& p, auto& s) { admin.get_product(p, s, product); }},
      {"get_product_by_handle",
       [&](auto& p, auto& s) { admin.get_product_by_handle(p, s, "mug"); }},
      {"list_products", [&](auto& p, auto& s) { admin.list_products(p, s, {}); }},
      {"update_product",
       [&](auto& p, auto& s) {
         shopkit::ProductUpdate update;
         update.title = "Changed";
         admin.update_product(p, s, product, update);
       }},
      {"delete_product",
       [&](auto& p, auto& s) { admin.delete_product(p, s, product); }},
      {"get_stock", [&](auto& p, auto& s) { admin.get_stock(p, s, "MUG"); }},
      {"adjust_stock",
       [&](auto& p, auto& s) { admin.adjust_stock(p, s, "MUG", 5, "steal"); }},
      {"set_stock",
       [&](auto& p, auto& s) { admin.set_stock(p, s, "MUG", 0, "steal"); }},
      {"list_inventory_ledger",
       [&](auto& p, auto& s) { admin.list_inventory_ledger(p, s, "", {}); }},
      {"list_orders", [&](auto& p, auto& s) { admin.list_orders(p, s, {}); }},
      {"get_order", [&](auto& p, auto& s) { admin.get_order(p, s, order_id); }},
      {"pay_order", [&](auto& p, auto& s) { admin.pay_order(p, s, order_id); }},
      {"fulfill_order",
       [&](auto& p, auto& s) { admin.fulfill_order(p, s, order_id); }},
      {"cancel_order",
       [&](auto& p, auto& s) { admin.cancel_order(p, s, order_id); }},
      {"refund_order",
       [&](auto& p, auto& s) {
         admin.refund_order(p, s, order_id, Money(100, "USD"), "steal");
       }},
      {"get_settings", [&](auto& p, auto& s) { admin.get_settings(p, s); }},
      {"update_settings",
       [&](auto& p, auto& s) {
         shopkit::StoreSettingsUpdate update;
         update.tax_rate_bps = 1;
         admin.update_settings(p, s, update);
       }},
      {"import_products",
       [&](auto& p, auto& s) { admin.import_products(p, s, kImportCsv); }},
      {"import_products from a stream",
       [&](auto& p, auto& s) {
         std::istringstream input{std::string(kImportCsv)};
         admin.import_products(p, s, input);
       }},
      {"import_products as a dry run",
       [&](auto& p, auto& s) {
         shopkit::ImportOptions options;
         options.dry_run = true;
         admin.import_products(p, s, kImportCsv, options);
       }},
      {"export_products", [&](auto& p, auto& s) { admin.export_products(p, s); }},
      {"export_products to a stream",
       [&](auto& p, auto& s) {
         std::ostringstream out;
         admin.export_products(p, s, out);
       }},
      {"list_members", [&](auto& p, auto& s) { admin.list_members(p, s); }},
      {"add_member",
       [&](auto& p, auto& s) {
         admin.add_member(p, s, "intruder@example.com",
                          shopkit::StoreRole::manager);
       }},
      {"change_member_role",
       [&](auto& p, auto& s) {
         admin.change_member_role(p, s, f.owner.user_id(),
                                  shopkit::StoreRole::staff);
       }},
      {"remove_member",
       [&](auto& p, auto& s) { admin.remove_member(p, s, f.owner.user_id()); }},
      {"get_store_theme",
       [&](auto& p, auto& s) { admin.get_store_theme(p, s); }},
      {"apply_theme",
       [&](auto& p, auto& s) { admin.apply_theme(p, s, "classic"); }},
      {"get_dashboard",
       [&](auto& p, auto& s) {
         shopkit::DashboardRequest request;
         request.from = shopkit::testing::test_epoch();
         request.to = request.from + std::chrono::hours(24);
         admin.get_dashboard(p, s, request);
       }},
      {"list_customers",
       [&](auto& p, auto& s) { admin.list_customers(p, s, {}); }},
      {"get_customer",
       [&](auto& p, auto& s) {
         admin.get_customer(p, s,
                            shopkit::CustomerId("cus_00000000000000000000000000"));
       }},
      {"list_customer_orders",
       [&](auto& p, auto& s) {
         admin.list_customer_orders(
             p, s, shopkit::CustomerId("cus_00000000000000000000000000"), {});
       }},
      {"update_theme_settings",
       [&](auto& p, auto& s) {
         admin.update_theme_settings(
             p, s, {{"products_per_row", std::int64_t{6}}});
       }},
  };

  const auto other_owner = f.user();
  f.store(other_owner, "store-b");
  const auto customer = f.user(shopkit::PlatformRole::customer);
  const StoreId unknown("sto_0000000000000000000000000z");
  const std::pair<const char*, Principal> callers[] = {
      {"owner of store B", other_owner},
      {"customer", customer},
      {"anonymous", Principal::anonymous()},
  };

  const auto intruder = shopkit::testing::sign_up(
      f.platform(), "intruder@example.com", shopkit::PlatformRole::customer);
  const auto members_before = admin.list_members(f.owner, f.shop);
  const auto theme_before = admin.get_store_theme(f.owner, f.shop);
  const std::string before = store_bytes(f.dir.path(), f.shop);
  for (const auto& [caller_name, caller] : callers) {
    for (const Operation& operation : operations) {
      CAPTURE(caller_name);
      CAPTURE(operation.name);
      auto on_store = error_of([&] { operation.call(caller, f.shop); });
      auto on_unknown = error_of([&] { operation.call(caller, unknown); });
      CHECK(on_store.code() == ErrorCode::not_found);
      CHECK(on_store.code() == on_unknown.code());
      CHECK(on_store.field() == on_unknown.field());
      std::string expected = on_unknown.what();
      expected.replace(expected.find(unknown.str()), unknown.str().size(),
                       f.shop.str());
      CHECK(std::string(on_store.what()) == expected);
    }
  }
  CHECK(store_bytes(f.dir.path(), f.shop) == before);

  // The owner still sees everything as it was, including the members,
  // which live in platform.db, not in the store's file.
  CHECK(admin.get_product(f.owner, f.shop, product).title == "Mug");
  const auto members_after = admin.list_members(f.owner, f.shop);
  REQUIRE(members_after.size() == members_before.size());
  CHECK(members_after[0].user_id == f.owner.user_id());
  CHECK(members_after[0].role == shopkit::StoreRole::owner);
  CHECK(stores.list_my_stores(intruder).empty());
  CHECK(admin.get_store_theme(f.owner, f.shop).settings ==
        theme_before.settings);
  CHECK(f.stock("MUG") == 4);
  CHECK(admin.get_order(f.owner, f.shop, order_id).status ==
        shopkit::OrderStatus::pending);
}

TEST_CASE("owner calls on unknown store") {
  ShopFixture f;
  const StoreId unknown("sto_0000000000000000000000000z");
  auto error = error_of([&] { f.admin().list_orders(f.owner, unknown, {}); });
  CHECK(error.code() == ErrorCode::not_found);
  auto malformed = error_of(
      [&] { f.admin().list_orders(f.owner, StoreId("../platform"), {}); });
  CHECK(malformed.code() == ErrorCode::not_found);
}

TEST_CASE("staff rights inside the store") {
  ShopFixture f;
  auto clerk = shopkit::testing::sign_up(f.platform(), "clerk@example.com",
                                         shopkit::PlatformRole::customer);
  f.admin().add_member(f.owner, f.shop, "clerk@example.com",
                       shopkit::StoreRole::staff);
  auto order = f.buy({{"MUG", 1}}, "k1");

  CHECK(f.admin().get_product(clerk, f.shop, f.mug.id).title == "Mug");
  CHECK(f.admin().adjust_stock(clerk, f.shop, "MUG", 1, "found one").stock == 5);
  CHECK(f.admin().pay_order(clerk, f.shop, order.id).status ==
        shopkit::OrderStatus::paid);

  auto create = error_of([&] {
    f.admin().create_product(clerk, f.shop,
                             shopkit::testing::simple_product("X", "X"));
  });
  CHECK(create.code() == ErrorCode::permission_denied);
  shopkit::StoreSettingsUpdate update;
  update.tax_rate_bps = 100;
  auto settings =
      error_of([&] { f.admin().update_settings(clerk, f.shop, update); });
  CHECK(settings.code() == ErrorCode::permission_denied);
  CHECK(f.admin().get_settings(f.owner, f.shop).tax_rate_bps == 0);
}
