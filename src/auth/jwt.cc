#include "auth/jwt.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "common/crypto.h"
#include "shopkit/error.h"

namespace shopkit::internal {

struct HmacSha256Key::State {
  EVP_MAC_CTX* keyed = nullptr;  // Initialized with the key; only copied.
};

namespace {

EVP_MAC* hmac_algorithm() {
  // Fetched once and kept for the life of the process.
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr);
  if (mac == nullptr) throw Error(ErrorCode::internal, "OpenSSL has no HMAC");
  return mac;
}

}  // namespace

HmacSha256Key::HmacSha256Key(std::string_view secret)
    : state_(std::make_unique<State>()) {
  state_->keyed = EVP_MAC_CTX_new(hmac_algorithm());
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end(),
  };
  if (state_->keyed == nullptr ||
      EVP_MAC_init(state_->keyed,
                   reinterpret_cast<const unsigned char*>(secret.data()),
                   secret.size(), params) != 1) {
    EVP_MAC_CTX_free(state_->keyed);
    throw Error(ErrorCode::internal, "OpenSSL HMAC-SHA256 key setup failed");
  }
}

HmacSha256Key::~HmacSha256Key() { EVP_MAC_CTX_free(state_->keyed); }

std::string HmacSha256Key::sign(std::string_view data) const {
  EVP_MAC_CTX* context = EVP_MAC_CTX_dup(state_->keyed);
  std::string out(32, '\0');
  std::size_t length = 0;
  bool ok = context != nullptr &&
            EVP_MAC_update(context,
                           reinterpret_cast<const unsigned char*>(data.data()),
                           data.size()) == 1 &&
            EVP_MAC_final(context, reinterpret_cast<unsigned char*>(out.data()),
                          &length, out.size()) == 1;
  EVP_MAC_CTX_free(context);
  if (!ok || length != out.size()) {
    throw Error(ErrorCode::internal, "OpenSSL HMAC-SHA256 failed");
  }
  return out;
}

std::string encode_jwt(const AccessClaims& claims, std::string_view kid,
                       const HmacSha256Key& key) {
  nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", kid}};
  nlohmann::json payload = {
      {"iss", claims.issuer},     {"aud", claims.audience},
      {"sub", claims.subject},    {"sid", claims.session_id},
      {"role", claims.role},      {"iat", claims.issued_at},
      {"nbf", claims.not_before}, {"exp", claims.expires_at},
  };
  std::string token = base64url_encode(header.dump()) + "." +
                      base64url_encode(payload.dump());
  std::string signature = key.sign(token);
  token += ".";
  token += base64url_encode(signature);
  return token;
}

std::string_view to_string(JwtError error) {
  switch (error) {
    case JwtError::malformed:
      return "malformed";
    case JwtError::bad_algorithm:
      return "bad_algorithm";
    case JwtError::missing_kid:
      return "missing_kid";
    case JwtError::unknown_kid:
      return "unknown_kid";
    case JwtError::bad_signature:
      return "bad_signature";
    case JwtError::bad_claims:
      return "bad_claims";
    case JwtError::expired:
      return "expired";
    case JwtError::not_yet_valid:
      return "not_yet_valid";
    case JwtError::wrong_issuer:
      return "wrong_issuer";
    case JwtError::wrong_audience:
      return "wrong_audience";
  }
  return "malformed";
}

namespace {

JwtResult reject(JwtError error) { return JwtResult{std::nullopt, error}; }

// Decodes one base64url part into a JSON object; discarded (null) on any
// failure, so bad input never raises.
nlohmann::json decode_object(std::string_view part) {
  std::string text;
  if (!base64url_decode(part, text)) return nullptr;
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_object()) return nullptr;
  return value;
}

// Reads a NumericDate. RFC 7519 allows fractions; they are dropped.
std::optional<std::int64_t> numeric_date(const nlohmann::json& payload,
                                         const char* name) {
  auto it = payload.find(name);
  if (it == payload.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_number_float()) {
    double value = it->get<double>();
    if (!std::isfinite(value) || std::fabs(value) > 1e15) return std::nullopt;
    return static_cast<std::int64_t>(std::floor(value));
  }
  return std::nullopt;
}

std::optional<std::string> string_claim(const nlohmann::json& payload,
                                        const char* name) {
  auto it = payload.find(name);
  if (it == payload.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

bool audience_matches(const nlohmann::json& aud, std::string_view expected) {
  if (aud.is_string()) return aud.get_ref<const std::string&>() == expected;
  if (!aud.is_array()) return false;
  for (const auto& item : aud) {
    if (item.is_string() && item.get_ref<const std::string&>() == expected) {
      return true;
    }
  }
  return false;
}

JwtResult check_claims(const nlohmann::json& payload, const JwtRules& rules) {
  AccessClaims claims;
  auto subject = string_claim(payload, "sub");
  auto session = string_claim(payload, "sid");
  auto issuer = string_claim(payload, "iss");
  auto expires = numeric_date(payload, "exp");
  auto issued = numeric_date(payload, "iat");
  auto aud = payload.find("aud");
  if (!subject || !session || !issuer || !expires || !issued ||
      aud == payload.end()) {
    return reject(JwtError::bad_claims);
  }
  std::optional<std::int64_t> not_before = *issued;
  if (payload.contains("nbf")) {
    not_before = numeric_date(payload, "nbf");
    if (!not_before) return reject(JwtError::bad_claims);
  }

  if (*issuer != rules.issuer) return reject(JwtError::wrong_issuer);
  if (!audience_matches(*aud, rules.audience)) {
    return reject(JwtError::wrong_audience);
  }
  // exp is exclusive: the token is invalid at exp itself (RFC 7519 4.1.4).
  if (rules.now >= *expires + rules.leeway) return reject(JwtError::expired);
  if (*not_before > rules.now + rules.leeway ||
      *issued > rules.now + rules.leeway) {
    return reject(JwtError::not_yet_valid);
  }

  claims.subject = std::move(*subject);
  claims.session_id = std::move(*session);
  claims.issuer = std::move(*issuer);
  claims.audience = std::string(rules.audience);
  claims.role = string_claim(payload, "role").value_or("");
  claims.issued_at = *issued;
  claims.not_before = *not_before;
  claims.expires_at = *expires;
  return JwtResult{std::move(claims), JwtError::malformed};
}

}  // namespace

JwtResult verify_jwt(std::string_view token, const KeyLookup& keys,
                     const JwtRules& rules) {
  // Compact serialization: exactly three parts separated by two dots.
  std::size_t first = token.find('.');
  if (first == std::string_view::npos) return reject(JwtError::malformed);
  std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos ||
      token.find('.', second + 1) != std::string_view::npos) {
    return reject(JwtError::malformed);
  }
  std::string_view header_part = token.substr(0, first);
  std::string_view payload_part = token.substr(first + 1, second - first - 1);
  std::string_view signature_part = token.substr(second + 1);

  // The header picks the algorithm and key; only HS256 is ever accepted,
  // so "none" and algorithm-confusion tokens fail here.
  nlohmann::json header = decode_object(header_part);
  if (header.is_null()) return reject(JwtError::malformed);
  auto alg = header.find("alg");
  if (alg == header.end() || !alg->is_string() ||
      alg->get_ref<const std::string&>() != "HS256") {
    return reject(JwtError::bad_algorithm);
  }
  auto kid = header.find("kid");
  if (kid == header.end() || !kid->is_string()) {
    return reject(JwtError::missing_kid);
  }
  auto key = keys(kid->get_ref<const std::string&>());
  if (!key) return reject(JwtError::unknown_kid);

  // The signature covers the header and payload exactly as sent.
  std::string signature;
  if (!base64url_decode(signature_part, signature)) {
    return reject(JwtError::malformed);
  }
  std::string expected = key->sign(token.substr(0, second));
  if (!constant_time_equal(signature, expected)) {
    return reject(JwtError::bad_signature);
  }

  nlohmann::json payload = decode_object(payload_part);
  if (payload.is_null()) return reject(JwtError::malformed);
  return check_claims(payload, rules);
}

}  // namespace shopkit::internal
