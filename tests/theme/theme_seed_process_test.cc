// Two processes open the same new data folder at once; each seeded
// theme must be there exactly once.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shopkit/shopkit.h"
#include "support/test_support.h"

TEST_CASE("two processes seed each theme once") {
  shopkit::testing::TempDir dir;
  std::vector<pid_t> children;
  for (int i = 0; i < 2; ++i) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      try {
        auto platform =
            shopkit::Platform::open(shopkit::testing::test_options(dir.path()));
        ::_exit(platform->themes().list_published_themes().size() == 3 ? 0 : 1);
      } catch (...) {
        ::_exit(2);
      }
    }
    children.push_back(child);
  }
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  SQLite::Database db((dir.path() / "platform.db").string());
  SQLite::Statement count(
      db, "SELECT COUNT(*), COUNT(DISTINCT handle) FROM themes");
  REQUIRE(count.executeStep());
  CHECK(count.getColumn(0).getInt() == 3);
  CHECK(count.getColumn(1).getInt() == 3);
}
