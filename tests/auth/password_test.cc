#include <SQLiteCpp/SQLiteCpp.h>

#include "auth/password.h"
#include "auth_fixture.h"
#include "common/crypto.h"

using shopkit::internal::hash_password;
using shopkit::internal::needs_rehash;
using shopkit::internal::ScryptParams;
using shopkit::internal::verify_password;

namespace {

std::string scrypt_hex(std::string_view password, std::string_view salt,
                       std::uint64_t n, std::uint32_t r, std::uint32_t p) {
  return shopkit::internal::hex_encode(
      shopkit::internal::scrypt(password, salt, n, r, p, 64));
}

std::string stored_hash(const std::filesystem::path& dir,
                        const std::string& email) {
  SQLite::Database db((dir / "platform.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement query(
      db, "SELECT password_hash FROM users WHERE email_normalized = ?");
  query.bind(1, email);
  REQUIRE(query.executeStep());
  return query.getColumn(0).getString();
}

}  // namespace

// Test vectors from RFC 7914 section 12. The fourth (N = 2^20) needs
// 1 GiB and is left out.
TEST_CASE("scrypt matches RFC 7914 vector 1") {
  CHECK(scrypt_hex("", "", 16, 1, 1) ==
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
        "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
}

TEST_CASE("scrypt matches RFC 7914 vector 2") {
  CHECK(scrypt_hex("password", "NaCl", 1024, 8, 16) ==
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
}

TEST_CASE("scrypt matches RFC 7914 vector 3") {
  CHECK(scrypt_hex("pleaseletmein", "SodiumChloride", 16384, 8, 1) ==
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
        "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
}

TEST_CASE("password hash string describes itself") {
  shopkit::OsRandom random;
  std::string hash = hash_password("pa55word!", ScryptParams{5, 2, 1}, random);
  CHECK(hash.rfind("$scrypt$ln=5,r=2,p=1$", 0) == 0);
  auto params = shopkit::internal::parse_password_hash_params(hash);
  REQUIRE(params);
  CHECK(params->log2_n == 5);
  CHECK(params->r == 2);
  CHECK(params->p == 1);
}

TEST_CASE("password verify accepts only the password") {
  shopkit::OsRandom random;
  std::string hash = hash_password("pa55word!", ScryptParams{4, 1, 1}, random);
  CHECK(verify_password("pa55word!", hash));
  CHECK_FALSE(verify_password("pa55word?", hash));
  CHECK_FALSE(verify_password("", hash));
}

TEST_CASE("password hashes use fresh salts") {
  shopkit::OsRandom random;
  ScryptParams params{4, 1, 1};
  CHECK(hash_password("pa55word!", params, random) !=
        hash_password("pa55word!", params, random));
}

TEST_CASE("malformed stored hashes never verify") {
  shopkit::OsRandom random;
  std::string good = hash_password("pa55word!", ScryptParams{4, 1, 1}, random);
  std::string tail = good.substr(good.find("$", 8));
  for (const std::string& stored : std::vector<std::string>{
           "", "x", "$scrypt$", "$bcrypt$ln=4,r=1,p=1" + tail,
           "$scrypt$ln=4,r=1" + tail, "$scrypt$ln=4,r=1,p=1,q=2" + tail,
           "$scrypt$ln=40,r=1,p=1" + tail, "$scrypt$ln=24,r=32,p=1" + tail,
           "$scrypt$ln=-4,r=1,p=1" + tail, "$scrypt$ln=4,r=1,p=1$$",
           good.substr(0, good.size() - 2), good + "A"}) {
    CHECK_MESSAGE(!verify_password("pa55word!", stored), stored);
  }
}

TEST_CASE("needs_rehash compares the cost") {
  shopkit::OsRandom random;
  std::string hash = hash_password("pa55word!", ScryptParams{5, 2, 1}, random);
  CHECK_FALSE(needs_rehash(hash, ScryptParams{5, 2, 1}));
  CHECK_FALSE(needs_rehash(hash, ScryptParams{4, 1, 1}));
  CHECK(needs_rehash(hash, ScryptParams{6, 2, 1}));
  CHECK(needs_rehash(hash, ScryptParams{5, 8, 1}));
  CHECK(needs_rehash("garbage", ScryptParams{4, 1, 1}));
}

TEST_CASE("login upgrades a cheaper stored hash") {
  shopkit::testing::TempDir dir;
  {
    auto platform = shopkit::Platform::open(shopkit::testing::test_options(dir.path()));
    shopkit::testing::sign_up(*platform, "a@example.com");
  }
  CHECK(stored_hash(dir.path(), "a@example.com").rfind("$scrypt$ln=4,", 0) == 0);
  auto options = shopkit::testing::test_options(dir.path());
  options.auth.scrypt_log2_n = 6;
  auto platform = shopkit::Platform::open(options);
  shopkit::testing::log_in(*platform, "a@example.com");
  CHECK(stored_hash(dir.path(), "a@example.com").rfind("$scrypt$ln=6,", 0) == 0);
  CHECK_NOTHROW(shopkit::testing::log_in(*platform, "a@example.com"));
}

TEST_CASE("login keeps a costlier stored hash") {
  shopkit::testing::TempDir dir;
  auto options = shopkit::testing::test_options(dir.path());
  options.auth.scrypt_log2_n = 6;
  {
    auto platform = shopkit::Platform::open(options);
    shopkit::testing::sign_up(*platform, "a@example.com");
  }
  auto platform = shopkit::Platform::open(shopkit::testing::test_options(dir.path()));
  shopkit::testing::log_in(*platform, "a@example.com");
  CHECK(stored_hash(dir.path(), "a@example.com").rfind("$scrypt$ln=6,", 0) == 0);
}

TEST_CASE("scrypt options out of range are rejected") {
  shopkit::testing::TempDir dir;
  auto options = shopkit::testing::test_options(dir.path());
  options.auth.scrypt_log2_n = 30;
  auto error = shopkit::testing::error_of(
      [&] { (void)shopkit::Platform::open(options); });
  REQUIRE(error);
  CHECK(error->code() == shopkit::ErrorCode::invalid_argument);
  CHECK(error->field() == "auth.scrypt");
}
