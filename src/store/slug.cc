#include "store/slug.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <set>

namespace shopkit::internal {
namespace {

struct Transliteration {
  char32_t first;
  char32_t last;
  const char* ascii;
};

// Latin-1 Supplement and Latin Extended-A letters, by their base letter.
constexpr auto kLatin = std::to_array<Transliteration>({
    {0xC0, 0xC5, "a"},   {0xC6, 0xC6, "ae"},  {0xC7, 0xC7, "c"},
    {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},   {0xD0, 0xD0, "d"},
    {0xD1, 0xD1, "n"},   {0xD2, 0xD6, "o"},   {0xD8, 0xD8, "o"},
    {0xD9, 0xDC, "u"},   {0xDD, 0xDD, "y"},   {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},   {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},
    {0xF0, 0xF0, "d"},   {0xF1, 0xF1, "n"},   {0xF2, 0xF6, "o"},
    {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},   {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},  {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"},
    {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"},
    {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},
    {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
    {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
});

// Greek letters with tonos or dialytika, then the plain alphabet below.
constexpr auto kGreekAccented = std::to_array<Transliteration>({
    {0x386, 0x386, "a"}, {0x388, 0x388, "e"}, {0x389, 0x38A, "i"},
    {0x38C, 0x38C, "o"}, {0x38E, 0x38E, "y"}, {0x38F, 0x38F, "o"},
    {0x390, 0x390, "i"}, {0x3AA, 0x3AA, "i"}, {0x3AB, 0x3AB, "y"},
    {0x3AC, 0x3AC, "a"}, {0x3AD, 0x3AD, "e"}, {0x3AE, 0x3AF, "i"},
    {0x3B0, 0x3B0, "y"}, {0x3CA, 0x3CA, "i"}, {0x3CB, 0x3CB, "y"},
    {0x3CC, 0x3CC, "o"}, {0x3CD, 0x3CD, "y"}, {0x3CE, 0x3CE, "o"},
});

// α (U+03B1) to ω (U+03C9); the capitals are 0x20 lower, with a gap at
// U+03A2 where final sigma would be.
constexpr std::array<const char*, 25> kGreek = {
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
    "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"};

// а (U+0430) to я (U+044F); the capitals are 0x20 lower.
constexpr std::array<const char*, 32> kCyrillic = {
    "a", "b", "v",  "g",  "d",  "e",    "zh", "z", "i", "y", "k",
    "l", "m", "n",  "o",  "p",  "r",    "s",  "t", "u", "f", "kh",
    "ts", "ch", "sh", "shch", "", "y", "", "e",  "yu", "ya"};

// ѐ (U+0450) to џ (U+045F); the capitals are 0x50 lower.
constexpr std::array<const char*, 16> kCyrillicExtra = {
    "e", "e", "dj", "g", "ye", "dz", "i", "yi",
    "j", "lj", "nj", "c", "k", "i", "u", "dz"};

// Returns the ASCII spelling of a letter, or nullptr when `c` is not in
// these tables (the caller then treats it as a word break).
const char* transliterate(char32_t c) {
  for (const Transliteration& entry : kLatin) {
    if (c >= entry.first && c <= entry.last) return entry.ascii;
  }
  for (const Transliteration& entry : kGreekAccented) {
    if (c >= entry.first && c <= entry.last) return entry.ascii;
  }
  if (c >= 0x3B1 && c <= 0x3C9) return kGreek[c - 0x3B1];
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return kGreek[c - 0x391];
  if (c >= 0x430 && c <= 0x44F) return kCyrillic[c - 0x430];
  if (c >= 0x410 && c <= 0x42F) return kCyrillic[c - 0x410];
  if (c >= 0x450 && c <= 0x45F) return kCyrillicExtra[c - 0x450];
  if (c >= 0x400 && c <= 0x40F) return kCyrillicExtra[c - 0x400];
  if (c == 0x490 || c == 0x491) return "g";  // Ukrainian ghe with upturn.
  return nullptr;
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  int length = 0;
  char32_t value = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    value = (value << 6) | (next & 0x3F);
  }
  i += length;
  return value;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    next_code_point(text, i);
    ++count;
  }
  return count;
}

std::string slugify(std::string_view title) {
  std::string slug;
  bool pending_dash = false;
  auto append = [&](std::string_view letters) {
    if (letters.empty()) return;
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += letters;
  };

  for (std::size_t i = 0; i < title.size();) {
    const char32_t c = next_code_point(title, i);
    if (c < 0x80 && std::isalnum(static_cast<unsigned char>(c))) {
      const char lower = static_cast<char>(
          std::tolower(static_cast<unsigned char>(c)));
      append(std::string_view(&lower, 1));
    } else if (c == '\'' || c == 0x2019) {
      // Apostrophes join their word: "Men's" gives "mens".
    } else if (const char* ascii = transliterate(c)) {
      append(ascii);
    } else {
      pending_dash = true;
    }
  }

  if (slug.size() > kMaxSlugLength) {
    std::size_t cut = slug.rfind('-', kMaxSlugLength);
    slug.resize(cut == std::string::npos || cut == 0 ? kMaxSlugLength : cut);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string first_free_handle(const std::string& base,
                              const std::vector<std::string>& taken) {
  const std::set<std::string> used(taken.begin(), taken.end());
  if (!used.contains(base)) return base;
  for (std::size_t n = 2;; ++n) {
    std::string candidate = base + "-" + std::to_string(n);
    if (!used.contains(candidate)) return candidate;
  }
}

}  // namespace shopkit::internal
