#include "common/paging.h"

#include <charconv>

#include "common/ids.h"
#include "shopkit/error.h"

namespace shopkit::internal {

void check_page_limit(int limit) {
  if (limit < 1 || limit > kMaxPageLimit) {
    throw Error(ErrorCode::invalid_argument,
                "limit must be 1 to 200, got " + std::to_string(limit),
                "limit");
  }
}

std::string decode_id_cursor(std::string_view cursor, std::string_view prefix) {
  if (cursor.empty()) return {};
  if (!is_id(cursor, prefix)) {
    throw Error(ErrorCode::invalid_argument,
                "cursor '" + std::string(cursor) +
                    "' is malformed; pass the next_cursor of the previous "
                    "page unchanged",
                "cursor");
  }
  return std::string(cursor);
}

std::int64_t decode_sequence_cursor(std::string_view cursor) {
  if (cursor.empty()) return 0;
  std::int64_t sequence = 0;
  auto [end, error] =
      std::from_chars(cursor.data(), cursor.data() + cursor.size(), sequence);
  if (error != std::errc() || end != cursor.data() + cursor.size() ||
      sequence <= 0) {
    throw Error(ErrorCode::invalid_argument,
                "cursor '" + std::string(cursor) +
                    "' is malformed; pass the next_cursor of the previous "
                    "page unchanged",
                "cursor");
  }
  return sequence;
}

}  // namespace shopkit::internal
