// Generation of opaque, URL-safe, time-ordered ids with a type prefix.
#pragma once

#include <sys/types.h>

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
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

// Makes ids like new_id(), but takes the random bits from a buffer that
// it refills a few kilobytes at a time. One RandomSource call then
// serves hundreds of ids, which matters for bulk writes such as an
// import. The buffer is dropped after a fork(), so a parent and its
// child never hand out the same bits. Thread-safe.
class IdGenerator {
 public:
  explicit IdGenerator(std::shared_ptr<RandomSource> random);

  std::string next(std::string_view prefix, Timestamp now);

 private:
  static constexpr std::size_t kRandomBytes = 10;  // 80 bits per id.

  std::mutex mutex_;
  std::shared_ptr<RandomSource> random_;
  std::array<std::byte, 400 * kRandomBytes> buffer_{};
  std::size_t used_ = 400 * kRandomBytes;  // Bytes already handed out.
  pid_t pid_ = 0;                          // Process that filled buffer_.
};

// True when `text` has the shape new_id() makes with `prefix`. Used to
// reject malformed ids before they reach storage.
bool is_id(std::string_view text, std::string_view prefix);

}  // namespace shopkit::internal
