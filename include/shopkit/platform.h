// The entry point: opens a data folder and owns the storage and the five
// services.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "shopkit/export.h"
#include "shopkit/options.h"

namespace shopkit {

class AuthService;
class StoreService;
class ThemeService;
class AdminService;
class SuperAdminService;

namespace internal {
class Context;
class PlatformAccess;
}

// Outcome of Platform::migrate_all_stores().
struct MigrationReport {
  std::int64_t stores_seen = 0;
  std::int64_t stores_migrated = 0;  // Files that were behind and upgraded.
  std::int64_t stores_current = 0;   // Files already at this version.
};

// A shopkit data folder opened for use. Open one Platform per folder per
// process and share it: every method of Platform and of its services is
// safe to call from several threads at once. Several processes may open
// the same folder; SQLite's file locks keep their writes apart.
class SHOPKIT_EXPORT Platform {
 public:
  // Opens `options.data_dir`, creating it and platform.db when missing,
  // migrating platform.db forward, and repairing any store left half
  // made by a crash during provisioning. Raises invalid_argument for an
  // empty data_dir or bad option values, failed_precondition when a
  // file was written by a newer shopkit (the message names both schema
  // versions), internal on I/O errors.
  static std::unique_ptr<Platform> open(Options options);

  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  AuthService& auth();
  StoreService& stores();
  ThemeService& themes();
  AdminService& admin();
  SuperAdminService& super_admin();

  // Upgrades every store file to this build's schema version, one store
  // at a time, each in its own transaction, so an interrupted run
  // resumes where it stopped. `progress` (optional) is called after each
  // store with the counts so far.
  MigrationReport migrate_all_stores(
      const std::function<void(const MigrationReport&)>& progress = {});

  // Closes every open file. Later calls on this Platform or its services
  // raise failed_precondition. The destructor closes too.
  void close();

  const Options& options() const;

 private:
  friend class internal::PlatformAccess;
  explicit Platform(std::unique_ptr<internal::Context> context);
  std::unique_ptr<internal::Context> context_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<StoreService> stores_;
  std::unique_ptr<ThemeService> themes_;
  std::unique_ptr<AdminService> admin_;
  std::unique_ptr<SuperAdminService> super_admin_;
};

}  // namespace shopkit
