// Tokens signed by shopkit verify with PyJWT (python3-jwt) and the other
// way round, with the same key.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "auth_fixture.h"
#include "token_forge.h"

using nlohmann::json;

namespace {

// Runs tests/auth/pyjwt_interop.py with `request` on stdin and returns
// its JSON output, or null when the script failed.
json run_pyjwt(const std::filesystem::path& dir, const json& request) {
  auto input = dir / "pyjwt_in.json";
  auto output = dir / "pyjwt_out.json";
  std::ofstream(input) << request.dump();
  std::string command = std::string(SHOPKIT_PYTHON) + " " +
                        SHOPKIT_PYJWT_SCRIPT + " < " + input.string() + " > " +
                        output.string();
  if (std::system(command.c_str()) != 0) return nullptr;
  std::ifstream in(output);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str(), nullptr, false);
}

struct InteropFixture : shopkit::testing::AuthFixture {
  InteropFixture() {
    // PyJWT checks exp and iat against the real clock.
    test.clock->set(shopkit::SystemClock().now());
    register_customer("ann@example.com");
  }

  // Has PyJWT sign a token for `principal` with `secret_hex` and `kid`;
  // returns the token, or an empty string when the script failed.
  std::string sign_with_pyjwt(const shopkit::Principal& principal,
                              const std::string& secret_hex,
                              const std::string& kid) {
    std::int64_t now = std::chrono::floor<std::chrono::seconds>(
                           test.clock->now().time_since_epoch())
                           .count();
    json result = run_pyjwt(dir.path(),
                            {{"mode", "sign"},
                             {"secret_hex", secret_hex},
                             {"kid", kid},
                             {"claims",
                              {{"iss", "shopkit"},
                               {"aud", "shopkit"},
                               {"sub", principal.user_id().str()},
                               {"sid", principal.session_id().str()},
                               {"iat", now},
                               {"exp", now + 300}}}});
    if (!result.is_object()) return "";
    return result["token"].get<std::string>();
  }
};

}  // namespace

TEST_CASE("pyjwt verifies a shopkit token") {
  InteropFixture f;
  auto login = f.login("ann@example.com");
  auto principal = f.auth().authenticate(login.access_token);
  auto key = shopkit::testing::newest_signing_key(f.dir.path());
  json result = run_pyjwt(
      f.dir.path(), {{"mode", "verify"},
                     {"token", login.access_token},
                     {"secret_hex", shopkit::internal::hex_encode(key.secret)},
                     {"issuer", "shopkit"},
                     {"audience", "shopkit"}});
  REQUIRE(result.is_object());
  CHECK(result["header"]["alg"] == "HS256");
  CHECK(result["header"]["kid"] == key.kid);
  CHECK(result["claims"]["sub"] == principal.user_id().str());
  CHECK(result["claims"]["sid"] == principal.session_id().str());
}

TEST_CASE("pyjwt rejects a shopkit token with another key") {
  InteropFixture f;
  auto login = f.login("ann@example.com");
  json result = run_pyjwt(f.dir.path(),
                          {{"mode", "verify"},
                           {"token", login.access_token},
                           {"secret_hex", std::string(64, '0')},
                           {"issuer", "shopkit"},
                           {"audience", "shopkit"}});
  CHECK(result.is_null());
}

TEST_CASE("shopkit verifies a pyjwt token") {
  InteropFixture f;
  auto login = f.login("ann@example.com");
  auto principal = f.auth().authenticate(login.access_token);
  auto key = shopkit::testing::newest_signing_key(f.dir.path());
  std::string token = f.sign_with_pyjwt(
      principal, shopkit::internal::hex_encode(key.secret), key.kid);
  REQUIRE_FALSE(token.empty());
  auto from_python = f.auth().authenticate(token);
  CHECK(from_python.user_id() == principal.user_id());
  CHECK(from_python.session_id() == principal.session_id());
}

TEST_CASE("shopkit rejects a pyjwt token with another key") {
  InteropFixture f;
  auto login = f.login("ann@example.com");
  auto principal = f.auth().authenticate(login.access_token);
  auto key = shopkit::testing::newest_signing_key(f.dir.path());
  std::string token =
      f.sign_with_pyjwt(principal, std::string(64, '1'), key.kid);
  REQUIRE_FALSE(token.empty());
  auto error =
      shopkit::testing::error_of([&] { f.auth().authenticate(token); });
  REQUIRE(error);
  CHECK(error->code() == shopkit::ErrorCode::unauthenticated);
}
