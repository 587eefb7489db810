#include "auth/signing_keys.h"

#include "common/crypto.h"
#include "shopkit/error.h"
#include "storage/session_repository.h"

namespace shopkit::internal {
namespace {

// 256-bit keys: RFC 7518 section 3.2 requires HS256 keys of at least
// the hash size.
constexpr std::size_t kKeyBytes = 32;

}  // namespace

SigningKeyRing::SigningKeyRing(Context& context,
                               std::chrono::milliseconds max_age)
    : context_(context), max_age_(max_age) {}

std::shared_ptr<SigningKeyRing::Snapshot> SigningKeyRing::load() {
  auto records = context_.storage->read_platform(
      [](storage::PlatformRepositories& platform) {
        return platform.sessions().list_signing_keys();
      });
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->loaded_at = context_.now();
  for (const auto& record : records) {
    if (record.retired_at) continue;
    snapshot->active.push_back(
        SigningKey{record.kid, jwt_header_segment(record.kid),
                   std::make_shared<const HmacSha256Key>(record.secret)});
  }
  return snapshot;
}

void SigningKeyRing::reload() {
  std::lock_guard reload_lock(reload_mutex_);
  auto fresh = load();
  std::unique_lock lock(mutex_);
  snapshot_ = std::move(fresh);
}

std::shared_ptr<const SigningKeyRing::Snapshot> SigningKeyRing::current() {
  {
    std::shared_lock lock(mutex_);
    if (snapshot_ && context_.now() - snapshot_->loaded_at < max_age_) {
      return snapshot_;
    }
  }
  reload();
  std::shared_lock lock(mutex_);
  return snapshot_;
}

SigningKey SigningKeyRing::signing_key() {
  auto snapshot = current();
  if (!snapshot->active.empty()) return snapshot->active.front();

  // First use of this data folder: create a key unless another process
  // created one meanwhile.
  context_.storage->write_platform([&](storage::PlatformRepositories& p) {
    for (const auto& key : p.sessions().list_signing_keys()) {
      if (!key.retired_at) return;
    }
    p.sessions().insert_signing_key(storage::SigningKeyRecord{
        context_.new_id("key"), random_bytes(*context_.random, kKeyBytes),
        context_.now(), std::nullopt});
  });
  reload();
  std::shared_lock lock(mutex_);
  if (snapshot_->active.empty()) {
    throw Error(ErrorCode::internal,
                "no active signing key after creating one");
  }
  return snapshot_->active.front();
}

std::shared_ptr<const HmacSha256Key> SigningKeyRing::find_by_header(
    std::string_view segment) {
  auto snapshot = current();
  for (const auto& key : snapshot->active) {
    if (key.header_segment == segment) return key.key;
  }
  return nullptr;
}

std::shared_ptr<const HmacSha256Key> SigningKeyRing::find(
    std::string_view kid) {
  auto lookup = [&](const Snapshot& snapshot)
      -> std::shared_ptr<const HmacSha256Key> {
    for (const auto& key : snapshot.active) {
      if (key.kid == kid) return key.key;
    }
    return nullptr;
  };
  auto snapshot = current();
  if (auto key = lookup(*snapshot)) return key;
  if (snapshot->reloaded_for_unknown_kid) return nullptr;

  // The kid may name a key that another process added after the load.
  // Only the first miss of each loaded set reads platform.db again, so
  // tokens with made-up kids cannot make every call read it.
  std::lock_guard reload_lock(reload_mutex_);
  auto fresh = load();
  fresh->reloaded_for_unknown_kid = true;
  {
    std::unique_lock lock(mutex_);
    snapshot_ = fresh;
  }
  return lookup(*fresh);
}

std::string SigningKeyRing::add_key(const AddKeyWork& also) {
  std::string kid = context_.new_id("key");
  context_.storage->write_platform([&](storage::PlatformRepositories& p) {
    p.sessions().insert_signing_key(storage::SigningKeyRecord{
        kid, random_bytes(*context_.random, kKeyBytes), context_.now(),
        std::nullopt});
    if (also) also(p, kid);
  });
  reload();
  return kid;
}

bool SigningKeyRing::retire_key(std::string_view kid,
                                const storage::PlatformWork& also) {
  const Timestamp now = context_.now();
  bool retired = false;
  context_.storage->write_platform([&](storage::PlatformRepositories& p) {
    auto keys = p.sessions().list_signing_keys();
    int active = 0;
    const storage::SigningKeyRecord* target = nullptr;
    for (const auto& key : keys) {
      if (!key.retired_at) ++active;
      if (key.kid == kid) target = &key;
    }
    if (target == nullptr) {
      throw Error(ErrorCode::not_found,
                  "signing key '" + std::string(kid) + "' not found", "kid");
    }
    if (target->retired_at) return;
    if (active <= 1) {
      throw Error(ErrorCode::failed_precondition,
                  "signing key '" + std::string(kid) +
                      "' is the only active key; add another first",
                  "kid");
    }
    p.sessions().retire_signing_key(kid, now);
    if (also) also(p);
    retired = true;
  });
  reload();
  return retired;
}

std::vector<SigningKeyInfo> SigningKeyRing::list_keys() {
  auto records = context_.storage->read_platform(
      [](storage::PlatformRepositories& p) {
        return p.sessions().list_signing_keys();
      });
  std::vector<SigningKeyInfo> keys;
  for (const auto& record : records) {
    keys.push_back({record.kid, record.created_at, record.retired_at});
  }
  return keys;
}

}  // namespace shopkit::internal
