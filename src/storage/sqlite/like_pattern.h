// LIKE patterns for substring search in the SQLite repositories.
#pragma once

#include <string>
#include <string_view>

namespace shopkit::storage::sqlite {

// Returns a LIKE pattern matching `text` anywhere. LIKE's wildcards in
// `text` are escaped with '\', so "a_b" matches only "a_b"; use it with
// ESCAPE '\'.
inline std::string contains_pattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace shopkit::storage::sqlite
