#include "storage/sqlite/storage_errors.h"

#include <sqlite3.h>

#include <string>

#include "common/ids.h"

namespace shopkit::storage::sqlite {

bool is_read_only(const SQLite::Exception& error) {
  return (error.getErrorCode() & 0xff) == SQLITE_READONLY;
}

Error storage_error(const SQLite::Exception& error, std::string_view file) {
  int code = error.getErrorCode();
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Error(ErrorCode::resource_exhausted,
                 std::string(file) +
                     " stayed locked by another writer past the busy "
                     "timeout; retry the call");
  }
  if (is_read_only(error)) {
    return Error(ErrorCode::resource_exhausted,
                 std::string(file) +
                     " was opened read-only, which SQLite does when opening "
                     "it for writing fails (for example when the process "
                     "is out of file descriptors); retry the call");
  }
  return Error(ErrorCode::internal, "storage error in " + std::string(file) +
                                        ": " + error.what());
}

void require_store_id(const StoreId& store) {
  if (!internal::is_id(store.str(), kStoreIdPrefix)) {
    throw Error(ErrorCode::not_found, "store '" + store.str() + "' not found",
                "store_id");
  }
}

Error store_not_found(const StoreId& store) {
  return Error(ErrorCode::not_found, "store '" + store.str() + "' not found",
               "store_id");
}

}  // namespace shopkit::storage::sqlite
