// Typed reads of query parameters. Each raises invalid_argument naming
// the parameter when its text does not parse; range checks stay with the
// library.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "router.h"
#include "shopkit/types.h"

namespace shopkit::http {

// Returns the parameter as a decimal integer, or nullopt when absent.
std::optional<std::int64_t> query_integer(const RouteRequest& request,
                                          std::string_view name);

// Returns the parameter as a boolean ("true", "false", "1", "0"), or
// `fallback` when absent.
bool query_bool(const RouteRequest& request, std::string_view name,
                bool fallback);

// Returns limit and cursor. An absent limit keeps PageRequest's default.
PageRequest page_request(const RouteRequest& request);

// Calls `parse` on the parameter's text and returns its result, or
// nullopt when the parameter is absent. An Error from `parse` is raised
// again with the parameter as its field.
template <typename Parse>
auto query_enum(const RouteRequest& request, std::string_view name, Parse parse)
    -> std::optional<decltype(parse(""))> {
  auto text = request.query(name);
  if (!text) return std::nullopt;
  try {
    return parse(*text);
  } catch (const Error& error) {
    throw Error(error.code(), error.what(), std::string(name));
  }
}

}  // namespace shopkit::http
