// An in-process cache of live sessions, so authenticate() need not read
// platform.db on every call.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include "shopkit/types.h"

namespace shopkit::internal {

// What authenticate() needs to know about a live session.
struct CachedSession {
  UserId user_id;
  PlatformRole role = PlatformRole::customer;
  Timestamp session_expires_at;
  Timestamp loaded_at;  // When the row was read; bounds the entry's age.
};

// Thread-safe. Revocations made through this process call forget_*()
// after their transaction commits, so they take effect at once; entries
// also expire `ttl` after they were loaded, which bounds how long a
// revocation made by another process goes unseen.
class SessionCache {
 public:
  // Returns the entry when it is younger than `ttl` at `now`.
  std::optional<CachedSession> find(const SessionId& id, Timestamp now,
                                    std::chrono::milliseconds ttl) const;

  // A counter that every forget_*() call increases. Read it before
  // loading a session from storage and pass it to put(), so a load that
  // raced with a revocation is not cached.
  std::uint64_t generation() const;
  void put(const SessionId& id, CachedSession session,
           std::uint64_t loaded_generation);

  void forget_session(const SessionId& id);
  void forget_user(const UserId& user);
  void forget_all();

 private:
  // Past this many entries the cache is emptied; it refills from storage.
  static constexpr std::size_t kMaxEntries = 100000;

  mutable std::shared_mutex mutex_;
  std::unordered_map<SessionId, CachedSession> sessions_;
  std::uint64_t generation_ = 0;
};

}  // namespace shopkit::internal
