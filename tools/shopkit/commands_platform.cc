// Commands that manage the data folder as a whole: init and migrate.
#include <unistd.h>

#include <iostream>

#include "commands.h"

namespace shopkit::cli {

namespace {

int run_init(const GlobalOptions& global, const ParsedOptions& options) {
  reject_arguments(options, "init");
  auto platform = open_platform(global);
  std::cout << "data folder ready: " << global.data_dir.string() << "\n";
  return kExitOk;
}

int run_migrate(const GlobalOptions& global, const ParsedOptions& options) {
  reject_arguments(options, "migrate");
  // Opening migrates platform.db, and the stores follow one at a time.
  auto platform = open_platform(global);
  bool show_progress = isatty(STDERR_FILENO) == 1;
  MigrationReport report =
      platform->migrate_all_stores([&](const MigrationReport& so_far) {
        if (show_progress) {
          std::cerr << "\rstores: " << so_far.stores_seen << " seen, "
                    << so_far.stores_migrated << " migrated" << std::flush;
        }
      });
  if (show_progress) std::cerr << "\n";
  std::cout << "stores: " << report.stores_seen << " seen, "
            << report.stores_migrated << " migrated, " << report.stores_current
            << " already current\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> platform_commands() {
  return {
      Command{.name = "init",
              .arguments = "",
              .summary = "create the data folder, or check an existing one",
              .details =
                  "Creates DIR with platform.db when it is missing and "
                  "migrates an existing\nplatform.db forward. Running it "
                  "again changes nothing.",
              .options = {},
              .run = run_init},
      Command{.name = "migrate",
              .arguments = "",
              .summary = "upgrade every store file to this version's schema",
              .details = "Stores are upgraded one at a time, each in its own "
                         "transaction, so an\ninterrupted run resumes where it "
                         "stopped. Progress goes to stderr when it\nis a "
                         "terminal.",
              .options = {},
              .run = run_migrate},
  };
}

}  // namespace shopkit::cli
