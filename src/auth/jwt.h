// JSON Web Tokens (RFC 7519) signed with HMAC-SHA256 (JWS "HS256",
// RFC 7515), the format of shopkit's access tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace shopkit::internal {

// An HMAC-SHA256 key prepared once, so each signature skips OpenSSL's
// algorithm lookup and key setup. Thread-safe after construction.
class HmacSha256Key {
 public:
  explicit HmacSha256Key(std::string_view secret);
  ~HmacSha256Key();
  HmacSha256Key(const HmacSha256Key&) = delete;
  HmacSha256Key& operator=(const HmacSha256Key&) = delete;

  // Returns the 32-byte MAC of `data`. Raises internal when OpenSSL fails.
  std::string sign(std::string_view data) const;

  // True when `mac` is the MAC of `data`, compared in constant time.
  bool verify(std::string_view data, std::string_view mac) const;

 private:
  struct State;
  void compute(std::string_view data, unsigned char (&out)[32]) const;

  std::unique_ptr<State> state_;
};

// The claims of an access token. Times are seconds since the epoch
// (JWT NumericDate).
struct AccessClaims {
  std::string issuer;    // iss
  std::string audience;  // aud
  std::string subject;   // sub: the user id
  std::string session_id;  // sid
  std::string role;      // role: informational, the user row decides
  std::int64_t issued_at = 0;   // iat
  std::int64_t not_before = 0;  // nbf
  std::int64_t expires_at = 0;  // exp
};

// Returns the first part of every token encode_jwt() signs with `kid`:
// the base64url of {"alg":"HS256","kid":<kid>,"typ":"JWT"}.
std::string jwt_header_segment(std::string_view kid);

// Encodes `claims` as a compact JWS with the header of
// jwt_header_segment() and signs it with `key`.
std::string encode_jwt(const AccessClaims& claims, std::string_view kid,
                       const HmacSha256Key& key);

// Why a token was rejected, for logs and tests; callers see only
// unauthenticated.
enum class JwtError {
  malformed,       // Not three base64url parts, or not JSON objects.
  bad_algorithm,   // alg is missing or anything but "HS256".
  missing_kid,
  unknown_kid,     // No active key has this kid.
  bad_signature,
  bad_claims,      // A required claim is missing or has the wrong type.
  expired,         // exp + leeway has passed.
  not_yet_valid,   // nbf or iat is later than now + leeway.
  wrong_issuer,
  wrong_audience,
};

std::string_view to_string(JwtError error);

struct JwtRules {
  std::string_view issuer;
  std::string_view audience;
  std::int64_t now = 0;      // Seconds since the epoch.
  std::int64_t leeway = 0;   // Seconds of allowed clock skew.
};

// The keys a verifier may use.
class JwtKeys {
 public:
  virtual ~JwtKeys() = default;
  // Returns the active key whose jwt_header_segment() equals `segment`,
  // or null. Lets tokens that shopkit signed skip parsing the header.
  virtual std::shared_ptr<const HmacSha256Key> find_by_header(
      std::string_view segment) = 0;
  // Returns the active key with `kid`, or null.
  virtual std::shared_ptr<const HmacSha256Key> find(std::string_view kid) = 0;
};

struct JwtResult {
  std::optional<AccessClaims> claims;  // Set when the token is valid.
  JwtError error = JwtError::malformed;
};

// Verifies the header, the signature (in constant time) and the claims.
// sub, sid, iss, aud, exp and iat are required; nbf is checked when
// present; aud may be a string or an array that contains the audience.
// Never raises for a bad token.
JwtResult verify_jwt(std::string_view token, JwtKeys& keys,
                     const JwtRules& rules);

}  // namespace shopkit::internal
