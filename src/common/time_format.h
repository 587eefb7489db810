// ISO 8601 formatting and parsing of Timestamps, UTC with milliseconds.
#pragma once

#include <string>
#include <string_view>

#include "shopkit/types.h"

namespace shopkit::internal {

// Formats as "2026-12-04T15:48:31.123Z".
std::string format_iso8601(Timestamp time);

// Parses "2026-12-04", "2026-12-04T15:48:31Z" or with ".123" millis.
// Raises invalid_argument naming `text` and `field` otherwise.
Timestamp parse_iso8601(std::string_view text, std::string_view field);

// Converts between Timestamps and the integer milliseconds stored in
// SQLite.
inline std::int64_t to_millis(Timestamp time) {
  return time.time_since_epoch().count();
}
inline Timestamp from_millis(std::int64_t millis) {
  return Timestamp(std::chrono::milliseconds(millis));
}

}  // namespace shopkit::internal
