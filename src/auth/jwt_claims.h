// Reading the registered claims of a JWT payload (RFC 7519 section 4.1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shopkit::internal {

// The claims authenticate() uses. A claim is empty when absent.
struct RawClaims {
  std::optional<std::string> subject, session_id, issuer, role;
  std::optional<std::int64_t> expires_at, issued_at, not_before;
  bool has_audience = false;
  bool audience_matches = false;  // aud is, or is an array containing, it.
  bool bad_type = false;  // A claim of interest had the wrong JSON type.
};

// Parses `json`, which must be one JSON object, into `claims`, checking
// "aud" against `audience`. Returns false when the text is not valid
// JSON, is not an object, or repeats a claim of interest. Other members
// and nested values are skipped.
bool read_claims(std::string_view json, std::string_view audience,
                 RawClaims& claims);

}  // namespace shopkit::internal
