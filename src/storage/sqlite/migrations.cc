#include "storage/sqlite/migrations.h"

#include <string>

#include "shopkit/error.h"

namespace shopkit::storage::sqlite {

int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

void check_not_newer(Connection& connection,
                     std::span<const Migration> migrations,
                     std::string_view label) {
  const int current = connection.schema_version();
  const int known = latest_version(migrations);
  if (current > known) {
    throw Error(ErrorCode::failed_precondition,
                std::string(label) + " has schema version " +
                    std::to_string(current) +
                    ", but this build of shopkit knows versions up to " +
                    std::to_string(known) +
                    "; open it with a newer shopkit");
  }
}

bool migrate(Connection& connection, std::span<const Migration> migrations,
             std::string_view label) {
  check_not_newer(connection, migrations, label);
  bool changed = false;
  for (const Migration& step : migrations) {
    // Re-read the version inside the write lock: another process may
    // have applied this step while this one waited.
    Transaction transaction(connection, Transaction::Kind::write);
    if (connection.schema_version() >= step.version) continue;
    connection.db().exec(step.sql);
    connection.set_schema_version(step.version);
    transaction.commit();
    changed = true;
  }
  return changed;
}

}  // namespace shopkit::storage::sqlite
