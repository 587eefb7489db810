// The signing keys of access tokens, kept in platform.db and cached in
// memory.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "auth/jwt.h"
#include "common/context.h"

namespace shopkit::internal {

struct SigningKey {
  std::string kid;
  std::string header_segment;  // jwt_header_segment(kid)
  std::shared_ptr<const HmacSha256Key> key;
};

// Thread-safe. The newest active key signs; every active key verifies.
// The cached set is read again from platform.db when it is older than
// `max_age`, and once more on the first unknown kid, so keys added or
// retired by another process are picked up.
class SigningKeyRing final : public JwtKeys {
 public:
  SigningKeyRing(Context& context, std::chrono::milliseconds max_age);

  // Returns the newest active key, creating the first one when
  // platform.db has none.
  SigningKey signing_key();

  std::shared_ptr<const HmacSha256Key> find_by_header(
      std::string_view segment) override;
  std::shared_ptr<const HmacSha256Key> find(std::string_view kid) override;

  // Adds a new key (32 random bytes) and returns its kid.
  std::string add_key();

  // Reads the keys from platform.db again.
  void reload();

 private:
  struct Snapshot {
    std::vector<SigningKey> active;  // Newest first.
    Timestamp loaded_at;
    bool reloaded_for_unknown_kid = false;
  };
  std::shared_ptr<const Snapshot> current();
  std::shared_ptr<Snapshot> load();

  Context& context_;
  std::chrono::milliseconds max_age_;
  mutable std::shared_mutex mutex_;  // Guards snapshot_.
  std::shared_ptr<const Snapshot> snapshot_;
  std::mutex reload_mutex_;  // One reload from storage at a time.
};

}  // namespace shopkit::internal
