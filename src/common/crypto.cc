#include "common/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <array>

#include "shopkit/error.h"

namespace shopkit::internal {

std::string sha256(std::string_view data) {
  std::string out(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::string out(EVP_MAX_MD_SIZE, '\0');
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(),
           reinterpret_cast<unsigned char*>(out.data()), &length) == nullptr) {
    throw Error(ErrorCode::internal, "OpenSSL HMAC-SHA256 failed");
  }
  out.resize(length);
  return out;
}

namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<int, 256> make_decode_table() {
  std::array<int, 256> table{};
  for (auto& entry : table) entry = -1;
  for (std::size_t i = 0; i < kBase64Url.size(); ++i) {
    table[static_cast<unsigned char>(kBase64Url[i])] = static_cast<int>(i);
  }
  return table;
}

constexpr auto kDecodeTable = make_decode_table();

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t group = (static_cast<unsigned char>(bytes[i]) << 16) |
                          (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                          static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64Url[(group >> 18) & 63];
    out += kBase64Url[(group >> 12) & 63];
    out += kBase64Url[(group >> 6) & 63];
    out += kBase64Url[group & 63];
  }
  std::size_t left = bytes.size() - i;
  if (left == 1) {
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    out += kBase64Url[(group >> 18) & 63];
    out += kBase64Url[(group >> 12) & 63];
  } else if (left == 2) {
    std::uint32_t group = (static_cast<unsigned char>(bytes[i]) << 16) |
                          (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kBase64Url[(group >> 18) & 63];
    out += kBase64Url[(group >> 12) & 63];
    out += kBase64Url[(group >> 6) & 63];
  }
  return out;
}

bool base64url_decode(std::string_view text, std::string& out) {
  // A length of 1 mod 4 cannot come from any byte string.
  if (text.size() % 4 == 1) return false;
  // Writes into a buffer sized up front: token verification decodes on
  // every request, and appending byte by byte was a large part of it.
  out.resize(text.size() * 3 / 4);
  std::size_t written = 0;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = kDecodeTable[static_cast<unsigned char>(c)];
    if (value < 0) return false;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  out.resize(written);
  // Leftover bits must be zero, so each byte string has one encoding.
  return (buffer & ((1u << bits) - 1)) == 0;
}

std::string hex_encode(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string random_bytes(RandomSource& random, std::size_t count) {
  std::string out(count, '\0');
  random.fill(std::as_writable_bytes(std::span(out.data(), out.size())));
  return out;
}

std::string random_token(RandomSource& random, std::size_t bytes) {
  return base64url_encode(random_bytes(random, bytes));
}

}  // namespace shopkit::internal
