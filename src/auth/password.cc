#include "auth/password.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <charconv>
#include <memory>

#include "common/crypto.h"
#include "shopkit/error.h"

namespace shopkit::internal {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t{1} << 30;
constexpr std::string_view kPrefix = "$scrypt$";

struct KdfDeleter {
  void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
  void operator()(EVP_KDF_CTX* context) const { EVP_KDF_CTX_free(context); }
};

// scrypt's working memory as OpenSSL 3.0 counts it against the memory
// cap: 128 * r * (N + 2) for V and X, plus 128 * r * p for B.
std::uint64_t scrypt_memory(std::uint64_t n, std::uint64_t r,
                            std::uint64_t p) {
  return 128 * r * (n + 2) + 128 * r * p;
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty() || text.size() > 4) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(),
                                      out);
  return error == std::errc() && end == text.data() + text.size();
}

struct ParsedHash {
  ScryptParams params;
  std::string salt;
  std::string hash;
};

// Splits "$scrypt$ln=..,r=..,p=..$salt$hash"; nothing when malformed or
// out of bounds.
std::optional<ParsedHash> parse_hash(std::string_view stored) {
  if (stored.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  stored.remove_prefix(kPrefix.size());
  std::size_t first = stored.find('$');
  if (first == std::string_view::npos) return std::nullopt;
  std::size_t second = stored.find('$', first + 1);
  if (second == std::string_view::npos) return std::nullopt;

  std::string_view params = stored.substr(0, first);
  ParsedHash parsed;
  int* targets[] = {&parsed.params.log2_n, &parsed.params.r, &parsed.params.p};
  std::string_view names[] = {"ln=", "r=", "p="};
  for (int i = 0; i < 3; ++i) {
    std::size_t comma = params.find(',');
    std::string_view item = params.substr(0, comma);
    if (item.substr(0, names[i].size()) != names[i]) return std::nullopt;
    if (!parse_int(item.substr(names[i].size()), *targets[i])) {
      return std::nullopt;
    }
    if ((i < 2) == (comma == std::string_view::npos)) return std::nullopt;
    params = comma == std::string_view::npos ? std::string_view()
                                             : params.substr(comma + 1);
  }
  try {
    check_scrypt_params(parsed.params, "password_hash");
  } catch (const Error&) {
    return std::nullopt;
  }
  if (!base64url_decode(stored.substr(first + 1, second - first - 1),
                        parsed.salt) ||
      !base64url_decode(stored.substr(second + 1), parsed.hash)) {
    return std::nullopt;
  }
  if (parsed.salt.empty() || parsed.hash.size() != kHashBytes) {
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

void check_scrypt_params(const ScryptParams& params, std::string_view field) {
  auto reject = [&](const std::string& what) {
    throw Error(ErrorCode::invalid_argument,
                "scrypt parameter " + what + " is out of range",
                std::string(field));
  };
  if (params.log2_n < 1 || params.log2_n > 24) {
    reject("log2_n " + std::to_string(params.log2_n) + " (expected 1..24)");
  }
  if (params.r < 1 || params.r > 32) {
    reject("r " + std::to_string(params.r) + " (expected 1..32)");
  }
  if (params.p < 1 || params.p > 16) {
    reject("p " + std::to_string(params.p) + " (expected 1..16)");
  }
  std::uint64_t memory =
      scrypt_memory(std::uint64_t{1} << params.log2_n,
                    static_cast<std::uint64_t>(params.r),
                    static_cast<std::uint64_t>(params.p));
  if (memory > kMaxMemoryBytes) {
    reject("memory " + std::to_string(memory) + " bytes (at most 1 GiB)");
  }
}

std::string scrypt(std::string_view password, std::string_view salt,
                   std::uint64_t n, std::uint32_t r, std::uint32_t p,
                   std::size_t length) {
  std::unique_ptr<EVP_KDF, KdfDeleter> kdf(
      EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
  if (!kdf) throw Error(ErrorCode::internal, "OpenSSL has no scrypt KDF");
  std::unique_ptr<EVP_KDF_CTX, KdfDeleter> context(EVP_KDF_CTX_new(kdf.get()));
  if (!context) throw Error(ErrorCode::internal, "EVP_KDF_CTX_new failed");

  // OpenSSL's default memory cap (32 MiB) is below N = 2^15, r = 8, so
  // the cap is raised to what these parameters need.
  std::uint64_t max_memory = scrypt_memory(n, r, p);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(
          OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.data()),
          password.size()),
      OSSL_PARAM_construct_octet_string(
          OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()), salt.size()),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &max_memory),
      OSSL_PARAM_construct_end(),
  };
  std::string out(length, '\0');
  if (EVP_KDF_derive(context.get(),
                     reinterpret_cast<unsigned char*>(out.data()), length,
                     params) != 1) {
    throw Error(ErrorCode::internal, "OpenSSL scrypt derivation failed");
  }
  return out;
}

std::string hash_password(std::string_view password,
                          const ScryptParams& params, RandomSource& random) {
  std::string salt = random_bytes(random, kSaltBytes);
  std::string hash = scrypt(password, salt, std::uint64_t{1} << params.log2_n,
                            static_cast<std::uint32_t>(params.r),
                            static_cast<std::uint32_t>(params.p), kHashBytes);
  return std::string(kPrefix) + "ln=" + std::to_string(params.log2_n) +
         ",r=" + std::to_string(params.r) + ",p=" + std::to_string(params.p) +
         "$" + base64url_encode(salt) + "$" + base64url_encode(hash);
}

std::optional<ScryptParams> parse_password_hash_params(
    std::string_view stored) {
  auto parsed = parse_hash(stored);
  if (!parsed) return std::nullopt;
  return parsed->params;
}

bool verify_password(std::string_view password, std::string_view stored) {
  auto parsed = parse_hash(stored);
  if (!parsed) return false;
  std::string hash =
      scrypt(password, parsed->salt, std::uint64_t{1} << parsed->params.log2_n,
             static_cast<std::uint32_t>(parsed->params.r),
             static_cast<std::uint32_t>(parsed->params.p), kHashBytes);
  return constant_time_equal(hash, parsed->hash);
}

bool needs_rehash(std::string_view stored, const ScryptParams& current) {
  auto params = parse_password_hash_params(stored);
  if (!params) return true;
  return params->log2_n < current.log2_n || params->r < current.r ||
         params->p < current.p;
}

}  // namespace shopkit::internal
