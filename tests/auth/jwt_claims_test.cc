// read_claims() has a fast scanner and a SAX fallback; these cases check
// that both give the same claims and the same verdicts.
#include <doctest/doctest.h>

#include "auth/jwt_claims.h"

using shopkit::internal::RawClaims;
using shopkit::internal::read_claims;

namespace {

RawClaims read(const std::string& json, bool expect_ok = true) {
  RawClaims claims;
  bool ok = read_claims(json, "shopkit", claims);
  CHECK_MESSAGE(ok == expect_ok, json);
  return claims;
}

}  // namespace

TEST_CASE("claims of a flat payload") {
  auto claims = read(
      R"({"iss":"shopkit","aud":"shopkit","sub":"usr_1","sid":"ses_1",)"
      R"("role":"merchant","iat":100,"nbf":101,"exp":-5,"extra":"x"})");
  CHECK(claims.issuer == "shopkit");
  CHECK(claims.subject == "usr_1");
  CHECK(claims.session_id == "ses_1");
  CHECK(claims.role == "merchant");
  CHECK(claims.issued_at == 100);
  CHECK(claims.not_before == 101);
  CHECK(claims.expires_at == -5);
  CHECK(claims.has_audience);
  CHECK(claims.audience_matches);
  CHECK_FALSE(claims.bad_type);
}

TEST_CASE("claims with escapes match plain ones") {
  auto claims = read(R"({"sub":"\u0075sr_1","iss":"shop\u006bit",)"
                     R"("aud":["x","shop\u006bit"],"exp":1.9e2})");
  CHECK(claims.subject == "usr_1");
  CHECK(claims.issuer == "shopkit");
  CHECK(claims.audience_matches);
  CHECK(claims.expires_at == 190);
}

TEST_CASE("claims audience array without match") {
  auto claims = read(R"({"aud":["other", "more"]})");
  CHECK(claims.has_audience);
  CHECK_FALSE(claims.audience_matches);
}

TEST_CASE("claims with nested values skip them") {
  auto claims = read(R"({"ctx":{"sub":"usr_2","a":[1,{"b":null}]},)"
                     R"("sub":"usr_1","ok":true,"n":null})");
  CHECK(claims.subject == "usr_1");
  CHECK_FALSE(claims.bad_type);
}

TEST_CASE("claims of the wrong type are marked") {
  for (std::string json :
       {R"({"exp":"tomorrow"})", R"({"sub":5})", R"({"iss":null})",
        R"({"aud":7})", R"({"sid":["ses_1"]})", R"({"iat":{"v":1}})",
        R"({"exp":true})"}) {
    CHECK_MESSAGE(read(json).bad_type, json);
  }
  CHECK_FALSE(read(R"({"role":5})").bad_type);
}

TEST_CASE("claims repeated are rejected") {
  for (std::string json :
       {R"({"sub":"a","sub":"b"})", R"({"exp":1,"exp":2})",
        R"({"aud":"shopkit","aud":["x"]})", R"({"role":"a","role":"b"})",
        R"({"sub":"\u0061","sub":"b"})"}) {
    read(json, false);
  }
  CHECK(read(R"({"x":1,"x":2})").subject == std::nullopt);
}

TEST_CASE("claims text that is not an object fails") {
  for (std::string json :
       {"", "[]", "\"text\"", "5", "null", "{", R"({"sub":"a"} x)",
        R"({"sub":"a",})", R"({"exp":01})", R"({"sub":"a" "sid":"b"})",
        "{\"sub\":\"a\tb\"}", R"({sub:"a"})"}) {
    read(json, false);
  }
}

TEST_CASE("claims with big numbers use the fallback") {
  auto claims = read(R"({"exp":1234567890123456789})");
  CHECK(claims.expires_at == 1234567890123456789);
  CHECK(read(R"({"exp":99999999999999999999})").bad_type);
}
