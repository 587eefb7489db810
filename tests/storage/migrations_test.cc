#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "shopkit/error.h"
#include "storage/sqlite/migrations.h"
#include "storage_fixture.h"
#include "store/checkout_fixture.h"
#include "store/error_check.h"

namespace fs = std::filesystem;
using shopkit::testing::TempDir;

namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int schema_version(const fs::path& path) {
  SQLite::Database db(path.string());
  return db.execAndGet("PRAGMA user_version").getInt();
}

// The number of product sort indexes in `path` that version 3 drops.
int member_sort_indexes(const fs::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet(
               "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
               "name IN ('products_by_created', 'products_by_price', "
               "'products_by_title')")
      .getInt();
}

// Turns a closed store file back into schema version 1, where an
// idempotency key was unique in the store, keeping its rows, and where
// products had three more sort indexes. The table and the indexes are
// the version 1 ones from store_schema.cc.
void rewrite_as_version_1(const fs::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.setBusyTimeout(10000);
  db.exec(R"sql(
BEGIN;
CREATE TABLE keys_v1 (
  key TEXT PRIMARY KEY,
  request_hash BLOB NOT NULL,
  order_id TEXT NOT NULL REFERENCES orders (id),
  created_at INTEGER NOT NULL
);
INSERT INTO keys_v1 SELECT key, request_hash, order_id, created_at
  FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE keys_v1 RENAME TO idempotency_keys;
CREATE INDEX products_by_created ON products (created_at, id);
CREATE INDEX products_by_price ON products (min_price, id);
CREATE INDEX products_by_title ON products (title COLLATE NOCASE, id);
PRAGMA user_version = 1;
COMMIT;
)sql");
}

// A store "market" whose file is at schema version 1 and contains a
// guest order (key "guest-key") and an order of `customer` (key
// "user-key").
struct Version1Store : shopkit::testing::ShopFixture {
  shopkit::Principal customer = user(shopkit::PlatformRole::customer);
  shopkit::Order guest_order = buy({{"MUG", 1}}, "guest-key");
  shopkit::Order user_order = buy({{"TEE", 1}}, "user-key", customer);
  fs::path file = dir.path() / "stores" / (shop.str() + ".db");

  Version1Store() {
    test.platform.reset();
    rewrite_as_version_1(file);
    test = shopkit::testing::open_test_platform(dir.path());
  }

  // Checks that the old keys replay, conflict and scope as version 2
  // keys do.
  void check_old_keys_work() {
    CHECK(buy({{"MUG", 1}}, "guest-key").id == guest_order.id);
    CHECK(buy({{"TEE", 1}}, "user-key", customer).id == user_order.id);
    auto changed =
        shopkit::testing::error_of([&] { buy({{"MUG", 2}}, "guest-key"); });
    CHECK(changed.code() == shopkit::ErrorCode::conflict);
    auto other_buyer = stores().checkout(
        shopkit::Principal::anonymous(), "market",
        shopkit::testing::checkout_request({{"MUG", 1}}, "user-key",
                                           "other@example.com"));
    CHECK(other_buyer.id != user_order.id);
    CHECK(stock("MUG") == 3);
  }
};

}  // namespace

TEST_CASE("new data folder gets layout, pragmas and schema version") {
  TempDir dir;
  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  CHECK(fs::exists(dir.path() / "platform.db"));
  CHECK(fs::is_directory(dir.path() / "stores"));
  CHECK(fs::is_directory(dir.path() / "trash"));
  storage->close();

  SQLite::Database db((dir.path() / "platform.db").string());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() ==
        shopkit::storage::sqlite::latest_version(
            shopkit::storage::sqlite::platform_migrations()));
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("store file of a newer version is refused and untouched") {
  TempDir dir;
  auto owner_dir = dir.path();
  shopkit::StoreId store;
  {
    auto storage = shopkit::testing::open_storage(
        shopkit::testing::storage_options(dir.path()));
    auto owner = shopkit::testing::insert_user(dir.path());
    auto record = shopkit::testing::new_store_record(owner, "newer");
    storage->provision_store(record, {});
    store = record.id;
  }
  fs::path path = dir.path() / "stores" / (store.str() + ".db");
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  std::string before = read_bytes(path);

  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  try {
    storage->read_store(store, [](auto&) {});
    FAIL("a file of schema version 999 was opened");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == shopkit::ErrorCode::failed_precondition);
    std::string message = error.what();
    CHECK(message.find("999") != std::string::npos);
    CHECK(message.find("up to 3") != std::string::npos);
  }
  CHECK(read_bytes(path) == before);
}

TEST_CASE("platform.db of a newer version is refused and untouched") {
  TempDir dir;
  { shopkit::testing::open_storage(shopkit::testing::storage_options(dir.path())); }
  fs::path path = dir.path() / "platform.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode=DELETE");
    db.exec("PRAGMA user_version = 42");
  }
  std::string before = read_bytes(path);
  CHECK_THROWS_WITH_AS(shopkit::testing::open_storage(
                           shopkit::testing::storage_options(dir.path())),
                       doctest::Contains("schema version 42"),
                       shopkit::Error);
  CHECK(read_bytes(path) == before);
}

TEST_CASE("refused folder gets no subfolders") {
  TempDir dir;
  fs::path path = dir.path() / "platform.db";
  {
    SQLite::Database db(path.string(),
                        SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 42");
  }
  CHECK_THROWS_AS(shopkit::testing::open_storage(
                      shopkit::testing::storage_options(dir.path())),
                  shopkit::Error);
  CHECK_FALSE(fs::exists(dir.path() / "stores"));
  CHECK_FALSE(fs::exists(dir.path() / "trash"));
  CHECK_FALSE(fs::exists(dir.path() / "templates"));
}

TEST_CASE("migration batch refuses a newer store") {
  TempDir dir;
  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  auto owner = shopkit::testing::insert_user(dir.path());
  auto record = shopkit::testing::new_store_record(owner, "future");
  storage->provision_store(record, {});
  fs::path path = dir.path() / "stores" / (record.id.str() + ".db");
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    db.exec("PRAGMA user_version = 999");
  }
  try {
    storage->migrate_all_stores({});
    FAIL("a store file of schema version 999 was counted as current");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == shopkit::ErrorCode::failed_precondition);
    CHECK(std::string(error.what()).find("999") != std::string::npos);
  }
}

TEST_CASE("migration batch counts current and behind stores") {
  TempDir dir;
  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  auto owner = shopkit::testing::insert_user(dir.path());
  for (int i = 0; i < 3; ++i) {
    storage->provision_store(
        shopkit::testing::new_store_record(owner, "m" + std::to_string(i) + "x"),
        {});
  }
  shopkit::MigrationReport report = storage->migrate_all_stores({});
  CHECK(report.stores_seen == 3);
  CHECK(report.stores_current == 3);
  CHECK(report.stores_migrated == 0);
}

TEST_CASE("version 1 store keeps its keys on open") {
  Version1Store f;
  CHECK(schema_version(f.file) == 1);
  CHECK(member_sort_indexes(f.file) == 3);
  f.check_old_keys_work();
  CHECK(schema_version(f.file) == 3);
  CHECK(member_sort_indexes(f.file) == 0);
}

TEST_CASE("version 1 store keeps its keys in a batch") {
  Version1Store f;
  shopkit::MigrationReport report = f.platform().migrate_all_stores({});
  CHECK(report.stores_migrated == 1);
  CHECK(schema_version(f.file) == 3);
  CHECK(member_sort_indexes(f.file) == 0);
  f.check_old_keys_work();
}
