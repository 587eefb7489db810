// Writes to one store from many threads share commits (group commit);
// reads use connections of their own. These tests check that each
// caller still gets exactly its own outcome.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/error.h"
#include "storage/catalog_repository.h"
#include "storage/store_settings_repository.h"
#include "storage_fixture.h"

using shopkit::testing::TempDir;

namespace {

struct OneStore {
  TempDir dir;
  std::unique_ptr<shopkit::storage::sqlite::SqliteStorage> storage =
      shopkit::testing::open_storage(
          shopkit::testing::storage_options(dir.path()));
  shopkit::StoreId store;

  OneStore() {
    auto owner = shopkit::testing::insert_user(dir.path());
    auto record = shopkit::testing::new_store_record(owner, "queue");
    storage->provision_store(record, {});
    store = record.id;
  }

  std::optional<std::string> get(const std::string& key) {
    return storage->read_store(
        store, [&](auto& r) { return r.settings().get(key); });
  }
};

// A product with a new id and no variants.
shopkit::Product new_product(const std::string& handle,
                             const std::string& title) {
  static shopkit::OsRandom random;
  shopkit::Product product;
  product.id = shopkit::ProductId(shopkit::internal::new_id(
      "prd", shopkit::testing::test_epoch(), random));
  product.handle = handle;
  product.title = title;
  return product;
}

}  // namespace

TEST_CASE("concurrent writes each get their own outcome") {
  OneStore f;
  constexpr int kThreads = 16;
  constexpr int kWrites = 60;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        const std::string key = "k-" + std::to_string(t) + "-" +
                                std::to_string(i);
        // Every third write writes its row and then fails: its row must
        // be rolled back while the writes sharing its commit stay.
        const bool fail = i % 3 == 0;
        try {
          f.storage->write_store(f.store, [&](auto& r) {
            r.settings().put(key, "1");
            if (fail) {
              throw shopkit::Error(shopkit::ErrorCode::conflict,
                                   "refused " + key);
            }
          });
          if (fail) ++wrong;
        } catch (const shopkit::Error& error) {
          if (!fail || error.code() != shopkit::ErrorCode::conflict ||
              std::string(error.what()) != "refused " + key) {
            ++wrong;
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);

  int present = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWrites; ++i) {
      const std::string key =
          "k-" + std::to_string(t) + "-" + std::to_string(i);
      const bool expected = i % 3 != 0;
      CAPTURE(key);
      CHECK(f.get(key).has_value() == expected);
      present += f.get(key).has_value() ? 1 : 0;
    }
  }
  CHECK(present == kThreads * kWrites * 2 / 3);
}

TEST_CASE("a write whose SQL statement fails leaves the others") {
  OneStore f;
  auto product_with_handle = [](const std::string& handle) {
    return new_product(handle, "Taken");
  };
  f.storage->write_store(f.store, [&](auto& r) {
    r.catalog().insert(product_with_handle("taken"));
  });

  constexpr int kThreads = 8;
  constexpr int kWrites = 40;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        const std::string key = "w-" + std::to_string(t) + "-" +
                                std::to_string(i);
        const bool fail = i % 2 == 1;
        try {
          f.storage->write_store(f.store, [&](auto& r) {
            r.settings().put(key, "1");
            // SQLite refuses this insert (UNIQUE handle) after the
            // write has changed a row.
            if (fail) r.catalog().insert(product_with_handle("taken"));
          });
          if (fail) ++wrong;
        } catch (const shopkit::Error& error) {
          if (!fail || error.code() != shopkit::ErrorCode::already_exists) {
            ++wrong;
          }
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWrites; ++i) {
      const std::string key =
          "w-" + std::to_string(t) + "-" + std::to_string(i);
      CAPTURE(key);
      CHECK(f.get(key).has_value() == (i % 2 == 0));
    }
  }
}

TEST_CASE("search text follows each write's outcome") {
  OneStore f;
  auto product_titled = [](const std::string& title) {
    return new_product(title, title);
  };
  auto found = [&f](const std::string& word) {
    return f.storage->read_store(f.store, [&](auto& r) {
      shopkit::storage::CatalogQuery query;
      query.match = word;
      return r.catalog().search(query, "USD").items.size();
    });
  };

  // Writes that share commits. A third insert and succeed, a third insert
  // and then fail, and a third insert in a savepoint that fails, catch
  // that, and insert another product. The search text waits until the
  // end of the commit, and that of every undone insert must be gone.
  constexpr int kThreads = 8;
  constexpr int kWrites = 40;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        const std::string name =
            "p" + std::to_string(t) + "x" + std::to_string(i);
        const int kind = i % 3;
        try {
          f.storage->write_store(f.store, [&](auto& r) {
            if (kind == 2) {
              try {
                r.savepoint([&] {
                  r.catalog().insert(product_titled(name + "undone"));
                  throw shopkit::Error(shopkit::ErrorCode::conflict, "undo");
                });
              } catch (const shopkit::Error&) {
              }
            }
            r.catalog().insert(product_titled(name));
            if (kind == 1) {
              throw shopkit::Error(shopkit::ErrorCode::conflict, "refused");
            }
          });
          if (kind == 1) ++wrong;
        } catch (const shopkit::Error& error) {
          if (kind != 1 || std::string(error.what()) != "refused") ++wrong;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == 0);

  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWrites; ++i) {
      const std::string name =
          "p" + std::to_string(t) + "x" + std::to_string(i);
      CAPTURE(name);
      CHECK(found(name) == (i % 3 == 1 ? 0u : 1u));
      CHECK(found(name + "undone") == 0u);
    }
  }
  SQLite::Database db(f.storage->store_path(f.store).string(),
                      SQLite::OPEN_READWRITE);
  CHECK(db.execAndGet("SELECT count(*) FROM products").getInt() ==
        db.execAndGet("SELECT count(*) FROM products_fts").getInt());
  CHECK_NOTHROW(db.exec(
      "INSERT INTO products_fts (products_fts) VALUES ('integrity-check')"));
}

TEST_CASE("reads do not wait for a write in progress") {
  OneStore f;
  f.storage->write_store(f.store,
                         [](auto& r) { r.settings().put("value", "1"); });

  std::mutex mutex;
  std::condition_variable changed;
  bool writing = false;
  bool release = false;
  std::thread writer([&] {
    f.storage->write_store(f.store, [&](auto& r) {
      r.settings().put("value", "2");
      std::unique_lock lock(mutex);
      writing = true;
      changed.notify_all();
      changed.wait(lock, [&] { return release; });
    });
  });
  {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return writing; });
  }
  // The write keeps its transaction open. Reads from several threads
  // still finish, and they see the last commit.
  std::vector<std::thread> readers;
  std::atomic<int> saw_old{0};
  for (int i = 0; i < 6; ++i) {
    readers.emplace_back([&] {
      if (f.get("value") == std::optional<std::string>("1")) ++saw_old;
    });
  }
  for (auto& reader : readers) reader.join();
  CHECK(saw_old == 6);
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  changed.notify_all();
  writer.join();
  CHECK(f.get("value") == std::optional<std::string>("2"));
}

TEST_CASE("a store moved to trash while reads and writes run") {
  OneStore f;
  std::atomic<bool> stop{false};
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; !stop && i < 100000; ++i) {
        try {
          if (t % 2 == 0) {
            f.storage->write_store(f.store, [&](auto& r) {
              r.settings().put("n" + std::to_string(t), std::to_string(i));
            });
          } else {
            f.get("n0");
          }
        } catch (const shopkit::Error& error) {
          if (error.code() != shopkit::ErrorCode::not_found) ++unexpected;
          return;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  f.storage->move_store_to_trash(f.store);
  stop = true;
  for (auto& thread : threads) thread.join();
  CHECK(unexpected == 0);
  CHECK_FALSE(std::filesystem::exists(f.storage->store_path(f.store)));
  CHECK(std::filesystem::exists(f.storage->trash_path(f.store)));
}

TEST_CASE("checkpoint thread copies the WAL back") {
  OneStore f;
  const std::filesystem::path file = f.storage->store_path(f.store);
  const std::filesystem::path wal = file.string() + "-wal";
  const auto start_size = std::filesystem::file_size(file);

  // 600 writes of 16 KiB each put more than 2,400 pages in the WAL, past
  // the 1,000 that start a checkpoint, and less than 1,000 pages can
  // stay in the WAL at the end. Commits do not checkpoint themselves, so
  // only the thread can grow the store file.
  const std::string value = "\"" + std::string(16 * 1024, 'x') + "\"";
  for (int i = 0; i < 600; ++i) {
    f.storage->write_store(f.store, [&](auto& r) {
      r.settings().put("big-" + std::to_string(i), value);
    });
  }
  bool copied = false;
  for (int wait = 0; wait < 200 && !copied; ++wait) {
    copied = std::filesystem::file_size(file) > start_size + 4 * 1024 * 1024;
    if (!copied) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(copied);

  // A long run of writes keeps the WAL bounded: 3,000 writes of 64 KiB
  // add more than 48,000 pages (192 MiB), past the 32,000 pages
  // (128 MiB) at which the writer copies the WAL itself. Reads run all
  // the while, so that copy waits for reads in progress.
  const std::string large = "\"" + std::string(64 * 1024, 'y') + "\"";
  std::atomic<bool> writing{true};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (writing) {
        f.storage->read_store(f.store, [](auto& r) {
          r.settings().get("large-1");
          std::this_thread::sleep_for(std::chrono::microseconds(200));
        });
      }
    });
  }
  for (int i = 0; i < 3000; ++i) {
    f.storage->write_store(f.store, [&](auto& r) {
      r.settings().put("large-" + std::to_string(i % 300), large);
    });
  }
  writing = false;
  for (auto& reader : readers) reader.join();
  CHECK(std::filesystem::file_size(wal) < 136u * 1024 * 1024);

  // Everything is there after the storage closes and opens again.
  const std::filesystem::path dir = f.dir.path();
  f.storage->close();
  auto again = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir));
  for (int i = 0; i < 600; ++i) {
    auto stored = again->read_store(f.store, [&](auto& r) {
      return r.settings().get("big-" + std::to_string(i));
    });
    REQUIRE(stored == std::optional<std::string>(value));
  }
}
