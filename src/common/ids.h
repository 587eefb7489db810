// Generation of opaque, URL-safe, time-ordered ids with a type prefix.
#pragma once

#include <string>
#include <string_view>

#include "shopkit/environment.h"
#include "shopkit/types.h"

namespace shopkit::internal {

// Returns "<prefix>_" followed by 26 lower-case Crockford base32
// characters: 48 bits of milliseconds since the epoch, then 80 random
// bits. Ids made later sort after earlier ones (to the millisecond).
std::string new_id(std::string_view prefix, Timestamp now,
                   RandomSource& random);

// True when `text` has the shape new_id() makes with `prefix`. Used to
// reject malformed ids before they reach storage.
bool is_id(std::string_view text, std::string_view prefix);

}  // namespace shopkit::internal
