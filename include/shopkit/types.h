// Value types shared by every service: ids, timestamps, roles, the
// principal a call is made for, and pages of a list.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/export.h"

namespace shopkit {

// Milliseconds since the Unix epoch, UTC. Every time in shopkit's API and
// files has this type.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

// An opaque, URL-safe, time-ordered identifier with a type prefix, for
// example "usr_01jc9..." for a user. The tag makes ids of different
// kinds distinct types, so a ProductId cannot be passed as a StoreId.
template <typename Tag>
class Id {
 public:
  Id() = default;
  explicit Id(std::string value) : value_(std::move(value)) {}

  const std::string& str() const noexcept { return value_; }
  bool empty() const noexcept { return value_.empty(); }

  friend auto operator<=>(const Id&, const Id&) = default;
  friend bool operator==(const Id&, const Id&) = default;

 private:
  std::string value_;
};

using UserId = Id<struct UserIdTag>;
using SessionId = Id<struct SessionIdTag>;
using StoreId = Id<struct StoreIdTag>;
using ProductId = Id<struct ProductIdTag>;
using VariantId = Id<struct VariantIdTag>;
using OrderId = Id<struct OrderIdTag>;
using CustomerId = Id<struct CustomerIdTag>;
using ThemeId = Id<struct ThemeIdTag>;
using AuditEntryId = Id<struct AuditEntryIdTag>;

// A role on the platform. Registration creates customers or merchants;
// super admins are made only by the bootstrap call or by another super
// admin.
enum class PlatformRole { customer, merchant, super_admin };

// A member's role inside one store. The rights of each role are listed
// in docs/roles.md.
enum class StoreRole { owner, manager, staff };

SHOPKIT_EXPORT std::string_view to_string(PlatformRole role);
SHOPKIT_EXPORT std::string_view to_string(StoreRole role);
// Parse a role name; raise invalid_argument naming `name` when unknown.
SHOPKIT_EXPORT PlatformRole platform_role_from_string(std::string_view name);
SHOPKIT_EXPORT StoreRole store_role_from_string(std::string_view name);

namespace internal {
class PrincipalFactory;
}

// Who a call is made for. Only AuthService::authenticate() makes a
// signed-in Principal, so a host cannot forge one by filling fields;
// every service checks the principal's rights itself. The anonymous
// principal may browse public catalogs and check out as a guest.
class Principal {
 public:
  static Principal anonymous() { return Principal(); }

  const UserId& user_id() const noexcept { return user_id_; }
  PlatformRole role() const noexcept { return role_; }
  const SessionId& session_id() const noexcept { return session_id_; }
  bool is_anonymous() const noexcept { return user_id_.empty(); }
  bool is_super_admin() const noexcept {
    return !is_anonymous() && role_ == PlatformRole::super_admin;
  }

 private:
  friend class internal::PrincipalFactory;
  Principal() = default;
  Principal(UserId user_id, PlatformRole role, SessionId session_id)
      : user_id_(std::move(user_id)),
        role_(role),
        session_id_(std::move(session_id)) {}

  UserId user_id_;
  PlatformRole role_ = PlatformRole::customer;
  SessionId session_id_;
};

// Keyset pagination input. `cursor` is the opaque next_cursor of the
// previous page, or empty for the first page.
struct PageRequest {
  int limit = 50;  // 1 to 200; larger values are rejected.
  std::string cursor;
};

// One page of a list. next_cursor is empty on the last page.
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;
};

}  // namespace shopkit

// Ids hash like their strings, so they can key unordered containers.
template <typename Tag>
struct std::hash<shopkit::Id<Tag>> {
  size_t operator()(const shopkit::Id<Tag>& id) const noexcept {
    return std::hash<std::string>{}(id.str());
  }
};
