// The signing keys of access tokens, kept in platform.db and cached in
// memory.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "auth/jwt.h"
#include "common/context.h"
#include "shopkit/auth_service.h"
#include "storage/storage.h"

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

  // Work that runs in the transaction that adds key `kid`.
  using AddKeyWork =
      std::function<void(storage::PlatformRepositories&, std::string_view kid)>;

  // Adds a new key (32 random bytes) that signs every new token, runs
  // `also` (for example an audit entry) in the same transaction, and
  // returns the new kid.
  std::string add_key(const AddKeyWork& also = {});

  // Stops accepting tokens signed with `kid` at once in this process.
  // Runs `also` in the same transaction when the key was active. Returns
  // false, changing nothing, when the key was already retired. Raises
  // not_found (field "kid") for an unknown kid and failed_precondition
  // when it is the only active key.
  bool retire_key(std::string_view kid,
                  const storage::PlatformWork& also = {});

  // Returns every key, retired ones included, newest first.
  std::vector<SigningKeyInfo> list_keys();

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
