// One SQLite connection with shopkit's pragmas, a cache of prepared
// statements, and RAII transactions. Only the storage layer includes
// this header.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace shopkit::storage::sqlite {

// Turns off SQLite's memory statistics for the process, once
// (Options::disable_sqlite_memory_statistics). sqlite3_config() rejects
// the change once SQLite is initialized, and the statistics then stay on.
void turn_off_memory_statistics();

struct ConnectionOptions {
  std::chrono::milliseconds busy_timeout{10000};
  bool synchronous_full = false;
  bool create = true;  // Create the file when missing.
};

// Not thread-safe: one thread uses a Connection at a time (the pools in
// this folder enforce that).
class Connection {
 public:
  // Opens `path` without touching its contents. configure() applies the
  // pragmas; it is separate so a caller can read the schema version of a
  // file before changing anything in it.
  Connection(const std::filesystem::path& path,
             const ConnectionOptions& options);

  // Sets WAL, foreign keys, synchronous and the busy timeout.
  void configure();

  SQLite::Database& db() { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // A prepared statement from the cache, reset and cleared on release so
  // it holds no read snapshot open between uses.
  class Lease {
   public:
    explicit Lease(SQLite::Statement& statement) : statement_(&statement) {}
    ~Lease();
    Lease(Lease&& other) noexcept : statement_(other.statement_) {
      other.statement_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;

    SQLite::Statement* operator->() { return statement_; }
    SQLite::Statement& operator*() { return *statement_; }

   private:
    SQLite::Statement* statement_;
  };

  // Returns the cached statement for `sql`, preparing it on first use.
  // The same SQL must not be leased twice at once on one connection.
  Lease prepare(std::string_view sql);

  int schema_version();
  void set_schema_version(int version);

  // Records from now on, through SQLite's update hook, whether a row of
  // one of `tables` is inserted, updated or deleted, and clears the
  // record. The hook does not fire for WITHOUT ROWID tables, for rows
  // that REPLACE deletes or for a DELETE without WHERE, so watch only
  // rowid tables written without those.
  void watch_tables(const std::vector<std::string>& tables);
  // Returns whether a watched table changed since the last call, and
  // clears the record.
  bool take_watched_change();

 private:
  static void on_row_change(void* connection, int operation,
                            const char* database, const char* table,
                            long long rowid);

  std::filesystem::path path_;
  ConnectionOptions options_;
  SQLite::Database db_;
  std::vector<std::string> watched_tables_;
  bool watched_change_ = false;
  // Looks up by std::string_view, so that a lookup with a string
  // literal allocates no std::string.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash,
                     std::equal_to<>>
      cache_;
};

// A transaction that rolls back unless commit() is called. Writes begin
// with BEGIN IMMEDIATE so that the write lock is taken up front: a
// deferred transaction that later upgrades can fail with SQLITE_BUSY at
// once, without waiting, when another process is writing.
class Transaction {
 public:
  enum class Kind { read, write };
  Transaction(Connection& connection, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

// True when `error` is SQLite's UNIQUE or PRIMARY KEY constraint failure.
bool is_unique_violation(const SQLite::Exception& error);

}  // namespace shopkit::storage::sqlite
