// Password hashing with scrypt (RFC 7914) through OpenSSL's EVP_KDF.
//
// A stored hash is one self-describing string:
//   $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>
// with salt (16 bytes) and hash (32 bytes) in base64url without padding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shopkit/environment.h"

namespace shopkit::internal {

struct ScryptParams {
  int log2_n = 15;
  int r = 8;
  int p = 1;
};

// Rejects parameters outside what shopkit accepts (log2_n 1..24, r 1..32,
// p 1..16, at most 1 GiB of memory) with invalid_argument naming
// `field`. Stored hashes are bounded the same way, so a crafted hash
// cannot make verification use unbounded memory or time.
void check_scrypt_params(const ScryptParams& params, std::string_view field);

// Raw scrypt: derives `length` bytes. Raises internal when OpenSSL fails.
std::string scrypt(std::string_view password, std::string_view salt,
                   std::uint64_t n, std::uint32_t r, std::uint32_t p,
                   std::size_t length);

// Hashes `password` with a fresh 16-byte salt from `random`.
std::string hash_password(std::string_view password,
                          const ScryptParams& params, RandomSource& random);

// The parameters of a stored hash, or nothing when it is malformed.
std::optional<ScryptParams> parse_password_hash_params(
    std::string_view stored);

// True when `password` matches `stored`. Compares in constant time and
// returns false (never raises) for a malformed stored string.
bool verify_password(std::string_view password, std::string_view stored);

// True when the stored hash costs less than `current`, so a login should
// store a new hash.
bool needs_rehash(std::string_view stored, const ScryptParams& current);

}  // namespace shopkit::internal
