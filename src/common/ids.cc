#include "common/ids.h"

#include <array>
#include <cstdint>

namespace shopkit::internal {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr std::size_t kBodyLength = 26;  // 130 bits: 48 time + 80 random.

}  // namespace

std::string new_id(std::string_view prefix, Timestamp now,
                   RandomSource& random) {
  std::array<std::byte, 16> bytes{};
  std::uint64_t millis = static_cast<std::uint64_t>(
      now.time_since_epoch().count());
  for (int i = 0; i < 6; ++i) {
    bytes[i] = static_cast<std::byte>((millis >> (8 * (5 - i))) & 0xff);
  }
  random.fill(std::span(bytes).subspan(6));

  // Encode the 128 bits five at a time, most significant first, with two
  // zero bits of padding in front to make 130.
  std::string id(prefix);
  id += '_';
  int bit = -2;
  for (std::size_t i = 0; i < kBodyLength; ++i, bit += 5) {
    unsigned value = 0;
    for (int b = bit; b < bit + 5; ++b) {
      value <<= 1;
      if (b >= 0) {
        auto byte = static_cast<unsigned>(bytes[b / 8]);
        value |= (byte >> (7 - b % 8)) & 1u;
      }
    }
    id += kAlphabet[value];
  }
  return id;
}

bool is_id(std::string_view text, std::string_view prefix) {
  if (text.size() != prefix.size() + 1 + kBodyLength) return false;
  if (text.substr(0, prefix.size()) != prefix) return false;
  if (text[prefix.size()] != '_') return false;
  for (char c : text.substr(prefix.size() + 1)) {
    if (kAlphabet.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace shopkit::internal
