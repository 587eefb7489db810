#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "shopkit/error.h"
#include "storage/sqlite/migrations.h"
#include "storage_fixture.h"

namespace fs = std::filesystem;
using shopkit::testing::TempDir;

namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

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
    CHECK(message.find("up to 1") != std::string::npos);
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
