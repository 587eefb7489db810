#include "shopkit/types.h"

#include <string>

#include "shopkit/error.h"

namespace shopkit {

std::string_view to_string(PlatformRole role) {
  switch (role) {
    case PlatformRole::customer:
      return "customer";
    case PlatformRole::merchant:
      return "merchant";
    case PlatformRole::super_admin:
      return "super_admin";
  }
  return "customer";
}

std::string_view to_string(StoreRole role) {
  switch (role) {
    case StoreRole::owner:
      return "owner";
    case StoreRole::manager:
      return "manager";
    case StoreRole::staff:
      return "staff";
  }
  return "staff";
}

PlatformRole platform_role_from_string(std::string_view name) {
  if (name == "customer") return PlatformRole::customer;
  if (name == "merchant") return PlatformRole::merchant;
  if (name == "super_admin") return PlatformRole::super_admin;
  throw Error(ErrorCode::invalid_argument,
              "unknown platform role '" + std::string(name) +
                  "'; expected customer, merchant or super_admin",
              "role");
}

StoreRole store_role_from_string(std::string_view name) {
  if (name == "owner") return StoreRole::owner;
  if (name == "manager") return StoreRole::manager;
  if (name == "staff") return StoreRole::staff;
  throw Error(ErrorCode::invalid_argument,
              "unknown store role '" + std::string(name) +
                  "'; expected owner, manager or staff",
              "role");
}

}  // namespace shopkit
