#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::StoreRole;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

// A USD store selling MUG at 12.00, and buyers made by checking out.
struct CustomersFixture : PanelsFixture {
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "cust-shop");
  shopkit::AdminService& admin = platform.admin();

  CustomersFixture() { add_product(owner, store, "Mug", "MUG", 1200); }

  // Checks out `quantity` mugs as `email` (shipped to Pat Doe), one
  // second after the last order, so customers are created in call order.
  shopkit::Order buy(const std::string& email, std::int64_t quantity = 1) {
    test.clock->advance(std::chrono::seconds(1));
    return checkout("cust-shop", {{"MUG", quantity}}, email, "Pat Doe");
  }

  std::vector<std::string> emails_of(const shopkit::CustomerQuery& query) {
    std::vector<std::string> emails;
    for (const auto& customer :
         admin.list_customers(owner, store, query).items) {
      emails.push_back(customer.email);
    }
    return emails;
  }
};

}  // namespace

TEST_CASE("customers list newest first with figures") {
  CustomersFixture f;
  auto first = f.buy("ann@example.com", 2);
  f.admin.pay_order(f.owner, f.store, first.id);
  f.admin.refund_order(f.owner, f.store, first.id, Money(400, "USD"), "dent");
  f.buy("bob@example.com");
  auto last = f.buy("ann@example.com");

  auto page = f.admin.list_customers(f.owner, f.store, {});
  REQUIRE(page.items.size() == 2);
  CHECK(page.items[0].email == "bob@example.com");
  const shopkit::Customer& ann = page.items[1];
  CHECK(ann.email == "ann@example.com");
  CHECK(ann.order_count == 2);
  // 2400 paid, 400 refunded; the unpaid order adds nothing.
  CHECK(ann.total_spent == Money(2000, "USD"));
  REQUIRE(ann.last_order_at.has_value());
  CHECK(*ann.last_order_at == last.created_at);
  CHECK(page.next_cursor.empty());
}

TEST_CASE("customer search matches email any case") {
  CustomersFixture f;
  f.buy("ann.lee@example.com");
  f.buy("bob@shop.test");
  f.buy("ANNA@example.com");
  f.buy("x_y@example.com");
  f.buy("xzy@example.com");
  CHECK(f.emails_of({"ann", {}}) ==
        std::vector<std::string>{"anna@example.com", "ann.lee@example.com"});
  CHECK(f.emails_of({"SHOP.TEST", {}}) ==
        std::vector<std::string>{"bob@shop.test"});
  // LIKE's wildcards in the text match only themselves.
  CHECK(f.emails_of({"x_y", {}}) ==
        std::vector<std::string>{"x_y@example.com"});
  CHECK(f.emails_of({"%", {}}).empty());
}

TEST_CASE("customer name comes from the address") {
  CustomersFixture f;
  f.buy("ann@example.com");
  auto page = f.admin.list_customers(f.owner, f.store, {});
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0].name == "Pat Doe");
  CHECK(f.emails_of({"PAT D", {}}) ==
        std::vector<std::string>{"ann@example.com"});
}

TEST_CASE("customer list pages by cursor") {
  CustomersFixture f;
  for (int i = 0; i < 5; ++i) f.buy("c" + std::to_string(i) + "@example.com");
  shopkit::CustomerQuery query;
  query.page.limit = 2;
  std::vector<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = f.admin.list_customers(f.owner, f.store, query);
    for (const auto& customer : page.items) seen.push_back(customer.email);
    if (page.next_cursor.empty()) break;
    // A customer created between pages is newer, so it never shows up.
    f.buy("late" + std::to_string(pages) + "@example.com");
    query.page.cursor = page.next_cursor;
  }
  CHECK(seen == std::vector<std::string>{"c4@example.com", "c3@example.com",
                                         "c2@example.com", "c1@example.com",
                                         "c0@example.com"});
}

TEST_CASE("customer orders page newest first") {
  CustomersFixture f;
  auto first = f.buy("ann@example.com");
  f.buy("bob@example.com");
  auto second = f.buy("ann@example.com");
  auto third = f.buy("ann@example.com");
  auto customer = f.admin.get_customer(f.owner, f.store, first.customer_id);
  CHECK(customer.email == "ann@example.com");

  auto page = f.admin.list_customer_orders(f.owner, f.store, first.customer_id,
                                           {2, ""});
  REQUIRE(page.items.size() == 2);
  CHECK(page.items[0].id == third.id);
  CHECK(page.items[1].id == second.id);
  auto rest = f.admin.list_customer_orders(f.owner, f.store, first.customer_id,
                                           {2, page.next_cursor});
  REQUIRE(rest.items.size() == 1);
  CHECK(rest.items[0].id == first.id);
  CHECK(rest.next_cursor.empty());
}

TEST_CASE("unknown customer and bad cursor are rejected") {
  CustomersFixture f;
  auto order = f.buy("ann@example.com");
  shopkit::CustomerId unknown("cus_00000000000000000000000000");
  CHECK(error_code_of([&] {
          f.admin.get_customer(f.owner, f.store, unknown);
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          f.admin.list_customer_orders(f.owner, f.store, unknown, {});
        }) == ErrorCode::not_found);
  shopkit::CustomerQuery bad_cursor;
  bad_cursor.page.cursor = "not-a-cursor";
  CHECK(error_code_of([&] {
          f.admin.list_customers(f.owner, f.store, bad_cursor);
        }) == ErrorCode::invalid_argument);
  CHECK(error_code_of([&] {
          f.admin.list_customer_orders(f.owner, f.store, order.customer_id,
                                       {0, ""});
        }) == ErrorCode::invalid_argument);
}

TEST_CASE("customer calls follow store rights") {
  CustomersFixture f;
  auto order = f.buy("ann@example.com");
  auto staff = f.make_merchant();
  auto manager = f.make_merchant();
  auto customer = f.make_user(shopkit::PlatformRole::customer);
  auto other_owner = f.make_merchant();
  auto other_store = f.make_store(other_owner, "other-shop");
  f.add_member(f.store, f.owner, staff, StoreRole::staff);
  f.add_member(f.store, f.owner, manager, StoreRole::manager);

  CHECK(f.admin.list_customers(staff, f.store, {}).items.size() == 1);
  CHECK(f.admin.get_customer(manager, f.store, order.customer_id).email ==
        "ann@example.com");
  CHECK(error_code_of([&] {
          f.admin.list_customers(customer, f.store, {});
        }) == ErrorCode::not_found);
  CHECK(error_code_of([&] {
          f.admin.list_customers(other_owner, f.store, {});
        }) == ErrorCode::not_found);
  // A customer id of this store is unknown in another store.
  CHECK(error_code_of([&] {
          f.admin.get_customer(other_owner, other_store, order.customer_id);
        }) == ErrorCode::not_found);
}
