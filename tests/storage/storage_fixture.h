// A SqliteStorage on a temporary folder, for tests of the storage layer
// below the services.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>

#include "common/ids.h"
#include "common/logger.h"
#include "storage/sqlite/sqlite_storage.h"
#include "storage/store_registry.h"
#include "support/test_support.h"

namespace shopkit::testing {

inline storage::sqlite::SqliteStorageOptions storage_options(
    const std::filesystem::path& dir, int max_open_stores = 256) {
  storage::sqlite::SqliteStorageOptions options;
  options.data_dir = dir;
  options.max_open_stores = max_open_stores;
  return options;
}

inline std::unique_ptr<storage::sqlite::SqliteStorage> open_storage(
    storage::sqlite::SqliteStorageOptions options) {
  return std::make_unique<storage::sqlite::SqliteStorage>(
      std::move(options), internal::Logger(nullptr));
}

// Inserts a user row directly, since the store registry's owner column
// references users. Returns the new user id.
inline UserId insert_user(const std::filesystem::path& dir) {
  OsRandom random;
  std::string id = internal::new_id("usr", test_epoch(), random);
  SQLite::Database db((dir / "platform.db").string(), SQLite::OPEN_READWRITE);
  db.setBusyTimeout(10000);
  SQLite::Statement insert(
      db,
      "INSERT INTO users (id, email, email_normalized, name, role, "
      "password_hash, created_at, updated_at) VALUES (?, ?, ?, 'Test', "
      "'merchant', 'x', 0, 0)");
  insert.bind(1, id);
  insert.bind(2, id + "@example.com");
  insert.bind(3, id + "@example.com");
  insert.exec();
  return UserId(id);
}

inline storage::StoreRecord new_store_record(const UserId& owner,
                                             const std::string& handle) {
  OsRandom random;
  storage::StoreRecord record;
  record.id = StoreId(internal::new_id("sto", test_epoch(), random));
  record.handle = handle;
  record.name = "Store " + handle;
  record.owner_id = owner;
  record.currency = "USD";
  record.country = "US";
  record.created_at = test_epoch();
  record.updated_at = test_epoch();
  return record;
}

}  // namespace shopkit::testing
