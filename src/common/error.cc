#include "shopkit/error.h"

#include <array>
#include <utility>

namespace shopkit {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 9> kNames{{
    {ErrorCode::invalid_argument, "invalid_argument"},
    {ErrorCode::unauthenticated, "unauthenticated"},
    {ErrorCode::permission_denied, "permission_denied"},
    {ErrorCode::not_found, "not_found"},
    {ErrorCode::already_exists, "already_exists"},
    {ErrorCode::conflict, "conflict"},
    {ErrorCode::failed_precondition, "failed_precondition"},
    {ErrorCode::resource_exhausted, "resource_exhausted"},
    {ErrorCode::internal, "internal"},
}};

}  // namespace

std::string_view to_string(ErrorCode code) {
  for (const auto& [value, name] : kNames) {
    if (value == code) return name;
  }
  return "internal";
}

ErrorCode error_code_from_string(std::string_view name) {
  for (const auto& [value, known] : kNames) {
    if (known == name) return value;
  }
  throw Error(ErrorCode::invalid_argument,
              "unknown error code '" + std::string(name) + "'");
}

Error::Error(ErrorCode code, const std::string& message, std::string field)
    : std::runtime_error(message), code_(code), field_(std::move(field)) {}

}  // namespace shopkit
