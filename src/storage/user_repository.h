// Platform accounts in platform.db.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/auth_service.h"
#include "shopkit/types.h"

namespace shopkit::storage {

// A users row. password_hash is the self-describing scrypt string of
// auth/password.h.
struct UserRecord {
  UserId id;
  std::string email;
  std::string email_normalized;  // Trimmed and lower-cased; unique.
  std::string name;
  PlatformRole role = PlatformRole::customer;
  UserStatus status = UserStatus::active;
  std::string password_hash;
  std::optional<Timestamp> email_verified_at;
  Timestamp created_at;
  Timestamp updated_at;
};

// Filters of UserRepository::list(). Empty fields match every user.
struct UserFilter {
  std::string query;  // Substring of the normalized email or the name.
  std::optional<PlatformRole> role;
  std::optional<UserStatus> status;
  std::optional<Timestamp> created_from;  // Inclusive.
  std::optional<Timestamp> created_to;    // Exclusive.
  std::string after_id;  // Keyset cursor: users with a larger id.
  int limit = 50;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;

  // Raises already_exists naming the email when email_normalized is
  // taken.
  virtual void insert(const UserRecord& user) = 0;
  virtual std::optional<UserRecord> find(const UserId& id) = 0;
  virtual std::optional<UserRecord> find_by_email(
      std::string_view email_normalized) = 0;

  // Each update sets updated_at to `now`. They return false when no row
  // has that id.
  virtual bool update_password_hash(const UserId& id, std::string_view hash,
                                    Timestamp now) = 0;
  virtual bool update_status(const UserId& id, UserStatus status,
                             Timestamp now) = 0;
  virtual bool update_role(const UserId& id, PlatformRole role,
                           Timestamp now) = 0;
  virtual bool mark_email_verified(const UserId& id, Timestamp now) = 0;
  // Marks the user deleted and replaces email_normalized with a value no
  // address can take, so the address can register again. The row stays
  // because stores and the audit log refer to it.
  virtual bool mark_deleted(const UserId& id, Timestamp now) = 0;

  // True when a user with `role` exists whose status is not deleted.
  virtual bool exists_with_role(PlatformRole role) = 0;
  // Users matching `filter` in id order.
  virtual std::vector<UserRecord> list(const UserFilter& filter) = 0;
  // Users that are not deleted, counted per role.
  virtual std::map<PlatformRole, std::int64_t> count_by_role() = 0;
  // Every user, deleted ones included, counted per role and status.
  virtual std::map<std::pair<PlatformRole, UserStatus>, std::int64_t>
  count_by_role_and_status() = 0;
};

}  // namespace shopkit::storage
