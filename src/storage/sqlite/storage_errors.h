// Errors that the SQLite storage raises at its boundary, shared by the
// files that implement SqliteStorage.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string_view>

#include "shopkit/error.h"
#include "shopkit/types.h"

namespace shopkit::storage::sqlite {

// The prefix of store ids, which name the store files.
inline constexpr std::string_view kStoreIdPrefix = "sto";

// Returns true for an error of a connection that cannot write. When
// opening a file for writing fails, which happens when the process is out
// of file descriptors, SQLite opens it read-only instead. Such a
// connection is replaced rather than kept.
bool is_read_only(const SQLite::Exception& error);

// Converts a backend exception into shopkit's error at the storage
// boundary. SQLite's messages name tables and columns, never values.
Error storage_error(const SQLite::Exception& error, std::string_view file);

// Raises not_found unless `store` is an id that new_id() could have made.
// The id becomes part of a file name, so this keeps any path syntax out.
void require_store_id(const StoreId& store);

Error store_not_found(const StoreId& store);

}  // namespace shopkit::storage::sqlite
