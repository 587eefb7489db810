#include <doctest/doctest.h>

#include "shopkit/json.h"

TEST_CASE("store member json names the role") {
  shopkit::StoreMember member;
  member.user_id = shopkit::UserId("usr_1");
  member.email = "staff@example.com";
  member.name = "Sam";
  member.role = shopkit::StoreRole::manager;
  nlohmann::json out = member;
  CHECK(out["user_id"] == "usr_1");
  CHECK(out["email"] == "staff@example.com");
  CHECK(out["name"] == "Sam");
  CHECK(out["role"] == "manager");
  CHECK(out["created_at"] == "1970-01-01T00:00:00.000Z");
}
