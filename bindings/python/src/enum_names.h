// The C++ enums that cross into Python, each paired with its enum.StrEnum
// class in shopkit/_enums.py. A specialization names the Python class and
// converts with the library's own to_string and *_from_string functions,
// so the bindings hold no second copy of the names.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

#include "shopkit/shopkit.h"

namespace shopkit::python {

template <typename E>
struct StrEnumNames;

// An enum that has a StrEnumNames specialization.
template <typename E>
concept StrEnumType = std::is_enum_v<E> && requires {
  StrEnumNames<E>::class_name;
};

#define SHOPKIT_PYTHON_STR_ENUM(Enum, Name, parse)                      \
  template <>                                                          \
  struct StrEnumNames<Enum> {                                          \
    static constexpr const char* class_name = Name;                    \
    static constexpr auto python_name = pybind11::detail::const_name(  \
        Name);                                                         \
    static std::string_view to_name(Enum value) {                      \
      return shopkit::to_string(value);                                \
    }                                                                  \
    static Enum from_name(std::string_view name) { return parse(name); } \
  }

// LogLevel has no parser in the library because only sinks see levels;
// the bindings need one to load a level passed from Python.
LogLevel log_level_from_string(std::string_view name);

SHOPKIT_PYTHON_STR_ENUM(ErrorCode, "ErrorCode", error_code_from_string);
SHOPKIT_PYTHON_STR_ENUM(PlatformRole, "PlatformRole",
                        platform_role_from_string);
SHOPKIT_PYTHON_STR_ENUM(StoreRole, "StoreRole", store_role_from_string);
SHOPKIT_PYTHON_STR_ENUM(LogLevel, "LogLevel", log_level_from_string);
SHOPKIT_PYTHON_STR_ENUM(UserStatus, "UserStatus", user_status_from_string);
SHOPKIT_PYTHON_STR_ENUM(StoreStatus, "StoreStatus", store_status_from_string);
SHOPKIT_PYTHON_STR_ENUM(ProductStatus, "ProductStatus",
                        product_status_from_string);
SHOPKIT_PYTHON_STR_ENUM(ProductSort, "ProductSort", product_sort_from_string);
SHOPKIT_PYTHON_STR_ENUM(OrderStatus, "OrderStatus", order_status_from_string);
SHOPKIT_PYTHON_STR_ENUM(ThemeStatus, "ThemeStatus", theme_status_from_string);
SHOPKIT_PYTHON_STR_ENUM(ThemeSettingType, "ThemeSettingType",
                        theme_setting_type_from_string);
SHOPKIT_PYTHON_STR_ENUM(ImportFormat, "ImportFormat",
                        import_format_from_string);

}  // namespace shopkit::python
