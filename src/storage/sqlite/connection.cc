#include "storage/sqlite/connection.h"

#include <sqlite3.h>

#include <string>
#include <vector>

#include "storage/sqlite/wal_vfs.h"

namespace shopkit::storage::sqlite {

namespace {

int open_flags(const ConnectionOptions& options) {
  int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;
  if (options.create) flags |= SQLite::OPEN_CREATE;
  return flags;
}

// The VFS that batches WAL writes, or "" (SQLite's default VFS) when it
// could not be registered.
std::string batching_vfs_name() {
  const char* name = wal_batching_vfs();
  return name == nullptr ? std::string() : std::string(name);
}

}  // namespace

void turn_off_memory_statistics() {
  static const int result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(result);
}

Connection::Connection(const std::filesystem::path& path,
                       const ConnectionOptions& options)
    : path_(path),
      options_(options),
      db_(path.string(), open_flags(options),
          static_cast<int>(options.busy_timeout.count()),
          batching_vfs_name()) {}

void Connection::configure() {
  db_.exec("PRAGMA journal_mode=WAL");
  db_.exec("PRAGMA foreign_keys=ON");
  // Savepoint journals and sorts stay in memory instead of temporary
  // files.
  db_.exec("PRAGMA temp_store=MEMORY");
  // A WAL that grew during a burst of writes (a bulk import) shrinks
  // back to 64 MiB when it starts over, instead of keeping its size.
  db_.exec("PRAGMA journal_size_limit=67108864");
  db_.exec(options_.synchronous_full ? "PRAGMA synchronous=FULL"
                                     : "PRAGMA synchronous=NORMAL");
  db_.setBusyTimeout(static_cast<int>(options_.busy_timeout.count()));
}

void Connection::watch_tables(const std::vector<std::string>& tables) {
  watched_change_ = false;
  if (watched_tables_ == tables) return;
  watched_tables_ = tables;
  sqlite3_update_hook(db_.getHandle(), &Connection::on_row_change, this);
}

bool Connection::take_watched_change() {
  const bool changed = watched_change_;
  watched_change_ = false;
  return changed;
}

void Connection::on_row_change(void* connection, int /*operation*/,
                               const char* /*database*/, const char* table,
                               long long /*rowid*/) {
  auto* self = static_cast<Connection*>(connection);
  for (const std::string& watched : self->watched_tables_) {
    if (watched == table) self->watched_change_ = true;
  }
}

Connection::Lease::~Lease() {
  if (statement_ == nullptr) return;
  statement_->tryReset();
  try {
    statement_->clearBindings();
  } catch (const SQLite::Exception&) {
    // Clearing bindings fails only on a misuse bug; the next bind
    // overwrites them anyway, and a destructor must not throw.
  }
}

Connection::Lease Connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    std::string text(sql);
    auto statement = std::make_unique<SQLite::Statement>(db_, text);
    it = cache_.emplace(std::move(text), std::move(statement)).first;
  }
  return Lease(*it->second);
}

int Connection::schema_version() {
  return db_.execAndGet("PRAGMA user_version").getInt();
}

void Connection::set_schema_version(int version) {
  db_.exec("PRAGMA user_version = " + std::to_string(version));
}

Transaction::Transaction(Connection& connection, Kind kind)
    : connection_(connection) {
  // Prepared once per connection, like every other statement: parsing
  // BEGIN and COMMIT on each call cost a few percent of a catalog read.
  connection_.prepare(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN")
      ->exec();
}

Transaction::~Transaction() {
  if (!open_) return;
  // Never throws: a failed rollback leaves SQLite to roll back when the
  // connection closes.
  sqlite3_exec(connection_.db().getHandle(), "ROLLBACK", nullptr, nullptr,
               nullptr);
}

void Transaction::commit() {
  connection_.prepare("COMMIT")->exec();
  open_ = false;
}

bool is_unique_violation(const SQLite::Exception& error) {
  int code = error.getExtendedErrorCode();
  return code == SQLITE_CONSTRAINT_UNIQUE ||
         code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

}  // namespace shopkit::storage::sqlite
