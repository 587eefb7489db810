// Checks of text input that every service applies.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shopkit::internal {

// Returns the number of code points of `text`, or nullopt when it is not
// valid UTF-8 (overlong forms, surrogates and values past U+10FFFF
// included).
std::optional<std::size_t> utf8_length(std::string_view text);

// Raises invalid_argument naming `field` when `text` is not valid UTF-8.
// Stored text is returned as JSON and to Python, which both need UTF-8.
void require_utf8(std::string_view text, const std::string& field);

}  // namespace shopkit::internal
