// Many buyers race for the last units of one variant, first as threads
// of one process, then as separate processes on the same data folder.
// Exactly the available units must be sold.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "checkout_fixture.h"

using shopkit::ErrorCode;
using shopkit::Principal;
using shopkit::testing::checkout_request;

namespace {

constexpr std::int64_t kUnits = 10;

struct Sale {
  shopkit::OrderId order;
  std::int64_t quantity = 0;
};

// Buys LAST until the store reports a shortage: two units at a time,
// then one. Calls `sold` for each order placed. Returns the first error
// that was not a stock conflict, or "" when there was none.
std::string buy_until_sold_out(shopkit::StoreService& stores,
                               const std::string& buyer,
                               const std::function<void(const Sale&)>& sold) {
  std::int64_t quantity = 2;
  for (int attempt = 0; quantity > 0; ++attempt) {
    const std::string key = buyer + "-" + std::to_string(attempt);
    try {
      auto order = stores.checkout(Principal::anonymous(), "market",
                                   checkout_request({{"LAST", quantity}}, key));
      sold(Sale{order.id, quantity});
    } catch (const shopkit::Error& error) {
      if (error.code() != ErrorCode::conflict) return error.what();
      --quantity;
    }
  }
  return "";
}

// Checks the store after the race: stock 0, every reported order there
// with its quantity, exactly kUnits sold, and a ledger that sums to the
// stock.
void check_sold_out(shopkit::AdminService& admin, const Principal& owner,
                    const shopkit::StoreId& shop,
                    const std::vector<Sale>& sales) {
  CHECK(admin.get_stock(owner, shop, "LAST").stock == 0);
  std::int64_t reported = 0;
  for (const Sale& sale : sales) {
    auto order = admin.get_order(owner, shop, sale.order);
    REQUIRE(order.lines.size() == 1);
    CHECK(order.lines[0].quantity == sale.quantity);
    reported += sale.quantity;
  }
  CHECK(reported == kUnits);

  std::int64_t ledger_sum = 0;
  std::int64_t sold_in_ledger = 0;
  shopkit::PageRequest page{200, ""};
  for (;;) {
    auto entries = admin.list_inventory_ledger(owner, shop, "LAST", page);
    for (const auto& entry : entries.items) {
      ledger_sum += entry.delta;
      if (entry.reason == "order") sold_in_ledger -= entry.delta;
    }
    if (entries.next_cursor.empty()) break;
    page.cursor = entries.next_cursor;
  }
  CHECK(ledger_sum == 0);
  CHECK(sold_in_ledger == kUnits);
  auto orders = admin.list_orders(owner, shop, {});
  CHECK(orders.items.size() == sales.size());
}

}  // namespace

TEST_CASE("sixteen threads race for ten units") {
  shopkit::testing::ShopFixture f;
  f.admin().create_product(
      f.owner, f.shop, shopkit::testing::simple_product("Last", "LAST", 500, kUnits));

  std::mutex mutex;
  std::vector<Sale> sales;
  std::vector<std::string> errors;
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      std::string error = buy_until_sold_out(
          f.stores(), "thread" + std::to_string(t), [&](const Sale& sale) {
            std::lock_guard lock(mutex);
            sales.push_back(sale);
          });
      if (!error.empty()) {
        std::lock_guard lock(mutex);
        errors.push_back(error);
      }
    });
  }
  for (auto& thread : threads) thread.join();

  CHECK(errors.empty());
  check_sold_out(f.admin(), f.owner, f.shop, sales);
}

TEST_CASE("four processes race for ten units") {
  shopkit::testing::TempDir dir;
  Principal owner = Principal::anonymous();
  shopkit::StoreId shop;
  {
    // Build the store, then close the platform: a child must not inherit
    // open SQLite connections.
    auto test = shopkit::testing::open_test_platform(dir.path());
    owner = shopkit::testing::sign_up(*test.platform, "owner@example.com",
                                      shopkit::PlatformRole::merchant);
    shop = test.platform->stores()
               .create_store(owner, {"Shop", "market", "USD", "US"})
               .id;
    test.platform->admin().create_product(
        owner, shop, shopkit::testing::simple_product("Last", "LAST", 500, kUnits));
  }

  std::vector<pid_t> children;
  for (int child_index = 0; child_index < 4; ++child_index) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      std::ofstream log(dir.path() / ("buyer" + std::to_string(child_index)));
      int status = 0;
      try {
        auto test = shopkit::testing::open_test_platform(dir.path());
        std::string error = buy_until_sold_out(
            test.platform->stores(), "process" + std::to_string(child_index),
            [&](const Sale& sale) {
              log << "sold " << sale.order.str() << " " << sale.quantity
                  << std::endl;
            });
        if (!error.empty()) {
          log << "error " << error << std::endl;
          status = 1;
        }
      } catch (const std::exception& error) {
        log << "error " << error.what() << std::endl;
        status = 1;
      }
      log.close();
      ::_exit(status);
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  std::vector<Sale> sales;
  for (int child_index = 0; child_index < 4; ++child_index) {
    std::ifstream log(dir.path() / ("buyer" + std::to_string(child_index)));
    std::string line;
    while (std::getline(log, line)) {
      CAPTURE(line);
      std::istringstream words(line);
      std::string kind, order;
      std::int64_t quantity = 0;
      words >> kind >> order >> quantity;
      CHECK(kind == "sold");
      sales.push_back(Sale{shopkit::OrderId(order), quantity});
    }
  }
  auto test = shopkit::testing::open_test_platform(dir.path());
  check_sold_out(test.platform->admin(), owner, shop, sales);
}
