#include <doctest/doctest.h>

#include "common/crypto.h"

using shopkit::internal::base64url_decode;
using shopkit::internal::base64url_encode;
using shopkit::internal::hex_encode;

TEST_CASE("base64url matches RFC 4648 vectors without padding") {
  CHECK(base64url_encode("") == "");
  CHECK(base64url_encode("f") == "Zg");
  CHECK(base64url_encode("fo") == "Zm8");
  CHECK(base64url_encode("foo") == "Zm9v");
  CHECK(base64url_encode("foob") == "Zm9vYg");
  CHECK(base64url_encode("fooba") == "Zm9vYmE");
  CHECK(base64url_encode("foobar") == "Zm9vYmFy");
  CHECK(base64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("base64url decode rejects malformed text") {
  std::string out;
  CHECK(base64url_decode("Zm9vYmFy", out));
  CHECK(out == "foobar");
  CHECK(base64url_decode("-_8", out));
  CHECK(out == "\xfb\xff");
  CHECK_FALSE(base64url_decode("Zg==", out));
  CHECK_FALSE(base64url_decode("Zm9v+mFy", out));
  CHECK_FALSE(base64url_decode("Z", out));
  CHECK_FALSE(base64url_decode("Zh", out));  // Non-zero leftover bits.
  CHECK_FALSE(base64url_decode("Zm 9v", out));
}

TEST_CASE("sha256 and hmac match published vectors") {
  CHECK(hex_encode(shopkit::internal::sha256("abc")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 4231 test case 2.
  CHECK(hex_encode(shopkit::internal::hmac_sha256(
            "Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("constant_time_equal compares contents and length") {
  CHECK(shopkit::internal::constant_time_equal("abc", "abc"));
  CHECK_FALSE(shopkit::internal::constant_time_equal("abc", "abd"));
  CHECK_FALSE(shopkit::internal::constant_time_equal("abc", "abcd"));
}
