#include "auth/credentials.h"

#include <algorithm>

#include "common/text.h"
#include "shopkit/error.h"

namespace shopkit::internal {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool is_control(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

Error bad_email(std::string_view email, std::string_view reason) {
  return Error(ErrorCode::invalid_argument,
               "email " + quote_for_message(email) + " is invalid: " +
                   std::string(reason),
               "email");
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string check_email(std::string_view email) {
  std::string_view trimmed = trim(email);
  if (trimmed.empty()) {
    throw Error(ErrorCode::invalid_argument, "email is empty", "email");
  }
  if (trimmed.size() > kMaxEmailBytes) {
    throw Error(ErrorCode::invalid_argument,
                "email is " + std::to_string(trimmed.size()) +
                    " bytes long; the limit is " +
                    std::to_string(kMaxEmailBytes),
                "email");
  }
  require_utf8(trimmed, "email");
  if (std::any_of(trimmed.begin(), trimmed.end(),
                  [](char c) { return is_space(c) || is_control(c); })) {
    throw bad_email(trimmed, "it contains whitespace or control characters");
  }
  std::size_t at = trimmed.find('@');
  if (at == std::string_view::npos || trimmed.find('@', at + 1) !=
                                          std::string_view::npos) {
    throw bad_email(trimmed, "it must contain exactly one '@'");
  }
  std::string_view local = trimmed.substr(0, at);
  std::string_view domain = trimmed.substr(at + 1);
  if (local.empty()) throw bad_email(trimmed, "the part before '@' is empty");
  if (local.size() > kMaxLocalPartBytes) {
    throw bad_email(trimmed, "the part before '@' is longer than 64 bytes");
  }
  if (domain.empty()) throw bad_email(trimmed, "the domain is empty");
  std::size_t dot = domain.find('.');
  if (dot == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos) {
    throw bad_email(trimmed,
                    "the domain needs a dot between non-empty labels");
  }
  return std::string(trimmed);
}

std::string normalize_email(std::string_view email) {
  std::string normalized(trim(email));
  for (char& c : normalized) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return normalized;
}

void check_password(std::string_view password, std::string_view field) {
  if (password.size() < kMinPasswordBytes) {
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + " is too short: it must be at least " +
                    std::to_string(kMinPasswordBytes) + " bytes",
                std::string(field));
  }
  if (password.size() > kMaxPasswordBytes) {
    throw Error(ErrorCode::invalid_argument,
                std::string(field) + " is too long: it must be at most " +
                    std::to_string(kMaxPasswordBytes) + " bytes",
                std::string(field));
  }
}

std::string check_name(std::string_view name) {
  std::string_view trimmed = trim(name);
  if (trimmed.empty()) {
    throw Error(ErrorCode::invalid_argument, "name is empty", "name");
  }
  if (trimmed.size() > kMaxNameBytes) {
    throw Error(ErrorCode::invalid_argument,
                "name is " + std::to_string(trimmed.size()) +
                    " bytes long; the limit is " +
                    std::to_string(kMaxNameBytes),
                "name");
  }
  require_utf8(trimmed, "name");
  if (std::any_of(trimmed.begin(), trimmed.end(), is_control)) {
    throw Error(ErrorCode::invalid_argument,
                "name " + quote_for_message(trimmed) +
                    " contains control characters",
                "name");
  }
  return std::string(trimmed);
}

std::string quote_for_message(std::string_view value) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out = "'";
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') {
      out += "\\x";
      out += kDigits[byte >> 4];
      out += kDigits[byte & 15];
    } else {
      out += c;
    }
  }
  out += "'";
  return out;
}

}  // namespace shopkit::internal
