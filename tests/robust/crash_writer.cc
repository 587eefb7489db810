// The writer process of the crash-safety test. It opens DATA_DIR, signs
// in as the store owner the test created, and runs a random mix of
// checkouts, product edits, stock adjustments and store creations.
// After each call returns it writes one line that names what committed
// to stdout (unbuffered), so the test can check that it survives the kill:
//
//   order <order_id> <sku> <quantity>
//   edit <product_id> <sequence>
//   adjust <sku> <delta>
//   store <store_id>
//
// Usage: crash_writer DATA_DIR STORE_ID ROUND SEED. It stops after
// kMaxOperations operations; the test normally kills it long before.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "crash_world.h"
#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/platform.h"
#include "shopkit/store_service.h"

namespace {

namespace crash = shopkit::testing::crash;

constexpr int kMaxOperations = 400;

// Writes `line` and a newline to stdout with one write(2), so the test
// never reads half a line from a killed writer.
void report(std::string line) {
  line += '\n';
  std::size_t done = 0;
  while (done < line.size()) {
    ssize_t written = ::write(STDOUT_FILENO, line.data() + done,
                              line.size() - done);
    if (written <= 0) std::_Exit(3);
    done += static_cast<std::size_t>(written);
  }
}

shopkit::CheckoutRequest checkout_request(const std::string& sku,
                                          std::int64_t quantity,
                                          std::string key) {
  shopkit::CheckoutRequest request;
  request.lines.push_back({sku, quantity});
  request.email = "buyer@example.com";
  request.shipping_address = {"Ann Buyer", "1 Main St", "",   "Springfield",
                              "",          "12345",     "US", ""};
  request.idempotency_key = std::move(key);
  return request;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: crash_writer DATA_DIR STORE_ID ROUND SEED\n");
    return 2;
  }
  const shopkit::StoreId store(argv[2]);
  const int round = std::atoi(argv[3]);
  std::mt19937 random(static_cast<std::uint32_t>(std::atoll(argv[4])));

  try {
    auto platform = shopkit::Platform::open(crash::options(argv[1]));
    auto& admin = platform->admin();
    auto login = platform->auth().login(
        {std::string(crash::kOwnerEmail), std::string(crash::kPassword), {}});
    const shopkit::Principal owner =
        platform->auth().authenticate(login.access_token);
    std::vector<shopkit::ProductId> products;
    for (int i = 0; i < crash::kProducts; ++i) {
      products.push_back(
          admin.get_product_by_handle(owner, store, crash::product_handle(i))
              .id);
    }

    for (int op = 0; op < kMaxOperations; ++op) {
      // A sequence number that grows across rounds names each operation.
      const std::int64_t sequence = std::int64_t{round} * 1000 + op;
      const int product = static_cast<int>(random() % crash::kProducts);
      const std::string sku = crash::sku(product);
      switch (random() % 8) {
        case 0: {
          auto created = platform->stores().create_store(
              owner, {"Crash Store", "crash-" + std::to_string(sequence),
                      "USD", "US"});
          report("store " + created.id.str());
          break;
        }
        case 1:
        case 2: {
          shopkit::ProductUpdate update;
          update.title = crash::edited_title(sequence);
          admin.update_product(owner, store, products[product], update);
          report("edit " + products[product].str() + " " +
                 std::to_string(sequence));
          break;
        }
        case 3: {
          const std::int64_t delta = static_cast<std::int64_t>(random() % 5) + 1;
          admin.adjust_stock(owner, store, sku, delta, "crash test restock");
          report("adjust " + sku + " " + std::to_string(delta));
          break;
        }
        default: {
          const std::int64_t quantity =
              static_cast<std::int64_t>(random() % 3) + 1;
          auto order = platform->stores().checkout(
              shopkit::Principal::anonymous(), crash::kStoreHandle,
              checkout_request(sku, quantity,
                               "crash-" + std::to_string(sequence)));
          report("order " + order.id.str() + " " + sku + " " +
                 std::to_string(quantity));
          break;
        }
      }
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "crash_writer failed: %s\n", error.what());
    return 1;
  }
  return 0;
}
