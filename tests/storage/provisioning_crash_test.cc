// Kills a provisioning process at each step (with _exit in the fault
// hook, so nothing is cleaned up) and checks that the next open leaves
// either the whole store or nothing.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "storage/store_settings_repository.h"
#include "storage_fixture.h"

namespace fs = std::filesystem;
using shopkit::FaultPoint;
using shopkit::testing::TempDir;

namespace {

// Provisions `record` in a child process that exits at `point`.
void provision_and_die(const fs::path& dir,
                       const shopkit::storage::StoreRecord& record,
                       FaultPoint point) {
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto options = shopkit::testing::storage_options(dir);
    options.fault_hook = [point](FaultPoint reached) {
      if (reached == point) ::_exit(0);
    };
    try {
      auto storage = shopkit::testing::open_storage(std::move(options));
      storage->provision_store(record, {});
    } catch (...) {
      ::_exit(2);
    }
    ::_exit(1);  // The fault point was never reached.
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
}

std::set<std::string> file_names(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

}  // namespace

TEST_CASE("crash at each provisioning step leaves no half-made store") {
  for (FaultPoint point :
       {FaultPoint::store_temp_file_written, FaultPoint::store_file_written,
        FaultPoint::store_row_written}) {
    CAPTURE(static_cast<int>(point));
    TempDir dir;
    shopkit::UserId owner;
    {
      auto storage = shopkit::testing::open_storage(
          shopkit::testing::storage_options(dir.path()));
      owner = shopkit::testing::insert_user(dir.path());
    }
    auto record = shopkit::testing::new_store_record(owner, "crashy");
    provision_and_die(dir.path(), record, point);

    // Reopening runs the repair.
    auto storage = shopkit::testing::open_storage(
        shopkit::testing::storage_options(dir.path()));
    auto row = storage->read_platform(
        [&](auto& r) { return r.stores().find(record.id); });
    std::set<std::string> files = file_names(dir.path() / "stores");
    const std::string db_name = record.id.str() + ".db";

    if (point == FaultPoint::store_row_written) {
      REQUIRE(row.has_value());
      CHECK(files.count(db_name) == 1);
      auto stamped = storage->read_store(
          record.id, [](auto& r) { return r.settings().file_store_id(); });
      CHECK(stamped == record.id.str());
    } else {
      CHECK_FALSE(row.has_value());
      CHECK(files.count(db_name) == 0);
    }
    for (const std::string& name : files) {
      CHECK(name.find(".tmp") == std::string::npos);
      CHECK(name.find(".lock") == std::string::npos);
    }

    // The handle is free again after the repair.
    auto retry = shopkit::testing::new_store_record(owner, "crashy");
    if (!row) storage->provision_store(retry, {});
  }
}
