// Two processes write to the same platform.db and the same store file at
// once. Every write that reported success must be there afterwards, and
// no write may fail because the database was locked.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "shopkit/error.h"
#include "storage/audit_log.h"
#include "storage/store_settings_repository.h"
#include "storage_fixture.h"

namespace fs = std::filesystem;
using shopkit::testing::TempDir;

namespace {

constexpr auto kRunTime = std::chrono::seconds(3);
constexpr int kMaxWrites = 5000;  // Bounds the loop on a fast machine.

// The writer loop of one child. Appends "ok <n>" to `log_path` after
// each committed pair of writes and "error <message>" on failure.
[[noreturn]] void run_writer(const fs::path& dir, const shopkit::StoreId& store,
                             int writer, const fs::path& log_path) {
  std::ofstream log(log_path);
  try {
    auto storage =
        shopkit::testing::open_storage(shopkit::testing::storage_options(dir));
    shopkit::OsRandom random;
    auto deadline = std::chrono::steady_clock::now() + kRunTime;
    for (int n = 0; n < kMaxWrites &&
                    std::chrono::steady_clock::now() < deadline;
         ++n) {
      const std::string key = "w" + std::to_string(writer) + "-" +
                              std::to_string(n);
      storage->write_platform([&](auto& r) {
        shopkit::storage::AuditRecord record;
        record.id = shopkit::AuditEntryId(shopkit::internal::new_id(
            "aud", shopkit::testing::test_epoch(), random));
        record.action = "test.write";
        record.target_type = "test";
        record.target_id = key;
        record.created_at = shopkit::testing::test_epoch();
        r.audit().append(record);
      });
      storage->write_store(store, [&](auto& r) { r.settings().put(key, "1"); });
      log << "ok " << n << std::endl;
    }
  } catch (const std::exception& error) {
    log << "error " << error.what() << std::endl;
    ::_exit(1);
  }
  ::_exit(0);
}

}  // namespace

TEST_CASE("two writer processes lose nothing and never see locked") {
  TempDir dir;
  shopkit::StoreId store;
  {
    auto storage = shopkit::testing::open_storage(
        shopkit::testing::storage_options(dir.path()));
    auto owner = shopkit::testing::insert_user(dir.path());
    auto record = shopkit::testing::new_store_record(owner, "shared");
    storage->provision_store(record, {});
    store = record.id;
  }

  std::vector<pid_t> children;
  for (int writer = 0; writer < 2; ++writer) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      run_writer(dir.path(), store, writer,
                 dir.path() / ("writer-" + std::to_string(writer) + ".log"));
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }

  auto storage = shopkit::testing::open_storage(
      shopkit::testing::storage_options(dir.path()));
  for (int writer = 0; writer < 2; ++writer) {
    std::ifstream log(dir.path() / ("writer-" + std::to_string(writer) + ".log"));
    std::string word;
    std::string rest;
    int committed = 0;
    while (log >> word) {
      std::getline(log, rest);
      INFO("writer " << writer << ": " << word << rest);
      REQUIRE(word == "ok");
      const std::string key =
          "w" + std::to_string(writer) + "-" + std::to_string(std::stoi(rest));
      auto value = storage->read_store(
          store, [&](auto& r) { return r.settings().get(key); });
      CHECK(value.has_value());
      shopkit::storage::AuditFilter filter;
      filter.target_id = key;
      auto entries = storage->read_platform(
          [&](auto& r) { return r.audit().list(filter); });
      CHECK(entries.size() == 1);
      ++committed;
    }
    CHECK(committed > 10);
  }
}
