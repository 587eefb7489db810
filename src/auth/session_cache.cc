#include "auth/session_cache.h"

#include <mutex>

namespace shopkit::internal {

std::optional<CachedSession> SessionCache::find(
    const SessionId& id, Timestamp now, std::chrono::milliseconds ttl) const {
  std::shared_lock lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.loaded_at >= ttl || now < it->second.loaded_at) {
    return std::nullopt;
  }
  return it->second;
}

std::uint64_t SessionCache::generation() const {
  std::shared_lock lock(mutex_);
  return generation_;
}

void SessionCache::put(const SessionId& id, CachedSession session,
                       std::uint64_t loaded_generation) {
  std::unique_lock lock(mutex_);
  if (loaded_generation != generation_) return;
  if (sessions_.size() >= kMaxEntries) sessions_.clear();
  sessions_.insert_or_assign(id, std::move(session));
}

void SessionCache::forget_session(const SessionId& id) {
  std::unique_lock lock(mutex_);
  ++generation_;
  sessions_.erase(id);
}

void SessionCache::forget_user(const UserId& user) {
  std::unique_lock lock(mutex_);
  ++generation_;
  std::erase_if(sessions_,
                [&](const auto& entry) { return entry.second.user_id == user; });
}

void SessionCache::forget_all() {
  std::unique_lock lock(mutex_);
  ++generation_;
  sessions_.clear();
}

}  // namespace shopkit::internal
