// Each rule authenticate() applies to an access token, one case each.
#include "auth_fixture.h"
#include "token_forge.h"

using nlohmann::json;
using shopkit::ErrorCode;
using shopkit::testing::AuthFixture;
using shopkit::testing::error_of;
using shopkit::testing::forge_token;

namespace {

// A logged-in user plus a valid header and payload to vary.
struct Forgery : AuthFixture {
  shopkit::LoginResult login_result;
  shopkit::Principal principal = shopkit::Principal::anonymous();
  shopkit::testing::KeyMaterial key;
  json header;
  json payload;

  Forgery() {
    register_customer("ann@example.com");
    login_result = login("ann@example.com");
    principal = auth().authenticate(login_result.access_token);
    key = shopkit::testing::newest_signing_key(dir.path());
    std::int64_t now = std::chrono::floor<std::chrono::seconds>(
                           test.clock->now().time_since_epoch())
                           .count();
    header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", key.kid}};
    payload = {{"iss", "shopkit"},
               {"aud", "shopkit"},
               {"sub", principal.user_id().str()},
               {"sid", principal.session_id().str()},
               {"iat", now},
               {"nbf", now},
               {"exp", now + 900}};
  }

  std::string sign() { return forge_token(header, payload, key.secret); }

  std::optional<shopkit::Error> error_for(const std::string& token) {
    return error_of([&] { auth().authenticate(token); });
  }

  void check_rejected(const std::string& token) {
    auto error = error_for(token);
    REQUIRE_MESSAGE(error, "token accepted: " << token);
    CHECK(error->code() == ErrorCode::unauthenticated);
  }
};

}  // namespace

TEST_CASE("forged token with valid claims passes") {
  Forgery f;
  CHECK(f.auth().authenticate(f.sign()).user_id() == f.principal.user_id());
}

TEST_CASE("jwt with alg none is rejected") {
  Forgery f;
  f.header["alg"] = "none";
  std::string token = f.sign();
  f.check_rejected(token);
  f.check_rejected(token.substr(0, token.rfind('.') + 1));
}

TEST_CASE("jwt with another alg is rejected") {
  Forgery f;
  for (std::string alg : {"HS384", "HS512", "RS256", "ES256", "hs256", ""}) {
    f.header["alg"] = alg;
    f.check_rejected(f.sign());
  }
  f.header.erase("alg");
  f.check_rejected(f.sign());
}

TEST_CASE("jwt without kid is rejected") {
  Forgery f;
  f.header.erase("kid");
  f.check_rejected(f.sign());
}

TEST_CASE("jwt with unknown kid is rejected") {
  Forgery f;
  f.header["kid"] = "key_00000000000000000000000000";
  f.check_rejected(f.sign());
  f.header["kid"] = 7;
  f.check_rejected(f.sign());
}

TEST_CASE("jwt with tampered header is rejected") {
  Forgery f;
  std::string token = f.sign();
  f.header["typ"] = "JOSE";
  std::string other = f.sign();
  // The new header with the old payload and signature.
  f.check_rejected(other.substr(0, other.find('.')) +
                   token.substr(token.find('.')));
}

TEST_CASE("jwt with tampered payload is rejected") {
  Forgery f;
  std::string token = f.sign();
  f.payload["exp"] = f.payload["exp"].get<std::int64_t>() + 3600;
  std::string other = f.sign();
  std::size_t first = token.find('.');
  std::size_t last = token.rfind('.');
  std::size_t other_first = other.find('.');
  std::size_t other_last = other.rfind('.');
  f.check_rejected(token.substr(0, first) +
                   other.substr(other_first, other_last - other_first) +
                   token.substr(last));
}

TEST_CASE("jwt with tampered signature is rejected") {
  Forgery f;
  std::string token = f.sign();
  token[token.size() - 5] = token[token.size() - 5] == 'A' ? 'B' : 'A';
  f.check_rejected(token);
  std::string truncated = f.sign();
  truncated.pop_back();
  f.check_rejected(truncated);
}

TEST_CASE("jwt with bad base64url is rejected") {
  Forgery f;
  std::string token = f.sign();
  std::size_t first = token.find('.');
  f.check_rejected(token.substr(0, first) + "=" + token.substr(first));
  f.check_rejected("+" + token.substr(1));
  std::string padded_signature = token + "=";
  f.check_rejected(padded_signature);
}

TEST_CASE("jwt with extra dots is rejected") {
  Forgery f;
  std::string token = f.sign();
  f.check_rejected(token + ".");
  f.check_rejected(token + "." + token.substr(token.rfind('.') + 1));
  f.check_rejected("." + token);
}

TEST_CASE("expired jwt is rejected after leeway") {
  Forgery f;
  std::string token = f.login_result.access_token;
  f.test.clock->advance(std::chrono::seconds(15 * 60 + 29));
  CHECK_NOTHROW(f.auth().authenticate(token));
  f.test.clock->advance(std::chrono::seconds(1));
  auto error = f.error_for(token);
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
  CHECK(std::string(error->what()) == "access token has expired");
}

TEST_CASE("jwt used before nbf is rejected") {
  Forgery f;
  std::int64_t now = f.payload["iat"].get<std::int64_t>();
  f.payload["nbf"] = now + 31;
  f.check_rejected(f.sign());
  f.payload["nbf"] = now + 30;  // Within the default 30 s leeway.
  CHECK_NOTHROW(f.auth().authenticate(f.sign()));
}

TEST_CASE("jwt issued in the future is rejected") {
  Forgery f;
  f.payload["iat"] = f.payload["iat"].get<std::int64_t>() + 3600;
  f.check_rejected(f.sign());
}

TEST_CASE("jwt with wrong issuer is rejected") {
  Forgery f;
  f.payload["iss"] = "someone-else";
  f.check_rejected(f.sign());
  f.payload.erase("iss");
  f.check_rejected(f.sign());
}

TEST_CASE("jwt with wrong audience is rejected") {
  Forgery f;
  f.payload["aud"] = "another-app";
  f.check_rejected(f.sign());
  f.payload["aud"] = json::array({"another-app"});
  f.check_rejected(f.sign());
  f.payload["aud"] = json::array({"another-app", "shopkit"});
  CHECK_NOTHROW(f.auth().authenticate(f.sign()));
}

TEST_CASE("jwt missing a required claim is rejected") {
  Forgery f;
  for (const char* claim : {"sub", "sid", "exp", "iat", "aud"}) {
    json saved = f.payload;
    f.payload.erase(claim);
    f.check_rejected(f.sign());
    f.payload = saved;
  }
  f.payload["exp"] = "tomorrow";
  f.check_rejected(f.sign());
}

TEST_CASE("jwt naming another user's session is rejected") {
  Forgery f;
  f.register_customer("bob@example.com");
  auto bob = f.auth().authenticate(f.login("bob@example.com").access_token);
  f.payload["sub"] = bob.user_id().str();
  f.check_rejected(f.sign());
}

TEST_CASE("jwt with non-object parts is rejected") {
  Forgery f;
  f.check_rejected(forge_token(json::array({1}), f.payload, f.key.secret));
  f.check_rejected(forge_token(f.header, json("text"), f.key.secret));
}

TEST_CASE("leeway option widens the expiry check") {
  shopkit::testing::TempDir dir;
  auto options = shopkit::testing::test_options(dir.path());
  options.auth.leeway = std::chrono::seconds(0);
  auto clock = std::static_pointer_cast<shopkit::ManualClock>(options.clock);
  auto platform = shopkit::Platform::open(options);
  auto principal = shopkit::testing::sign_up(*platform, "a@example.com");
  (void)principal;
  auto login = shopkit::testing::log_in(*platform, "a@example.com");
  clock->advance(std::chrono::seconds(15 * 60));
  auto error = error_of([&] { platform->auth().authenticate(login.access_token); });
  REQUIRE(error);
  CHECK(error->code() == ErrorCode::unauthenticated);
}

TEST_CASE("jwt with reordered header passes") {
  Forgery f;
  std::string header = " {\"typ\": \"JWT\", \"kid\": \"" + f.key.kid +
                       "\", \"alg\": \"HS256\"} ";
  auto principal = f.auth().authenticate(
      shopkit::testing::forge_raw_token(header, f.payload.dump(), f.key.secret));
  CHECK(principal.user_id() == f.principal.user_id());
}

TEST_CASE("jwt with repeated claim is rejected") {
  Forgery f;
  std::string payload = f.payload.dump();
  payload.insert(1, "\"sub\":\"usr_00000000000000000000000000\",");
  f.check_rejected(
      shopkit::testing::forge_raw_token(f.header.dump(), payload, f.key.secret));
}
