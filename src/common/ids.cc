#include "common/ids.h"

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <span>

namespace shopkit::internal {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
constexpr std::size_t kBodyLength = 26;  // 130 bits: 48 time + 80 random.

// Returns the id for the time `now` and the 10 bytes at `random`.
std::string encode_id(std::string_view prefix, Timestamp now,
                      const std::byte* random) {
  // The 128 bits as two words: 48 bits of time, then 80 random bits.
  const auto millis =
      static_cast<std::uint64_t>(now.time_since_epoch().count());
  std::uint64_t high = millis << 16;
  std::uint64_t low = 0;
  high |= static_cast<std::uint64_t>(random[0]) << 8;
  high |= static_cast<std::uint64_t>(random[1]);
  for (int i = 2; i < 10; ++i) {
    low = (low << 8) | static_cast<std::uint64_t>(random[i]);
  }

  // Encode five bits at a time, most significant first, with two zero
  // bits of padding in front to make 130. Character i encodes the five
  // bits from bit 125 - 5i up.
  std::string id;
  id.reserve(prefix.size() + 1 + kBodyLength);
  id.append(prefix);
  id += '_';
  for (int i = 0; i < static_cast<int>(kBodyLength); ++i) {
    const int shift = 125 - 5 * i;
    std::uint64_t value = 0;
    if (shift >= 64) {
      value = high >> (shift - 64);
    } else if (shift == 0) {
      value = low;
    } else {
      value = (high << (64 - shift)) | (low >> shift);
    }
    id += kAlphabet[value & 31u];
  }
  return id;
}

}  // namespace

std::string new_id(std::string_view prefix, Timestamp now,
                   RandomSource& random) {
  std::array<std::byte, 10> bytes{};
  random.fill(bytes);
  return encode_id(prefix, now, bytes.data());
}

IdGenerator::IdGenerator(std::shared_ptr<RandomSource> random)
    : random_(std::move(random)) {}

std::string IdGenerator::next(std::string_view prefix, Timestamp now) {
  std::array<std::byte, kRandomBytes> bytes{};
  {
    std::lock_guard lock(mutex_);
    const pid_t pid = ::getpid();
    if (used_ + kRandomBytes > buffer_.size() || pid != pid_) {
      random_->fill(buffer_);
      used_ = 0;
      pid_ = pid;
    }
    std::memcpy(bytes.data(), buffer_.data() + used_, kRandomBytes);
    used_ += kRandomBytes;
  }
  return encode_id(prefix, now, bytes.data());
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
