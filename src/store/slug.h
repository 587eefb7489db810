// Handles (URL slugs) made from titles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shopkit::internal {

// Makes a lower-case handle of a-z, 0-9 and '-' from `title`. Latin
// letters with diacritics lose them ("Café Crème" gives "cafe-creme"),
// ß, æ, œ, þ and similar become two letters, and Greek and Cyrillic
// letters are transliterated ("Кофе" gives "kofe"). Characters of other
// scripts, punctuation and spaces separate words. Returns at most
// kMaxSlugLength characters, cut at a word boundary when possible, or ""
// when the title has nothing to keep.
std::string slugify(std::string_view title);

inline constexpr std::size_t kMaxSlugLength = 100;

// Returns `base` when it is not in `taken`, else the first of "base-2",
// "base-3", ... that is not.
std::string first_free_handle(const std::string& base,
                              const std::vector<std::string>& taken);

// Decodes one UTF-8 code point at `text[i]`, advancing `i`. Returns
// U+FFFD for a malformed sequence (advancing one byte).
char32_t next_code_point(std::string_view text, std::size_t& i);

// Counts the code points of `text`.
std::size_t count_code_points(std::string_view text);

}  // namespace shopkit::internal
