// The WAL batching VFS (src/storage/sqlite/wal_vfs.*) keeps back the
// frames of a commit and writes them with the commit frame. These tests
// check that other connections read each commit in full as soon as it
// returns, and that a commit survives a crash right after it. They also
// check transactions that outgrow the page cache, roll back or sync
// fully, and a commit that the disk rejects, which must fail and leave
// the file as it was.
#include "storage/sqlite/wal_vfs.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "storage/sqlite/connection.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using shopkit::storage::sqlite::Connection;
using shopkit::storage::sqlite::ConnectionOptions;
using shopkit::testing::TempDir;

namespace {

// A database with a table of (n, blob) rows, opened through the VFS.
struct WalDatabase {
  TempDir dir;
  fs::path path = dir.path() / "wal.db";

  std::unique_ptr<Connection> open(bool synchronous_full = false) {
    ConnectionOptions options;
    options.synchronous_full = synchronous_full;
    auto connection = std::make_unique<Connection>(path, options);
    connection->configure();
    return connection;
  }

  // A connection as open() makes it, after creating the table t.
  std::unique_ptr<Connection> open_writer(bool synchronous_full = false) {
    auto connection = open(synchronous_full);
    connection->db().exec(
        "CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    return connection;
  }

  // A connection through SQLite's default VFS, as another program
  // would open the file.
  SQLite::Database open_plain() {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE, 10000);
    return db;
  }
};

void insert_rows(Connection& connection, int first, int count, int blob_bytes) {
  auto statement =
      connection.prepare("INSERT INTO t (n, data) VALUES (?, zeroblob(?))");
  for (int n = first; n < first + count; ++n) {
    statement->bind(1, n);
    statement->bind(2, blob_bytes);
    statement->exec();
    statement->reset();
  }
}

std::int64_t row_count(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM t").getInt64();
}

std::int64_t row_sum(SQLite::Database& db) {
  return db.execAndGet("SELECT coalesce(sum(n), 0) FROM t").getInt64();
}

// A VFS over SQLite's default one whose WAL writes fail with
// SQLITE_FULL, as on a full disk, while wal_disk_full is true. When
// fail_header_rewrite is true, the next write of a commit frame's header
// whose page is in the file already (SQLite rewriting its checksum)
// fails with SQLITE_IOERR_WRITE. The batching VFS is registered over it
// as "shopkit-test-batching".
std::atomic<bool> wal_disk_full{false};
std::atomic<bool> fail_header_rewrite{false};
sqlite3_vfs* default_vfs = nullptr;

struct FaultyWal {
  sqlite3_file base;
  sqlite3_file* file;
};

sqlite3_file* inner(sqlite3_file* file) {
  return reinterpret_cast<FaultyWal*>(file)->file;
}

// True for a 24-byte write of a commit frame's header (bytes 4 to 7 not
// zero) whose 4,096-byte page the file already contains.
bool is_commit_header_rewrite(sqlite3_file* f, const void* data, int amount,
                              sqlite3_int64 offset) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  if (amount != 24 || (bytes[4] | bytes[5] | bytes[6] | bytes[7]) == 0) {
    return false;
  }
  sqlite3_int64 size = 0;
  inner(f)->pMethods->xFileSize(inner(f), &size);
  return offset + 24 + 4096 <= size;
}

constexpr std::size_t kFaultyInnerOffset =
    (sizeof(FaultyWal) + alignof(std::max_align_t) - 1) /
    alignof(std::max_align_t) * alignof(std::max_align_t);

const sqlite3_io_methods kFaultyWalMethods = {
    1,
    [](sqlite3_file* f) { return inner(f)->pMethods->xClose(inner(f)); },
    [](sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
      return inner(f)->pMethods->xRead(inner(f), data, amount, offset);
    },
    [](sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
      if (wal_disk_full) return SQLITE_FULL;
      if (fail_header_rewrite &&
          is_commit_header_rewrite(f, data, amount, offset)) {
        fail_header_rewrite = false;
        return SQLITE_IOERR_WRITE;
      }
      return inner(f)->pMethods->xWrite(inner(f), data, amount, offset);
    },
    [](sqlite3_file* f, sqlite3_int64 size) {
      return inner(f)->pMethods->xTruncate(inner(f), size);
    },
    [](sqlite3_file* f, int flags) {
      return inner(f)->pMethods->xSync(inner(f), flags);
    },
    [](sqlite3_file* f, sqlite3_int64* size) {
      return inner(f)->pMethods->xFileSize(inner(f), size);
    },
    [](sqlite3_file* f, int level) {
      return inner(f)->pMethods->xLock(inner(f), level);
    },
    [](sqlite3_file* f, int level) {
      return inner(f)->pMethods->xUnlock(inner(f), level);
    },
    [](sqlite3_file* f, int* reserved) {
      return inner(f)->pMethods->xCheckReservedLock(inner(f), reserved);
    },
    [](sqlite3_file* f, int op, void* argument) {
      return inner(f)->pMethods->xFileControl(inner(f), op, argument);
    },
    [](sqlite3_file* f) { return inner(f)->pMethods->xSectorSize(inner(f)); },
    [](sqlite3_file* f) {
      return inner(f)->pMethods->xDeviceCharacteristics(inner(f));
    },
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

int open_faulty(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file,
                int flags, int* out_flags) {
  if ((flags & SQLITE_OPEN_WAL) == 0) {
    return default_vfs->xOpen(default_vfs, name, file, flags, out_flags);
  }
  auto* wal = reinterpret_cast<FaultyWal*>(file);
  wal->file = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) +
                                              kFaultyInnerOffset);
  const int opened =
      default_vfs->xOpen(default_vfs, name, wal->file, flags, out_flags);
  file->pMethods = opened == SQLITE_OK ? &kFaultyWalMethods : nullptr;
  return opened;
}

const char* faulty_batching_vfs() {
  static sqlite3_vfs faulty;
  static const char* const name = [] {
    shopkit::storage::sqlite::wal_batching_vfs();  // Initializes SQLite.
    default_vfs = sqlite3_vfs_find(nullptr);
    faulty = *default_vfs;
    faulty.pNext = nullptr;
    faulty.zName = "shopkit-test-faulty";
    faulty.szOsFile = static_cast<int>(
        kFaultyInnerOffset + static_cast<std::size_t>(default_vfs->szOsFile));
    faulty.xOpen = open_faulty;
    REQUIRE(sqlite3_vfs_register(&faulty, 0) == SQLITE_OK);
    return shopkit::storage::sqlite::register_wal_batching_vfs(
        "shopkit-test-batching", &faulty);
  }();
  REQUIRE(name != nullptr);
  return name;
}

}  // namespace

TEST_CASE("commits readable by other connections") {
  WalDatabase database;
  auto writer = database.open_writer();
  auto reader = database.open();
  SQLite::Database plain = database.open_plain();

  int rows = 0;
  for (int round = 0; round < 200; ++round) {
    // 1 to 40 rows of 3,000 bytes: commits of 1 to about 40 pages.
    const int count = 1 + (round * 7) % 40;
    {
      SQLite::Transaction transaction(writer->db());
      insert_rows(*writer, rows, count, 3000);
      transaction.commit();
    }
    rows += count;
    CHECK(row_count(reader->db()) == rows);
    CHECK(row_count(plain) == rows);
    if (round % 50 == 49) {
      // The WAL starts over at the next write: a new file header, then
      // frames from the start again.
      plain.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }
  CHECK(plain.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("transaction larger than page cache") {
  WalDatabase database;
  auto writer = database.open_writer();
  // Ten pages of cache: the transactions below write pages to the WAL
  // before their commit and read them back.
  writer->db().exec("PRAGMA cache_size = 10");
  SQLite::Database plain = database.open_plain();

  SUBCASE("rolled back") {
    {
      SQLite::Transaction transaction(writer->db());
      insert_rows(*writer, 0, 500, 2000);
      // Not committed: the destructor rolls back.
    }
    insert_rows(*writer, 1000, 3, 10);
    CHECK(row_count(plain) == 3);
    CHECK(row_sum(plain) == 1000 + 1001 + 1002);
  }
  SUBCASE("rolled back to a savepoint") {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 0, 100, 2000);
    writer->db().exec("SAVEPOINT inner");
    insert_rows(*writer, 100, 400, 2000);
    writer->db().exec("ROLLBACK TO inner");
    writer->db().exec("RELEASE inner");
    transaction.commit();
    CHECK(row_count(plain) == 100);
    CHECK(row_sum(plain) == 99 * 100 / 2);
  }
  SUBCASE("committed, more than the buffer holds") {
    // About 12 MiB, three times what the VFS buffers at most.
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 0, 3000, 4000);
    transaction.commit();
    CHECK(row_count(plain) == 3000);
  }
  CHECK(plain.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("spilled commit survives a crash") {
  // A transaction that outgrows the page cache writes pages to the WAL
  // early. When it changes such a page again, SQLite overwrites the
  // frame in place and, at the commit, rewrites the checksums in the
  // frame headers from there on. A copy of the files taken right after
  // the commit is what a crash would leave. Opening the copy runs WAL
  // recovery, which keeps only frames whose checksums match.
  WalDatabase database;
  auto writer = database.open_writer();
  writer->db().exec("PRAGMA cache_size = 10");
  {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 0, 500, 2000);
    writer->db().exec("UPDATE t SET data = zeroblob(1500) WHERE n % 7 = 0");
    transaction.commit();
  }

  TempDir copy;
  const fs::path copied = copy.path() / "wal.db";
  fs::copy_file(database.path, copied);
  fs::copy_file(database.path.string() + "-wal", copied.string() + "-wal");
  SQLite::Database recovered(copied.string(), SQLite::OPEN_READWRITE);
  CHECK(row_count(recovered) == 500);
  CHECK(recovered.execAndGet("SELECT count(*) FROM t WHERE length(data) = 1500")
            .getInt64() == 72);
  CHECK(recovered.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("rolled back frames spare later commits") {
  // A transaction on an empty WAL outgrows the page cache and rolls
  // back. Its frames must be written, or dropped, before another
  // connection commits at the same place in the WAL, or a later write
  // puts them over that commit.
  WalDatabase database;
  auto writer = database.open_writer();
  insert_rows(*writer, 0, 1, 100);
  writer->db().exec("PRAGMA cache_size = 10");
  database.open_plain().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 10, 300, 2000);
    // Not committed: the destructor rolls back.
  }
  {
    SQLite::Database other = database.open_plain();
    other.exec(
        "WITH RECURSIVE c(i) AS (SELECT 1000 UNION ALL SELECT i + 1 "
        "FROM c WHERE i < 1040) INSERT INTO t SELECT i, zeroblob(3000) "
        "FROM c");
  }
  CHECK(row_count(writer->db()) == 42);
  writer.reset();
  SQLite::Database reopened = database.open_plain();
  CHECK(reopened.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(row_count(reopened) == 42);
}

TEST_CASE("synchronous full commits") {
  // With synchronous=FULL SQLite syncs the WAL after each commit's
  // frames, and syncs the WAL header when the WAL starts over.
  WalDatabase database;
  auto writer = database.open_writer(/*synchronous_full=*/true);
  SQLite::Database plain = database.open_plain();
  for (int round = 0; round < 20; ++round) {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, round * 10, 10, 1000 + round * 100);
    transaction.commit();
    CHECK(row_count(plain) == (round + 1) * 10);
    if (round == 10) plain.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  writer.reset();
  CHECK(plain.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("commit the disk rejects changes nothing") {
  WalDatabase database;
  auto writer = database.open_writer();
  insert_rows(*writer, 0, 10, 100);
  SQLite::Database plain = database.open_plain();
  REQUIRE(row_count(plain) == 10);

  // A file size limit just above the WAL's size: the process may not
  // write a file past it, as on a full disk. SIGXFSZ would end the
  // process, so it is ignored, and the write fails with EFBIG instead.
  const auto wal_size =
      static_cast<rlim_t>(fs::file_size(database.path.string() + "-wal"));
  rlimit saved{};
  REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
  auto* const saved_handler = signal(SIGXFSZ, SIG_IGN);
  rlimit limited = saved;
  limited.rlim_cur = wal_size + 64 * 1024;
  REQUIRE(setrlimit(RLIMIT_FSIZE, &limited) == 0);
  bool failed = false;
  try {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 100, 100, 3000);  // About 300 KiB.
    transaction.commit();
  } catch (const SQLite::Exception&) {
    failed = true;
  }
  REQUIRE(setrlimit(RLIMIT_FSIZE, &saved) == 0);
  signal(SIGXFSZ, saved_handler);

  CHECK(failed);
  CHECK(row_count(plain) == 10);
  CHECK(row_count(writer->db()) == 10);
  // The writer goes on once the disk has room.
  insert_rows(*writer, 1000, 1, 100);
  CHECK(row_count(plain) == 11);
  CHECK(plain.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("full disk keeps buffered frames") {
  // The insert outgrows the page cache, so its frames wait in the
  // buffer. The update reads them back while the disk is full: the
  // buffer cannot be written, the update fails and rolls back alone,
  // and the transaction goes on. Its commit must then write every frame.
  TempDir dir;
  const fs::path path = dir.path() / "full.db";
  SQLite::Database db(path.string(),
                      SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000,
                      faulty_batching_vfs());
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  db.exec("PRAGMA cache_size=20");
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
  db.exec("BEGIN IMMEDIATE");
  db.exec(
      "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
      "WHERE i < 150) INSERT INTO t SELECT i, zeroblob(2000) FROM c");
  db.exec("SAVEPOINT update_rows");
  wal_disk_full = true;
  bool update_failed = false;
  try {
    db.exec("UPDATE t SET data = zeroblob(1999) WHERE n <= 40");
  } catch (const SQLite::Exception&) {
    update_failed = true;
  }
  wal_disk_full = false;
  CHECK(update_failed);
  REQUIRE(sqlite3_get_autocommit(db.getHandle()) == 0);
  db.exec("ROLLBACK TO update_rows");
  db.exec("RELEASE update_rows");
  db.exec("COMMIT");

  SQLite::Database plain(path.string(), SQLite::OPEN_READWRITE);
  CHECK(plain.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(row_count(plain) == 150);
  CHECK(plain.execAndGet("SELECT count(*) FROM t WHERE length(data) = 2000")
            .getInt64() == 150);
}

TEST_CASE("exclusive locking mode rollback spares commits") {
  // In locking_mode=EXCLUSIVE SQLite takes no WAL locks in shared
  // memory. The frames of a rolled-back transaction must still be
  // written before another connection can write the WAL.
  WalDatabase database;
  auto writer = database.open_writer();
  writer->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  writer->db().exec("PRAGMA cache_size = 10");
  writer->db().exec("PRAGMA locking_mode = EXCLUSIVE");
  {
    SQLite::Transaction transaction(writer->db());
    insert_rows(*writer, 0, 100, 3000);
    // Not committed: the destructor rolls back.
  }
  writer->db().exec("PRAGMA locking_mode = NORMAL");
  CHECK(row_count(writer->db()) == 0);
  {
    SQLite::Database other = database.open_plain();
    other.exec(
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
        "WHERE i < 100) INSERT INTO t SELECT 1000 + i, zeroblob(3000) "
        "FROM c");
  }
  CHECK(row_count(writer->db()) == 100);
  writer.reset();
  SQLite::Database reopened = database.open_plain();
  CHECK(reopened.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(row_count(reopened) == 100);
}

TEST_CASE("failed checksum rewrite stays failed") {
  // The commit of a transaction larger than the page cache rewrites the
  // frame headers' checksums, its page already in the file. When that
  // write fails, SQLite reports the commit as failed, so no copy of the
  // files, which is what a crash would leave, may contain it.
  TempDir dir;
  const fs::path path = dir.path() / "rewrite.db";
  SQLite::Database db(path.string(),
                      SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000,
                      faulty_batching_vfs());
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=NORMAL");
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
  db.exec("INSERT INTO t VALUES (-1, x'00')");
  db.exec("PRAGMA cache_size=10");
  db.exec("BEGIN");
  db.exec(
      "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c "
      "WHERE i < 499) INSERT INTO t SELECT i, zeroblob(2000) FROM c");
  db.exec("UPDATE t SET data = zeroblob(1500) WHERE n % 7 = 0");
  fail_header_rewrite = true;
  bool commit_failed = false;
  try {
    db.exec("COMMIT");
  } catch (const SQLite::Exception&) {
    commit_failed = true;
  }
  const bool rewrite_failed = !fail_header_rewrite;
  fail_header_rewrite = false;
  CHECK(rewrite_failed);
  CHECK(commit_failed);
  CHECK(sqlite3_get_autocommit(db.getHandle()) == 1);
  CHECK(row_count(db) == 1);

  TempDir copy;
  const fs::path copied = copy.path() / "rewrite.db";
  fs::copy_file(path, copied);
  fs::copy_file(path.string() + "-wal", copied.string() + "-wal");
  SQLite::Database recovered(copied.string(), SQLite::OPEN_READWRITE);
  CHECK(recovered.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(row_count(recovered) == 1);
}

TEST_CASE("exclusive mode full disk rollback") {
  // A rollback in locking_mode=EXCLUSIVE with the disk full: the frames
  // cannot be written when the connection leaves exclusive mode, so they
  // must be dropped, not written over another connection's commit later.
  TempDir dir;
  const fs::path path = dir.path() / "exclusive.db";
  SQLite::Database db(path.string(),
                      SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 10000,
                      faulty_batching_vfs());
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.exec("PRAGMA cache_size=10");
  db.exec("PRAGMA locking_mode=EXCLUSIVE");
  db.exec("BEGIN");
  db.exec(
      "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
      "WHERE i < 100) INSERT INTO t SELECT i, zeroblob(3000) FROM c");
  wal_disk_full = true;
  db.exec("ROLLBACK");
  db.exec("PRAGMA locking_mode=NORMAL");
  CHECK(row_count(db) == 0);
  wal_disk_full = false;
  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE, 10000);
    other.exec(
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
        "WHERE i < 100) INSERT INTO t SELECT 1000 + i, zeroblob(3000) "
        "FROM c");
  }
  CHECK(row_count(db) == 100);

  TempDir copy;
  const fs::path copied = copy.path() / "exclusive.db";
  fs::copy_file(path, copied);
  fs::copy_file(path.string() + "-wal", copied.string() + "-wal");
  SQLite::Database recovered(copied.string(), SQLite::OPEN_READWRITE);
  CHECK(recovered.execAndGet("PRAGMA integrity_check").getString() == "ok");
  CHECK(row_count(recovered) == 100);
}
