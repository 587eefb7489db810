// Keyset pagination helpers for lists that page by a unique key, such
// as an id or a log sequence number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::internal {

inline constexpr int kMaxPageLimit = 200;

// Raises invalid_argument (field "limit") unless 1 <= limit <= 200.
void check_page_limit(int limit);

// Returns the id a cursor of an id-ordered list carries (the last id of
// the previous page), or "" for an empty cursor. Raises invalid_argument
// (field "cursor") unless it has the shape of an id with `prefix`.
std::string decode_id_cursor(std::string_view cursor, std::string_view prefix);

// Returns the sequence number a cursor of a sequence-ordered list
// carries, or 0 for an empty cursor. Raises invalid_argument (field
// "cursor") unless it is a positive decimal number.
std::int64_t decode_sequence_cursor(std::string_view cursor);

// Builds a page from `rows`, fetched with limit + 1 so that an extra row
// shows that another page follows. The cursor is key_of(last item).
template <typename T, typename KeyOf>
Page<T> make_page(std::vector<T> rows, int limit, KeyOf key_of) {
  Page<T> page;
  bool more = rows.size() > static_cast<std::size_t>(limit);
  if (more) rows.resize(static_cast<std::size_t>(limit));
  page.items = std::move(rows);
  if (more && !page.items.empty()) page.next_cursor = key_of(page.items.back());
  return page;
}

}  // namespace shopkit::internal
