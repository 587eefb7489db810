// Configuration for Platform::open(). Every field has a documented
// default, so callers set only what they need with designated
// initializers: Options{.data_dir = "/var/lib/shop"}.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "shopkit/environment.h"

namespace shopkit {

// Points in store provisioning where a crash test may stop the process.
// The hook runs after the named step has reached the disk.
enum class FaultPoint {
  store_temp_file_written,  // The template copy exists under a temp name.
  store_file_written,       // The copy has its final name, no registry row.
  store_row_written,        // The registry row is committed.
};

struct AuthOptions {
  // Issuer and audience written into and required from every access
  // token (JWT "iss" and "aud").
  std::string issuer = "shopkit";
  std::string audience = "shopkit";
  std::chrono::seconds access_token_ttl{15 * 60};
  std::chrono::seconds refresh_token_ttl{30 * 24 * 3600};
  // Allowed clock skew when checking exp, nbf and iat.
  std::chrono::seconds leeway{30};
  // scrypt cost: N = 2^scrypt_log2_n, r, p. Tests lower log2_n to keep
  // hashing cheap; a login rehashes a stored hash with a lower N.
  int scrypt_log2_n = 15;
  int scrypt_r = 8;
  int scrypt_p = 1;
  std::chrono::seconds reset_token_ttl{30 * 60};
  std::chrono::seconds verify_token_ttl{30 * 60};
  // Failed logins allowed per account and per client key within
  // throttle_window before login raises resource_exhausted.
  int max_failed_logins = 5;
  std::chrono::seconds throttle_window{15 * 60};
  // How long a row read from platform.db may be trusted before it is
  // read again: a session, for authenticate(), and a store's row and a
  // membership, for the rights check of store-scoped calls. Changes made
  // through the same Platform apply at once; this bounds how long one
  // made by another process (another host or the CLI) goes unseen. Zero
  // reads on every call.
  std::chrono::milliseconds session_cache_ttl{1000};
};

struct Options {
  // The folder that holds platform.db, stores/ and trash/. Created when
  // missing. Required.
  std::filesystem::path data_dir;

  // How many store files stay open at once; the least recently used
  // store is closed first. Each open store holds three descriptors
  // (the database, its -wal and its -shm file), and two more for each
  // read connection, up to four, that overlapping reads have opened. A
  // store whose reads never overlap uses three, so the default needs
  // about 800 descriptors, and up to 2,900 when every store is busy.
  // Raise the process's limit (ulimit -n) or lower this number.
  int max_open_stores = 256;

  // SQLite synchronous=FULL instead of NORMAL: every commit is durable
  // across power loss, at the cost of an fsync per commit.
  bool synchronous_full = false;

  // Turns off SQLite's memory statistics for the whole process before
  // the first connection opens. They take a global mutex on every
  // allocation, which cost about a tenth of the rate of product writes
  // at 32 connections (docs/benchmarks.md). Leave it off when the
  // process uses SQLite elsewhere: sqlite3_memory_used() then returns 0
  // and sqlite3_hard_heap_limit64() no longer limits anything. Also
  // leave it off when another thread may use SQLite while the Platform
  // opens, because sqlite3_config() is not thread-safe. It does nothing
  // once SQLite is initialized. The `shopkit` CLI turns it on.
  bool disable_sqlite_memory_statistics = false;

  // How long a write waits for another process's lock before failing.
  std::chrono::milliseconds busy_timeout{10000};

  // How long a deleted store's file stays in trash/, restorable, before
  // SuperAdminService::purge_deleted_stores() may remove it. 30 days.
  std::chrono::seconds deleted_store_retention{30 * 24 * 3600};

  AuthOptions auth;

  // Injected environment. Null fields take SystemClock, OsRandom and no
  // logging.
  std::shared_ptr<Clock> clock;
  std::shared_ptr<RandomSource> random;
  std::shared_ptr<LogSink> log;

  // Crash tests only: called at each FaultPoint of store provisioning.
  std::function<void(FaultPoint)> fault_hook;
};

}  // namespace shopkit
