#include <doctest/doctest.h>

#include <set>

#include "common/ids.h"
#include "support/test_support.h"

TEST_CASE("ids have prefix, length and alphabet") {
  shopkit::OsRandom random;
  std::string id = shopkit::internal::new_id(
      "usr", shopkit::testing::test_epoch(), random);
  CHECK(id.size() == 4 + 26);
  CHECK(id.rfind("usr_", 0) == 0);
  CHECK(shopkit::internal::is_id(id, "usr"));
  CHECK_FALSE(shopkit::internal::is_id(id, "sto"));
  CHECK_FALSE(shopkit::internal::is_id("usr_../../etc/passwd", "usr"));
  CHECK_FALSE(shopkit::internal::is_id(id + "x", "usr"));
  CHECK_FALSE(shopkit::internal::is_id("", "usr"));
}

TEST_CASE("ids sort by time and do not repeat") {
  shopkit::OsRandom random;
  auto start = shopkit::testing::test_epoch();
  std::set<std::string> seen;
  std::string previous;
  for (int i = 0; i < 1000; ++i) {
    std::string id = shopkit::internal::new_id(
        "prd", start + std::chrono::milliseconds(i), random);
    CHECK(seen.insert(id).second);
    CHECK(id > previous);
    previous = id;
  }
}
