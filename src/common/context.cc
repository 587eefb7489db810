#include "common/context.h"

#include "auth/session_cache.h"
#include "auth/signing_keys.h"
#include "shopkit/error.h"
#include "storage/sqlite/sqlite_storage.h"
#include "store/access_cache.h"

namespace shopkit::internal {
namespace {

void validate(const Options& options) {
  if (options.data_dir.empty()) {
    throw Error(ErrorCode::invalid_argument,
                "data_dir is empty; set Options::data_dir to a folder",
                "data_dir");
  }
  if (options.max_open_stores < 1) {
    throw Error(ErrorCode::invalid_argument,
                "max_open_stores must be at least 1, got " +
                    std::to_string(options.max_open_stores),
                "max_open_stores");
  }
  if (options.deleted_store_retention.count() < 0) {
    throw Error(ErrorCode::invalid_argument,
                "deleted_store_retention must not be negative",
                "deleted_store_retention");
  }
  if (options.busy_timeout.count() < 0) {
    throw Error(ErrorCode::invalid_argument,
                "busy_timeout must not be negative", "busy_timeout");
  }
}

}  // namespace

Context::Context(Options options_in)
    : options(std::move(options_in)),
      clock(options.clock ? options.clock : std::make_shared<SystemClock>()),
      random(options.random ? options.random : std::make_shared<OsRandom>()),
      ids(std::make_unique<IdGenerator>(random)),
      log(options.log),
      session_cache(std::make_shared<SessionCache>()),
      access_cache(std::make_shared<StoreAccessCache>()) {
  validate(options);
  if (options.disable_sqlite_memory_statistics) {
    storage::sqlite::turn_off_memory_statistics();
  }
  storage::sqlite::SqliteStorageOptions storage_options;
  storage_options.data_dir = options.data_dir;
  storage_options.connection.busy_timeout = options.busy_timeout;
  storage_options.connection.synchronous_full = options.synchronous_full;
  storage_options.max_open_stores = options.max_open_stores;
  storage_options.fault_hook = options.fault_hook;
  storage = std::make_unique<storage::sqlite::SqliteStorage>(
      std::move(storage_options), log);
  signing_keys =
      std::make_shared<SigningKeyRing>(*this, options.auth.session_cache_ttl);
}

}  // namespace shopkit::internal
