// Builds access tokens by hand with the platform's real signing key, so
// tests can check each rejection rule of authenticate() in isolation.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "auth/jwt.h"
#include "common/crypto.h"

namespace shopkit::testing {

struct KeyMaterial {
  std::string kid;
  std::string secret;  // Raw bytes.
};

// Reads the newest active signing key from platform.db in `data_dir`.
inline KeyMaterial newest_signing_key(const std::filesystem::path& data_dir) {
  SQLite::Database db((data_dir / "platform.db").string(),
                      SQLite::OPEN_READONLY);
  SQLite::Statement query(
      db,
      "SELECT kid, secret FROM signing_keys WHERE retired_at IS NULL "
      "ORDER BY created_at DESC, rowid DESC LIMIT 1");
  if (!query.executeStep()) return {};
  return KeyMaterial{
      query.getColumn(0).getString(),
      std::string(static_cast<const char*>(query.getColumn(1).getBlob()),
                  static_cast<std::size_t>(query.getColumn(1).getBytes()))};
}

// Encodes header and payload as given and signs them with HMAC-SHA256
// under `secret`, whatever alg the header names.
inline std::string forge_token(const nlohmann::json& header,
                               const nlohmann::json& payload,
                               const std::string& secret) {
  std::string input = internal::base64url_encode(header.dump()) + "." +
                      internal::base64url_encode(payload.dump());
  return input + "." +
         internal::base64url_encode(internal::hmac_sha256(secret, input));
}

// Like forge_token(), with header and payload given as JSON text, so a
// test can choose member order, spacing and repeated members.
inline std::string forge_raw_token(const std::string& header,
                                   const std::string& payload,
                                   const std::string& secret) {
  std::string input = internal::base64url_encode(header) + "." +
                      internal::base64url_encode(payload);
  return input + "." +
         internal::base64url_encode(internal::hmac_sha256(secret, input));
}

// Returns the decoded JSON of one part (0 header, 1 payload) of a token.
inline nlohmann::json token_part(const std::string& token, int index) {
  std::size_t start = 0;
  for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
  std::size_t end = token.find('.', start);
  std::string text;
  internal::base64url_decode(token.substr(start, end - start), text);
  return nlohmann::json::parse(text);
}

}  // namespace shopkit::testing
