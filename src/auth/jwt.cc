#include "auth/jwt.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <nlohmann/json.hpp>

#include "auth/jwt_claims.h"
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

void HmacSha256Key::compute(std::string_view data,
                            unsigned char (&out)[32]) const {
  EVP_MAC_CTX* context = EVP_MAC_CTX_dup(state_->keyed);
  std::size_t length = 0;
  bool ok = context != nullptr &&
            EVP_MAC_update(context,
                           reinterpret_cast<const unsigned char*>(data.data()),
                           data.size()) == 1 &&
            EVP_MAC_final(context, out, &length, sizeof(out)) == 1;
  EVP_MAC_CTX_free(context);
  if (!ok || length != sizeof(out)) {
    throw Error(ErrorCode::internal, "OpenSSL HMAC-SHA256 failed");
  }
}

std::string HmacSha256Key::sign(std::string_view data) const {
  unsigned char mac[32];
  compute(data, mac);
  return std::string(reinterpret_cast<const char*>(mac), sizeof(mac));
}

bool HmacSha256Key::verify(std::string_view data, std::string_view mac) const {
  unsigned char expected[32];
  compute(data, expected);
  return constant_time_equal(
      mac, std::string_view(reinterpret_cast<const char*>(expected),
                            sizeof(expected)));
}

std::string jwt_header_segment(std::string_view kid) {
  // nlohmann::json orders keys alphabetically, so the text is fixed.
  nlohmann::json header = {{"alg", "HS256"}, {"typ", "JWT"}, {"kid", kid}};
  return base64url_encode(header.dump());
}

std::string encode_jwt(const AccessClaims& claims, std::string_view kid,
                       const HmacSha256Key& key) {
  nlohmann::json payload = {
      {"iss", claims.issuer},     {"aud", claims.audience},
      {"sub", claims.subject},    {"sid", claims.session_id},
      {"role", claims.role},      {"iat", claims.issued_at},
      {"nbf", claims.not_before}, {"exp", claims.expires_at},
  };
  std::string token =
      jwt_header_segment(kid) + "." + base64url_encode(payload.dump());
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

// Decodes one base64url part into a JSON object. Returns null on any
// failure instead of raising.
nlohmann::json decode_object(std::string_view part) {
  std::string text;
  if (!base64url_decode(part, text)) return nullptr;
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_object()) return nullptr;
  return value;
}

JwtResult check_claims(std::string_view payload_part, const JwtRules& rules) {
  std::string text;
  if (!base64url_decode(payload_part, text)) {
    return reject(JwtError::malformed);
  }
  RawClaims raw;
  if (!read_claims(text, rules.audience, raw)) {
    return reject(JwtError::malformed);
  }
  if (raw.bad_type || !raw.subject || !raw.session_id || !raw.issuer ||
      !raw.expires_at || !raw.issued_at || !raw.has_audience) {
    return reject(JwtError::bad_claims);
  }
  std::int64_t not_before = raw.not_before.value_or(*raw.issued_at);

  if (*raw.issuer != rules.issuer) return reject(JwtError::wrong_issuer);
  if (!raw.audience_matches) return reject(JwtError::wrong_audience);
  // exp is exclusive: the token is invalid at exp itself (RFC 7519 4.1.4).
  if (rules.now >= *raw.expires_at + rules.leeway) {
    return reject(JwtError::expired);
  }
  if (not_before > rules.now + rules.leeway ||
      *raw.issued_at > rules.now + rules.leeway) {
    return reject(JwtError::not_yet_valid);
  }

  AccessClaims claims;
  claims.subject = std::move(*raw.subject);
  claims.session_id = std::move(*raw.session_id);
  claims.issuer = std::move(*raw.issuer);
  claims.audience = std::string(rules.audience);
  claims.role = raw.role.value_or("");
  claims.issued_at = *raw.issued_at;
  claims.not_before = not_before;
  claims.expires_at = *raw.expires_at;
  return JwtResult{std::move(claims), JwtError::malformed};
}

// Finds the key for a header part. A header that shopkit wrote matches a
// key's segment byte for byte; any other (PyJWT's, for one) is parsed.
// Only HS256 is ever accepted, so "none" and algorithm-confusion tokens
// fail here.
JwtResult find_key(std::string_view header_part, JwtKeys& keys,
                   std::shared_ptr<const HmacSha256Key>& key) {
  key = keys.find_by_header(header_part);
  if (key) return JwtResult{std::nullopt, JwtError::malformed};

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
  key = keys.find(kid->get_ref<const std::string&>());
  if (!key) return reject(JwtError::unknown_kid);
  return JwtResult{std::nullopt, JwtError::malformed};
}

}  // namespace

JwtResult verify_jwt(std::string_view token, JwtKeys& keys,
                     const JwtRules& rules) {
  // Compact serialization: exactly three parts separated by two dots.
  std::size_t first = token.find('.');
  if (first == std::string_view::npos) return reject(JwtError::malformed);
  std::size_t second = token.find('.', first + 1);
  if (second == std::string_view::npos ||
      token.find('.', second + 1) != std::string_view::npos) {
    return reject(JwtError::malformed);
  }

  std::shared_ptr<const HmacSha256Key> key;
  JwtResult header_result = find_key(token.substr(0, first), keys, key);
  if (!key) return header_result;

  // The signature covers the header and payload exactly as sent.
  std::string signature;
  if (!base64url_decode(token.substr(second + 1), signature)) {
    return reject(JwtError::malformed);
  }
  if (!key->verify(token.substr(0, second), signature)) {
    return reject(JwtError::bad_signature);
  }
  return check_claims(token.substr(first + 1, second - first - 1), rules);
}

}  // namespace shopkit::internal
