// Thin helpers over OpenSSL: digests, HMAC, base64url, hex, constant-time
// comparison and random tokens. No OpenSSL header leaks out of here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "shopkit/environment.h"

namespace shopkit::internal {

// Binary digests, returned as raw bytes in a std::string.
std::string sha256(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);

// Base64url without padding (RFC 4648 section 5), as JWT uses it.
std::string base64url_encode(std::string_view bytes);
// Decodes base64url without padding; returns false on any character
// outside the alphabet, on padding, or on a length that cannot occur.
bool base64url_decode(std::string_view text, std::string& out);

std::string hex_encode(std::string_view bytes);

// Compares in time that depends only on the lengths, not the contents.
bool constant_time_equal(std::string_view a, std::string_view b);

// Returns `count` random bytes from `random`.
std::string random_bytes(RandomSource& random, std::size_t count);

// Returns a token of `bytes` random bytes encoded as base64url; 32 bytes
// give the 256-bit tokens used for refresh and reset tokens.
std::string random_token(RandomSource& random, std::size_t bytes = 32);

}  // namespace shopkit::internal
