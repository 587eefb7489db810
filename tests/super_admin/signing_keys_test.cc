#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/token_forge.h"
#include "support/panels_fixture.h"

using shopkit::AuditEntry;
using shopkit::AuditQuery;
using shopkit::ErrorCode;
using shopkit::Principal;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

struct KeysFixture : PanelsFixture {
  Principal admin = make_super_admin();
  shopkit::SuperAdminService& panel = platform.super_admin();

  std::vector<AuditEntry> entries(const std::string& action) {
    AuditQuery query;
    query.action = action;
    return panel.list_audit_log(admin, query).items;
  }
};

// Returns the kid in the header of an access token.
std::string kid_of(const std::string& token) {
  return shopkit::testing::token_part(token, 0)["kid"].get<std::string>();
}

// Checks that `principal` gets `code` from each of the three key calls.
void check_key_calls_refused(KeysFixture& f, const Principal& principal,
                             ErrorCode code) {
  const std::string kid = f.panel.list_signing_keys(f.admin).at(0).kid;
  CHECK(error_code_of([&] { f.panel.list_signing_keys(principal); }) == code);
  CHECK(error_code_of([&] { f.panel.rotate_signing_key(principal); }) == code);
  CHECK(error_code_of([&] { f.panel.retire_signing_key(principal, kid); }) ==
        code);
}

}  // namespace

TEST_CASE("only super admins manage signing keys") {
  KeysFixture f;
  auto merchant = f.make_merchant();
  auto customer = f.make_user(shopkit::PlatformRole::customer);
  auto suspended = f.make_merchant();
  f.panel.suspend_user(f.admin, suspended.user_id());
  const auto keys_before = f.panel.list_signing_keys(f.admin);

  check_key_calls_refused(f, merchant, ErrorCode::permission_denied);
  check_key_calls_refused(f, customer, ErrorCode::permission_denied);
  check_key_calls_refused(f, suspended, ErrorCode::permission_denied);
  check_key_calls_refused(f, Principal::anonymous(),
                          ErrorCode::unauthenticated);

  CHECK(f.panel.list_signing_keys(f.admin).size() == keys_before.size());
  CHECK(f.entries("signing_key.rotated").empty());
  CHECK(f.entries("signing_key.retired").empty());
}

TEST_CASE("suspended super admin cannot reach the keys") {
  KeysFixture f;
  auto other = f.make_super_admin();
  auto tokens = shopkit::testing::log_in(f.platform, f.emails[other.user_id()]);
  f.panel.suspend_user(f.admin, other.user_id());
  // The token no longer yields a principal, so no key call can be made
  // with it.
  CHECK(error_code_of([&] {
          f.platform.auth().authenticate(tokens.access_token);
        }) == ErrorCode::unauthenticated);
}

TEST_CASE("key rotation is audited with the kid") {
  KeysFixture f;
  std::string kid = f.panel.rotate_signing_key(f.admin);
  auto keys = f.panel.list_signing_keys(f.admin);
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].kid == kid);
  CHECK_FALSE(keys[0].retired_at.has_value());

  auto rotated = f.entries("signing_key.rotated");
  REQUIRE(rotated.size() == 1);
  CHECK(rotated[0].actor_id == f.admin.user_id());
  CHECK(rotated[0].target_type == "signing_key");
  CHECK(rotated[0].target_id == kid);
  CHECK(nlohmann::json::parse(rotated[0].detail_json).empty());
}

TEST_CASE("key retirement is audited with the kid") {
  KeysFixture f;
  const std::string old_kid = f.panel.list_signing_keys(f.admin).at(0).kid;
  f.panel.rotate_signing_key(f.admin);
  f.panel.retire_signing_key(f.admin, old_kid);

  auto retired = f.entries("signing_key.retired");
  REQUIRE(retired.size() == 1);
  CHECK(retired[0].actor_id == f.admin.user_id());
  CHECK(retired[0].target_type == "signing_key");
  CHECK(retired[0].target_id == old_kid);
  CHECK(nlohmann::json::parse(retired[0].detail_json).empty());

  // A second retirement changes nothing and writes no entry.
  f.panel.retire_signing_key(f.admin, old_kid);
  CHECK(f.entries("signing_key.retired").size() == 1);
}

TEST_CASE("refused key changes write no entry") {
  KeysFixture f;
  const std::string only_kid = f.panel.list_signing_keys(f.admin).at(0).kid;
  CHECK(error_code_of([&] {
          f.panel.retire_signing_key(f.admin, only_kid);
        }) == ErrorCode::failed_precondition);
  CHECK(error_code_of([&] {
          f.panel.retire_signing_key(f.admin, "key_00000000000000000000000000");
        }) == ErrorCode::not_found);
  CHECK(f.entries("signing_key.retired").empty());
}

TEST_CASE("panel rotation keeps old tokens until retired") {
  KeysFixture f;
  auto user = f.make_merchant();
  const std::string& email = f.emails[user.user_id()];
  auto old_token = shopkit::testing::log_in(f.platform, email).access_token;
  const std::string old_kid = kid_of(old_token);

  const std::string new_kid = f.panel.rotate_signing_key(f.admin);
  auto new_token = shopkit::testing::log_in(f.platform, email).access_token;
  CHECK(kid_of(new_token) == new_kid);
  CHECK_NOTHROW(f.platform.auth().authenticate(old_token));
  CHECK_NOTHROW(f.platform.auth().authenticate(new_token));

  f.panel.retire_signing_key(f.admin, old_kid);
  CHECK(error_code_of([&] { f.platform.auth().authenticate(old_token); }) ==
        ErrorCode::unauthenticated);
  CHECK_NOTHROW(f.platform.auth().authenticate(new_token));
}
