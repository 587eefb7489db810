// Idempotency keys are scoped to the buyer: a signed-in buyer by user
// id, a guest by normalized email. The same buyer with the same key
// replays or conflicts; another buyer with that key places a new order.
#include <doctest/doctest.h>

#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "checkout_fixture.h"
#include "error_check.h"

using shopkit::CheckoutLine;
using shopkit::ErrorCode;
using shopkit::Order;
using shopkit::Principal;
using shopkit::testing::checkout_request;
using shopkit::testing::error_of;
using shopkit::testing::mentions;
using shopkit::testing::ShopFixture;

namespace {

// Checks out `lines` in "market" as `buyer` with request email `email`.
Order buy_as(ShopFixture& f, const Principal& buyer, const std::string& email,
             std::vector<CheckoutLine> lines, const std::string& key) {
  return f.stores().checkout(buyer, "market",
                             checkout_request(std::move(lines), key, email));
}

struct RaceResult {
  std::vector<Order> orders;
  std::vector<std::string> errors;
};

// Runs `checkout(i)` for i in [0, count) on `count` threads at once and
// collects the orders and the messages of the errors.
RaceResult race(int count, const std::function<Order(int)>& checkout) {
  RaceResult result;
  std::mutex mutex;
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      try {
        Order order = checkout(i);
        std::lock_guard lock(mutex);
        result.orders.push_back(order);
      } catch (const shopkit::Error& error) {
        std::lock_guard lock(mutex);
        result.errors.push_back(error.what());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  return result;
}

}  // namespace

TEST_CASE("other guest with the same key orders") {
  ShopFixture f;
  auto ann = buy_as(f, Principal::anonymous(), "ann@example.com",
                    {{"MUG", 1}}, "cart-1");
  auto bob = buy_as(f, Principal::anonymous(), "bob@example.com",
                    {{"MUG", 1}}, "cart-1");
  CHECK(bob.id != ann.id);
  CHECK(bob.number == ann.number + 1);
  CHECK(bob.email == "bob@example.com");
  CHECK(f.stock("MUG") == 3);
}

TEST_CASE("other user with the same key orders") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  auto bob = f.user(shopkit::PlatformRole::customer);
  // Both requests carry the same email, so only the user id separates
  // the two buyers.
  auto first = f.buy({{"TEE", 1}}, "cart-1", ann);
  auto second = f.buy({{"TEE", 1}}, "cart-1", bob);
  CHECK(second.id != first.id);
  REQUIRE(second.user_id.has_value());
  CHECK(*second.user_id == bob.user_id());
  CHECK(f.buy({{"TEE", 1}}, "cart-1", ann).id == first.id);
  CHECK(f.buy({{"TEE", 1}}, "cart-1", bob).id == second.id);
  CHECK(f.stock("TEE") == 8);
}

TEST_CASE("guest and user with one email differ") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  auto guest = f.buy({{"CAP", 1}}, "cart-1");
  auto signed_in = f.buy({{"CAP", 1}}, "cart-1", ann);
  CHECK(signed_in.id != guest.id);
  CHECK(f.stock("CAP") == 1);
}

TEST_CASE("guest email is normalized for the key") {
  ShopFixture f;
  auto first = buy_as(f, Principal::anonymous(), "ann@example.com",
                      {{"MUG", 2}}, "cart-1");
  auto retry = buy_as(f, Principal::anonymous(), "  Ann@Example.COM ",
                      {{"MUG", 2}}, "cart-1");
  CHECK(retry.id == first.id);
  CHECK(f.stock("MUG") == 3);
}

TEST_CASE("same buyer other body still conflicts") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  f.buy({{"MUG", 1}}, "cart-7", ann);
  // Another buyer's use of the key must not change the result for ann.
  f.buy({{"MUG", 2}}, "cart-7");
  auto error = error_of([&] { f.buy({{"MUG", 3}}, "cart-7", ann); });
  CHECK(error.code() == ErrorCode::conflict);
  CHECK(error.field() == "idempotency_key");
  CHECK(mentions(error, "cart-7"));
  CHECK(f.stock("MUG") == 2);
}

TEST_CASE("buyers racing with one key each order") {
  ShopFixture f;
  constexpr int kBuyers = 8;
  RaceResult result = race(kBuyers, [&](int i) {
    const std::string email = "racer" + std::to_string(i) + "@example.com";
    return buy_as(f, Principal::anonymous(), email, {{"TEE", 1}},
                  "shared-key");
  });

  CHECK(result.errors.empty());
  REQUIRE(result.orders.size() == kBuyers);
  std::set<std::string> ids;
  std::set<std::int64_t> numbers;
  for (const Order& order : result.orders) {
    ids.insert(order.id.str());
    numbers.insert(order.number);
  }
  CHECK(ids.size() == kBuyers);
  CHECK(numbers.size() == kBuyers);
  CHECK(*numbers.rbegin() == kBuyers);
  CHECK(f.stock("TEE") == 10 - kBuyers);
}

TEST_CASE("one buyer racing with one key orders once") {
  ShopFixture f;
  auto ann = f.user(shopkit::PlatformRole::customer);
  constexpr int kAttempts = 8;
  RaceResult result = race(
      kAttempts, [&](int) { return f.buy({{"TEE", 2}}, "retry-key", ann); });

  CHECK(result.errors.empty());
  REQUIRE(result.orders.size() == kAttempts);
  for (const Order& order : result.orders) {
    CHECK(order.id == result.orders.front().id);
  }
  CHECK(f.stock("TEE") == 8);
  CHECK(f.admin().list_orders(f.owner, f.shop, {}).items.size() == 1);
}
