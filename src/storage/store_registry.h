// The store registry and store membership, both in platform.db.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::storage {

enum class StoreStatus { active, suspended, deleted, purged };

std::string_view to_string(StoreStatus status);
StoreStatus store_status_from_string(std::string_view name);

struct StoreRecord {
  StoreId id;
  std::string handle;
  std::string name;
  UserId owner_id;
  std::string currency;
  std::string country;
  StoreStatus status = StoreStatus::active;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Timestamp> deleted_at;
};

// Filters of StoreRegistry::search(). Empty fields match every store.
struct StoreFilter {
  std::string text;  // Substring of the handle or the name, any case.
  // Without a status, purged stores are left out.
  std::optional<StoreStatus> status;
  std::optional<UserId> owner_id;
  std::optional<Timestamp> deleted_until;  // deleted_at at or before it.
  std::string after_id;  // Keyset cursor: stores with a larger id.
  int limit = 50;
};

class StoreRegistry {
 public:
  virtual ~StoreRegistry() = default;
  // Raises already_exists naming the handle when it is taken.
  virtual void insert(const StoreRecord& record) = 0;
  virtual std::optional<StoreRecord> find(const StoreId& id) = 0;
  virtual std::optional<StoreRecord> find_by_handle(
      std::string_view handle) = 0;
  // Writes every field but id and created_at.
  virtual void update(const StoreRecord& record) = 0;
  // Stores in id order after `after_id` (empty for the start).
  virtual std::vector<StoreRecord> list_after(std::string_view after_id,
                                              int limit) = 0;
  virtual void erase(const StoreId& id) = 0;
  // Stores matching `filter` in id order.
  virtual std::vector<StoreRecord> search(const StoreFilter& filter) = 0;
  // Every store counted per status.
  virtual std::map<StoreStatus, std::int64_t> count_by_status() = 0;
};

struct MemberRecord {
  StoreId store_id;
  UserId user_id;
  StoreRole role = StoreRole::staff;
  Timestamp created_at;
};

class MemberRepository {
 public:
  virtual ~MemberRepository() = default;
  // Raises already_exists when the user is already a member.
  virtual void insert(const MemberRecord& member) = 0;
  virtual std::optional<MemberRecord> find(const StoreId& store,
                                           const UserId& user) = 0;
  virtual std::vector<MemberRecord> list_for_store(const StoreId& store) = 0;
  virtual std::vector<MemberRecord> list_for_user(const UserId& user) = 0;
  virtual void update_role(const StoreId& store, const UserId& user,
                           StoreRole role) = 0;
  virtual void erase(const StoreId& store, const UserId& user) = 0;
  virtual void erase_store(const StoreId& store) = 0;
};

}  // namespace shopkit::storage
