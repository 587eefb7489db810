#include <doctest/doctest.h>

#include "shopkit/error.h"
#include "storage/store_settings_repository.h"
#include "storage_fixture.h"

namespace fs = std::filesystem;
using shopkit::testing::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::unique_ptr<shopkit::storage::sqlite::SqliteStorage> storage =
      shopkit::testing::open_storage(
          shopkit::testing::storage_options(dir.path()));
  shopkit::UserId owner = shopkit::testing::insert_user(dir.path());

  shopkit::StoreId provision(const std::string& handle) {
    auto record = shopkit::testing::new_store_record(owner, handle);
    storage->provision_store(record, {});
    return record.id;
  }
};

}  // namespace

TEST_CASE("store file is named from the id and stamped with it") {
  Fixture f;
  auto store = f.provision("Not/A ../Path");
  CHECK(fs::exists(f.dir.path() / "stores" / (store.str() + ".db")));
  std::string stamped = f.storage->read_store(store, [](auto& r) {
    return r.settings().file_store_id();
  });
  CHECK(stamped == store.str());
  for (const auto& entry : fs::directory_iterator(f.dir.path() / "stores")) {
    CHECK(entry.path().filename().string().rfind("sto_", 0) == 0);
  }
}

TEST_CASE("duplicate handle leaves no file behind") {
  Fixture f;
  f.provision("taken");
  auto record = shopkit::testing::new_store_record(f.owner, "taken");
  CHECK_THROWS_AS(f.storage->provision_store(record, {}), shopkit::Error);
  CHECK_FALSE(fs::exists(f.storage->store_path(record.id)));
}

TEST_CASE("unregistered store file moves to trash") {
  Fixture f;
  shopkit::StoreId known = f.provision("known");
  f.storage->close();
  // A store file under an id the registry does not know, as a backup
  // copied in by hand would be.
  auto unknown = shopkit::testing::new_store_record(f.owner, "unknown");
  const fs::path stores = f.dir.path() / "stores";
  fs::copy_file(stores / (known.str() + ".db"),
                stores / (unknown.id.str() + ".db"));

  auto reopened = shopkit::testing::open_storage(
      shopkit::testing::storage_options(f.dir.path()));
  CHECK_FALSE(fs::exists(stores / (unknown.id.str() + ".db")));
  CHECK(fs::exists(f.dir.path() / "trash" /
                   (unknown.id.str() + ".unregistered-1.db")));
  CHECK(fs::exists(stores / (known.str() + ".db")));
}

TEST_CASE("unknown and malformed store ids are not_found") {
  Fixture f;
  for (std::string id : {"sto_00000000000000000000000000", "../platform",
                         "sto_../../x", ""}) {
    try {
      f.storage->read_store(shopkit::StoreId(id), [](auto&) {});
      FAIL("store '" << id << "' was opened");
    } catch (const shopkit::Error& error) {
      CHECK(error.code() == shopkit::ErrorCode::not_found);
    }
  }
}

TEST_CASE("trash, restore and purge move the file") {
  Fixture f;
  auto store = f.provision("trashme");
  f.storage->write_store(store, [](auto& r) { r.settings().put("k", "\"v\""); });

  f.storage->move_store_to_trash(store);
  CHECK_FALSE(fs::exists(f.storage->store_path(store)));
  CHECK(fs::exists(f.storage->trash_path(store)));
  CHECK_THROWS_AS(f.storage->read_store(store, [](auto&) {}), shopkit::Error);

  f.storage->restore_store_from_trash(store);
  auto value = f.storage->read_store(
      store, [](auto& r) { return r.settings().get("k"); });
  REQUIRE(value.has_value());
  CHECK(*value == "\"v\"");

  f.storage->move_store_to_trash(store);
  f.storage->purge_store_file(store);
  CHECK_FALSE(fs::exists(f.storage->trash_path(store)));
  CHECK_THROWS_AS(f.storage->restore_store_from_trash(store), shopkit::Error);
}

TEST_CASE("backup copies a store while it is open") {
  Fixture f;
  auto store = f.provision("backedup");
  f.storage->write_store(store, [](auto& r) { r.settings().put("a", "1"); });
  fs::path out = f.dir.path() / "backup.db";
  f.storage->backup_store(store, out);

  SQLite::Database copy(out.string());
  CHECK(copy.execAndGet("SELECT value FROM store_settings WHERE key = 'a'")
            .getString() == "1");
  CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("closed storage rejects calls") {
  Fixture f;
  f.storage->close();
  try {
    f.storage->read_platform([](auto&) {});
    FAIL("closed storage ran a transaction");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == shopkit::ErrorCode::failed_precondition);
  }
}
