// Starts the crash_writer process again and again and kills it with
// SIGKILL after a random number of committed operations, so the kill
// lands somewhere inside the next one. Then it reopens the data folder
// and checks that nothing reported is lost and nothing is half written.
#include <doctest/doctest.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "crash_world.h"
#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/platform.h"
#include "shopkit/store_service.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
namespace crash = shopkit::testing::crash;
using shopkit::testing::TempDir;

namespace {

constexpr int kRounds = 10;
// The writer is killed after 0 to kMaxLinesBeforeKill - 1 reported
// operations; 0 kills it while it opens the folder or signs in.
constexpr int kMaxLinesBeforeKill = 8;

// What the writers reported as committed, over all rounds.
struct Committed {
  struct OrderLine {
    std::string order_id;
    std::string sku;
    std::int64_t quantity = 0;
  };
  std::vector<OrderLine> orders;
  std::map<std::string, std::int64_t> newest_edit;  // product id -> sequence
  std::vector<std::string> stores;
  int adjustments = 0;
};

void record_line(const std::string& line, Committed& committed) {
  std::istringstream in(line);
  std::string kind;
  in >> kind;
  if (kind == "order") {
    Committed::OrderLine order;
    in >> order.order_id >> order.sku >> order.quantity;
    committed.orders.push_back(order);
  } else if (kind == "edit") {
    std::string product;
    std::int64_t sequence = 0;
    in >> product >> sequence;
    committed.newest_edit[product] = sequence;
  } else if (kind == "store") {
    std::string store;
    in >> store;
    committed.stores.push_back(store);
  } else if (kind == "adjust") {
    ++committed.adjustments;
  } else {
    FAIL("unexpected writer output: " << line);
  }
}

// The writer process with its stdout on a pipe.
struct Writer {
  pid_t pid = -1;
  int output = -1;
  std::string pending;  // Bytes read after the last full line.
};

Writer start_writer(const fs::path& dir, const std::string& store, int round,
                    std::uint32_t seed) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    const std::string round_text = std::to_string(round);
    const std::string seed_text = std::to_string(seed);
    ::execl(SHOPKIT_CRASH_WRITER, SHOPKIT_CRASH_WRITER, dir.c_str(),
            store.c_str(), round_text.c_str(), seed_text.c_str(), nullptr);
    ::_exit(127);
  }
  ::close(fds[1]);
  return Writer{pid, fds[0], {}};
}

// Reads one reported line; false at end of output.
bool read_line(Writer& writer, std::string& line) {
  while (true) {
    std::size_t newline = writer.pending.find('\n');
    if (newline != std::string::npos) {
      line = writer.pending.substr(0, newline);
      writer.pending.erase(0, newline + 1);
      return true;
    }
    char buffer[512];
    ssize_t got = ::read(writer.output, buffer, sizeof buffer);
    if (got <= 0) return false;
    writer.pending.append(buffer, static_cast<std::size_t>(got));
  }
}

// Runs one writer, kills it after `lines_before_kill` lines, and adds
// every line it wrote (also those written after the kill was decided)
// to `committed`.
void run_and_kill(const fs::path& dir, const std::string& store, int round,
                  std::uint32_t seed, int lines_before_kill,
                  Committed& committed) {
  Writer writer = start_writer(dir, store, round, seed);
  std::string line;
  int lines = 0;
  while (lines < lines_before_kill && read_line(writer, line)) {
    record_line(line, committed);
    ++lines;
  }
  ::kill(writer.pid, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(writer.pid, &status, 0) == writer.pid);
  while (read_line(writer, line)) record_line(line, committed);
  ::close(writer.output);

  // A writer that failed on its own (not by the kill) is a failure.
  const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  const bool finished = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  const bool expected_end = killed || finished;
  CHECK_MESSAGE(expected_end, "writer status " << status);
  CHECK(lines == lines_before_kill);
}

shopkit::Principal sign_in_owner(shopkit::Platform& platform) {
  auto login = platform.auth().login({std::string(crash::kOwnerEmail),
                                      std::string(crash::kPassword), {}});
  return platform.auth().authenticate(login.access_token);
}

// Makes the owner, the store and its products; returns the store id.
std::string make_world(const fs::path& dir) {
  auto platform = shopkit::Platform::open(crash::options(dir));
  platform->auth().register_user({std::string(crash::kOwnerEmail),
                                  std::string(crash::kPassword), "Owner",
                                  shopkit::PlatformRole::merchant});
  shopkit::Principal owner = sign_in_owner(*platform);
  auto store = platform->stores().create_store(
      owner, {"Crash Main", std::string(crash::kStoreHandle), "USD", "US"});
  for (int i = 0; i < crash::kProducts; ++i) {
    shopkit::ProductInput input;
    input.title = "Crash product " + std::to_string(i);
    input.handle = crash::product_handle(i);
    input.status = shopkit::ProductStatus::active;
    shopkit::VariantInput variant;
    variant.sku = crash::sku(i);
    variant.price = shopkit::Money(1000 + i, "USD");
    variant.stock = crash::kInitialStock;
    input.variants.push_back(variant);
    platform->admin().create_product(owner, store.id, input);
  }
  return store.id.str();
}

std::string integrity_of(const fs::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

std::set<std::string> registered_store_ids(const fs::path& dir) {
  SQLite::Database db((dir / "platform.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT id FROM stores");
  std::set<std::string> ids;
  while (query.executeStep()) ids.insert(query.getColumn(0).getString());
  return ids;
}

// The store files in stores/ by id, and every other name found there
// except the -wal and -shm files that belong to a store file.
void list_store_folder(const fs::path& dir, std::set<std::string>& ids,
                       std::set<std::string>& others) {
  for (const auto& entry : fs::directory_iterator(dir / "stores")) {
    const std::string name = entry.path().filename().string();
    const fs::path path = entry.path();
    if (path.extension() == ".db") {
      ids.insert(path.stem().string());
    } else if (name.ends_with(".db-wal") || name.ends_with(".db-shm")) {
      continue;
    } else {
      others.insert(name);
    }
  }
}

void check_files(const fs::path& dir) {
  CHECK(integrity_of(dir / "platform.db") == "ok");
  for (const auto& entry : fs::directory_iterator(dir / "templates")) {
    if (entry.path().extension() != ".db") continue;
    CAPTURE(entry.path());
    CHECK(integrity_of(entry.path()) == "ok");
  }
  std::set<std::string> file_ids;
  std::set<std::string> others;
  list_store_folder(dir, file_ids, others);
  for (const std::string& id : file_ids) {
    CAPTURE(id);
    CHECK(integrity_of(dir / "stores" / (id + ".db")) == "ok");
  }
  // No store without a file, no file without a store, no leftover
  // temporary file.
  CHECK(registered_store_ids(dir) == file_ids);
  CHECK(others.empty());
}

std::int64_t ledger_sum(shopkit::AdminService& admin,
                        const shopkit::Principal& owner,
                        const shopkit::StoreId& store, const std::string& sku) {
  std::int64_t sum = 0;
  shopkit::PageRequest page;
  page.limit = 200;
  while (true) {
    auto entries = admin.list_inventory_ledger(owner, store, sku, page);
    for (const auto& entry : entries.items) sum += entry.delta;
    if (entries.next_cursor.empty()) return sum;
    page.cursor = entries.next_cursor;
  }
}

std::vector<std::int64_t> order_numbers(shopkit::AdminService& admin,
                                        const shopkit::Principal& owner,
                                        const shopkit::StoreId& store) {
  std::vector<std::int64_t> numbers;
  shopkit::OrderQuery query;
  query.limit = 200;
  while (true) {
    auto orders = admin.list_orders(owner, store, query);
    for (const auto& order : orders.items) numbers.push_back(order.number);
    if (orders.next_cursor.empty()) return numbers;
    query.cursor = orders.next_cursor;
  }
}

// Reopens the folder with Platform::open and checks its contents
// against what the writers reported.
void check_committed(const fs::path& dir, const shopkit::StoreId& store,
                     const Committed& committed) {
  auto platform = shopkit::Platform::open(crash::options(dir));
  auto& admin = platform->admin();
  shopkit::Principal owner = sign_in_owner(*platform);

  for (const auto& reported : committed.orders) {
    CAPTURE(reported.order_id);
    auto order = admin.get_order(owner, store, shopkit::OrderId(reported.order_id));
    REQUIRE(order.lines.size() == 1);
    CHECK(order.lines[0].sku == reported.sku);
    CHECK(order.lines[0].quantity == reported.quantity);
  }

  // An edit committed after the last reported one may also be there.
  for (const auto& [product, sequence] : committed.newest_edit) {
    CAPTURE(product);
    auto title = admin.get_product(owner, store, shopkit::ProductId(product)).title;
    REQUIRE(title.starts_with("Edited "));
    CHECK(std::stoll(title.substr(7)) >= sequence);
  }

  for (int i = 0; i < crash::kProducts; ++i) {
    CAPTURE(crash::sku(i));
    auto level = admin.get_stock(owner, store, crash::sku(i));
    CHECK(level.stock == ledger_sum(admin, owner, store, crash::sku(i)));
  }

  // Order numbers run 1, 2, ... n with no gap and no repeat.
  std::vector<std::int64_t> numbers = order_numbers(admin, owner, store);
  std::set<std::int64_t> distinct(numbers.begin(), numbers.end());
  CHECK(distinct.size() == numbers.size());
  if (!distinct.empty()) {
    CHECK(*distinct.begin() == 1);
    CHECK(*distinct.rbegin() == static_cast<std::int64_t>(distinct.size()));
  }

  for (const std::string& id : committed.stores) {
    CAPTURE(id);
    CHECK(platform->stores().get_store(owner, shopkit::StoreId(id)).id.str() == id);
  }
}

}  // namespace

TEST_CASE("writer killed at random loses nothing") {
  TempDir dir;
  const std::string store = make_world(dir.path());
  const auto seed = std::random_device{}();
  CAPTURE(seed);
  std::mt19937 random(seed);
  Committed committed;

  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    run_and_kill(dir.path(), store, round, random(),
                 static_cast<int>(random() % kMaxLinesBeforeKill), committed);
    check_committed(dir.path(), shopkit::StoreId(store), committed);
    check_files(dir.path());
  }
  // The rounds did reach every kind of operation.
  CHECK(!committed.orders.empty());
  CHECK(!committed.newest_edit.empty());
}
