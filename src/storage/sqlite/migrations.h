// Versioned schema migrations, applied when a file is opened.
#pragma once

#include <span>
#include <string_view>

#include "storage/sqlite/connection.h"

namespace shopkit::storage::sqlite {

// One step of a schema: the SQL that takes a file from version - 1 to
// `version`. Steps are applied in order, each in its own transaction
// together with the PRAGMA user_version change.
struct Migration {
  int version;
  const char* sql;
};

std::span<const Migration> platform_migrations();
std::span<const Migration> store_migrations();

// The version a fully migrated file of that kind has.
int latest_version(std::span<const Migration> migrations);

// Raises failed_precondition, naming `label` and both versions, when the
// file's schema version is newer than `migrations` knows. Changes
// nothing, so it can run before the connection is configured.
void check_not_newer(Connection& connection,
                     std::span<const Migration> migrations,
                     std::string_view label);

// Applies every step above the file's current version. Returns true when
// at least one step ran. Raises like check_not_newer().
bool migrate(Connection& connection, std::span<const Migration> migrations,
             std::string_view label);

}  // namespace shopkit::storage::sqlite
