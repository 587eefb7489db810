#include "query_params.h"

#include <charconv>
#include <limits>

namespace shopkit::http {

std::optional<std::int64_t> query_integer(const RouteRequest& request,
                                          std::string_view name) {
  auto text = request.query(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] =
      std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || error != std::errc() ||
      end != text->data() + text->size()) {
    throw Error(ErrorCode::invalid_argument,
                "query parameter '" + std::string(name) +
                    "' must be an integer, not '" + *text + "'",
                std::string(name));
  }
  return value;
}

bool query_bool(const RouteRequest& request, std::string_view name,
                bool fallback) {
  auto text = request.query(name);
  if (!text) return fallback;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  throw Error(ErrorCode::invalid_argument,
              "query parameter '" + std::string(name) +
                  "' must be true or false, not '" + *text + "'",
              std::string(name));
}

PageRequest page_request(const RouteRequest& request) {
  PageRequest page;
  if (auto limit = query_integer(request, "limit")) {
    // Values beyond int pass on as INT_MAX, which the library rejects as
    // out of range with the usual message.
    page.limit = *limit > std::numeric_limits<int>::max()
                     ? std::numeric_limits<int>::max()
                     : static_cast<int>(std::max<std::int64_t>(
                           *limit, std::numeric_limits<int>::min()));
  }
  page.cursor = request.query("cursor").value_or("");
  return page;
}

}  // namespace shopkit::http
