#include <doctest/doctest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/sqlite/store_pool.h"
#include "storage/store_settings_repository.h"
#include "storage_fixture.h"

using shopkit::testing::TempDir;

// Each open store holds three descriptors in WAL mode: the database, its
// -wal and its -shm file. The bound is on store files, so the check is
// on .db descriptors and, with the sidecars, on the total.
TEST_CASE("pool keeps at most max_open_stores files open") {
  TempDir dir;
  constexpr int kBound = 32;
  constexpr int kStores = 2000;
  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path(), kBound));
  auto owner = shopkit::testing::insert_user(dir.path());
  const int baseline = shopkit::testing::count_open_fds();

  std::vector<shopkit::StoreId> stores;
  for (int i = 0; i < kStores; ++i) {
    auto record = shopkit::testing::new_store_record(
        owner, "pool-" + std::to_string(i));
    storage->provision_store(record, {});
    stores.push_back(record.id);
  }

  int max_store_files = 0;
  int max_total = 0;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < kStores; ++i) {
      storage->write_store(stores[i], [&](auto& r) {
        r.settings().put("touched", std::to_string(round));
      });
      if (i % 50 == 0) {
        max_store_files = std::max(
            max_store_files,
            shopkit::testing::count_open_fds_ending_with(".db") -
                shopkit::testing::count_open_fds_ending_with("platform.db"));
        max_total = std::max(max_total, shopkit::testing::count_open_fds());
      }
    }
  }
  CHECK(storage->open_store_count() <= kBound);
  CHECK(max_store_files <= kBound + 2);
  CHECK(max_total - baseline <= 3 * kBound + 8);

  // Evicted stores reopen with their data.
  auto value = storage->read_store(
      stores[0], [](auto& r) { return r.settings().get("touched"); });
  CHECK(value == std::optional<std::string>("1"));
}

// A read connection that comes back goes to the read that waited
// longest. Before, the thread giving it back could take it again at
// once, ahead of the waiting read, and under load a few reads waited
// more than a second.
TEST_CASE("waiting read gets the next free connection") {
  TempDir dir;
  namespace sqlite = shopkit::storage::sqlite;
  const auto path = dir.path() / "queue.db";
  auto open = [path] {
    return std::make_unique<sqlite::Connection>(path,
                                                sqlite::ConnectionOptions{});
  };
  sqlite::StoreHandle handle("queue.db", open(), open, /*max_readers=*/1);
  constexpr auto kReaderOnly = sqlite::StoreHandle::ReadOn::reader_only;

  std::mutex order_mutex;
  std::vector<std::string> order;
  auto record = [&](const std::string& who) {
    std::lock_guard lock(order_mutex);
    order.push_back(who);
  };

  std::thread waiting;
  handle.with_reader(
      [&](sqlite::Connection&) {
        waiting = std::thread([&] {
          handle.with_reader([&](sqlite::Connection&) { record("waiting"); },
                             kReaderOnly);
        });
        // Bounded: the other thread queues within milliseconds.
        for (int i = 0; i < 5000 && handle.waiting_reads() == 0; ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        CHECK(handle.waiting_reads() == 1);
      },
      kReaderOnly);
  // This thread gave the connection back and requests one again at once.
  handle.with_reader([&](sqlite::Connection&) { record("again"); },
                     kReaderOnly);
  waiting.join();
  CHECK(order == std::vector<std::string>{"waiting", "again"});
  CHECK(handle.waiting_reads() == 0);
  handle.close();
}
