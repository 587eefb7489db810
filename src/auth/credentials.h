// Validation and normalization of registration and login input.
#pragma once

#include <string>
#include <string_view>

namespace shopkit::internal {

constexpr std::size_t kMinPasswordBytes = 8;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kMaxEmailBytes = 254;  // RFC 5321 path limit.
constexpr std::size_t kMaxLocalPartBytes = 64;
constexpr std::size_t kMaxNameBytes = 200;

// Trims ASCII whitespace from both ends.
std::string_view trim(std::string_view text);

// Returns the trimmed email after checking its shape: one '@', a
// non-empty local part of at most 64 bytes, a domain with a dot that
// neither starts nor ends the domain, no whitespace or control
// characters, at most 254 bytes. Raises invalid_argument naming the value
// and field "email".
std::string check_email(std::string_view email);

// The uniqueness key of an email: trimmed and ASCII lower-cased (both the
// local part and the domain).
std::string normalize_email(std::string_view email);

// Raises invalid_argument naming `field` when `password` is shorter than
// 8 or longer than 1024 bytes. The message never contains the password.
void check_password(std::string_view password, std::string_view field);

// Returns the trimmed display name; raises invalid_argument (field
// "name") when it is empty, longer than 200 bytes or has control
// characters.
std::string check_name(std::string_view name);

// Quotes `value` for an error message, escaping control bytes and the
// backslash as \xNN so the message stays one printable line.
std::string quote_for_message(std::string_view value);

}  // namespace shopkit::internal
