// A test platform with helpers to make users and stores directly, for
// the theme, admin and super-admin tests.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "common/context.h"
#include "common/ids.h"
#include "common/logger.h"
#include "shopkit/shopkit.h"
#include "storage/sqlite/sqlite_storage.h"
#include "storage/store_registry.h"
#include "support/test_support.h"

namespace shopkit::testing {

// TODO: switch to the auth and store test helpers (sign_up,
// create_store) once they are on main; these insert rows directly.
struct PanelsFixture {
  TempDir dir;
  TestPlatform test = open_test_platform(dir.path());
  Platform& platform = *test.platform;
  OsRandom random;

  // Inserts an active user with `role` and returns a signed-in principal
  // for it.
  Principal make_user(PlatformRole role, const std::string& email = "") {
    std::string id = internal::new_id("usr", test.clock->now(), random);
    std::string address = email.empty() ? id + "@example.com" : email;
    SQLite::Database db((dir.path() / "platform.db").string(),
                        SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    SQLite::Statement insert(
        db,
        "INSERT INTO users (id, email, email_normalized, name, role, "
        "password_hash, created_at, updated_at) VALUES (?, ?, ?, 'Test', ?, "
        "'x', 0, 0)");
    insert.bind(1, id);
    insert.bind(2, address);
    insert.bind(3, address);
    insert.bind(4, std::string(to_string(role)));
    insert.exec();
    return internal::PrincipalFactory::make(
        UserId(id), role,
        SessionId(internal::new_id("ses", test.clock->now(), random)));
  }

  Principal make_super_admin() { return make_user(PlatformRole::super_admin); }
  Principal make_merchant() { return make_user(PlatformRole::merchant); }

  // Provisions a store owned by `owner` through a second storage object
  // on the same folder, as another process would.
  StoreId make_store(const Principal& owner, const std::string& handle) {
    storage::sqlite::SqliteStorageOptions options;
    options.data_dir = dir.path();
    storage::sqlite::SqliteStorage storage(std::move(options),
                                           internal::Logger(nullptr));
    storage::StoreRecord record;
    record.id = StoreId(internal::new_id("sto", test.clock->now(), random));
    record.handle = handle;
    record.name = "Store " + handle;
    record.owner_id = owner.user_id();
    record.currency = "USD";
    record.country = "US";
    record.created_at = test.clock->now();
    record.updated_at = record.created_at;
    storage.provision_store(record, {});
    return record.id;
  }

  // Makes `member` a member of `store` with `role` by writing the row.
  void add_member_row(const StoreId& store, const Principal& member,
                      StoreRole role) {
    SQLite::Database db((dir.path() / "platform.db").string(),
                        SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    SQLite::Statement insert(db,
                             "INSERT INTO store_members (store_id, user_id, "
                             "role, created_at) VALUES (?, ?, ?, 0)");
    insert.bind(1, store.str());
    insert.bind(2, member.user_id().str());
    insert.bind(3, std::string(to_string(role)));
    insert.exec();
  }
};

}  // namespace shopkit::testing
