#include <string>

#include "shopkit/error.h"
#include "shopkit/theme_service.h"

namespace shopkit {

std::string_view to_string(ThemeStatus status) {
  switch (status) {
    case ThemeStatus::draft:
      return "draft";
    case ThemeStatus::published:
      return "published";
    case ThemeStatus::retired:
      return "retired";
  }
  return "draft";
}

std::string_view to_string(ThemeSettingType type) {
  switch (type) {
    case ThemeSettingType::color:
      return "color";
    case ThemeSettingType::text:
      return "text";
    case ThemeSettingType::number:
      return "number";
    case ThemeSettingType::boolean:
      return "boolean";
    case ThemeSettingType::select:
      return "select";
    case ThemeSettingType::image_url:
      return "image_url";
  }
  return "text";
}

ThemeStatus theme_status_from_string(std::string_view name) {
  if (name == "draft") return ThemeStatus::draft;
  if (name == "published") return ThemeStatus::published;
  if (name == "retired") return ThemeStatus::retired;
  throw Error(ErrorCode::invalid_argument,
              "unknown theme status '" + std::string(name) +
                  "'; expected draft, published or retired",
              "status");
}

ThemeSettingType theme_setting_type_from_string(std::string_view name) {
  for (ThemeSettingType type :
       {ThemeSettingType::color, ThemeSettingType::text,
        ThemeSettingType::number, ThemeSettingType::boolean,
        ThemeSettingType::select, ThemeSettingType::image_url}) {
    if (name == to_string(type)) return type;
  }
  throw Error(ErrorCode::invalid_argument,
              "unknown setting type '" + std::string(name) +
                  "'; expected color, text, number, boolean, select or "
                  "image_url",
              "type");
}

}  // namespace shopkit
