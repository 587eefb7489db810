// JSON conversion of the theme types.
#include <set>
#include <string>

#include "shopkit/json.h"

namespace shopkit {
namespace {

using nlohmann::json;

Error invalid(const std::string& message, std::string field) {
  return Error(ErrorCode::invalid_argument, message, std::move(field));
}

// The members each setting type accepts besides key, type, label and
// default.
std::set<std::string> type_fields(ThemeSettingType type) {
  switch (type) {
    case ThemeSettingType::text:
      return {"max_length"};
    case ThemeSettingType::number:
      return {"min", "max", "step"};
    case ThemeSettingType::select:
      return {"choices"};
    default:
      return {};
  }
}

std::string setting_name(const json& in, std::size_t index) {
  if (in.is_object()) {
    auto key = in.find("key");
    if (key != in.end() && key->is_string()) {
      return "setting '" + key->get<std::string>() + "'";
    }
  }
  return "setting #" + std::to_string(index + 1);
}

std::string setting_field(const json& in, std::size_t index) {
  if (in.is_object()) {
    auto key = in.find("key");
    if (key != in.end() && key->is_string()) {
      return "manifest.settings." + key->get<std::string>();
    }
  }
  return "manifest.settings[" + std::to_string(index) + "]";
}

}  // namespace

json setting_value_to_json(const ThemeSettingValue& value) {
  return std::visit([](const auto& v) { return json(v); }, value);
}

ThemeSettingValue setting_value_from_json(const json& in,
                                          std::string_view field) {
  if (in.is_boolean()) return in.get<bool>();
  if (in.is_number_integer()) {
    if (in.is_number_unsigned() &&
        in.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      throw invalid("field '" + std::string(field) +
                        "' must be an integer that fits in 64 bits",
                    std::string(field));
    }
    return in.get<std::int64_t>();
  }
  if (in.is_string()) return in.get<std::string>();
  throw invalid("field '" + std::string(field) +
                    "' must be a boolean, an integer or a string, got " +
                    std::string(in.type_name()),
                std::string(field));
}

void to_json(json& out, const ThemeSetting& setting) {
  out = json{{"key", setting.key},
             {"type", to_string(setting.type)},
             {"label", setting.label},
             {"default", setting_value_to_json(setting.default_value)}};
  switch (setting.type) {
    case ThemeSettingType::text:
      out["max_length"] = setting.max_length;
      break;
    case ThemeSettingType::number:
      out["min"] = setting.min ? json(*setting.min) : json(nullptr);
      out["max"] = setting.max ? json(*setting.max) : json(nullptr);
      out["step"] = setting.step;
      break;
    case ThemeSettingType::select:
      out["choices"] = setting.choices;
      break;
    default:
      break;
  }
}

void from_json(const json& in, ThemeSetting& setting) {
  json_fields::require_object(in, "setting");
  ThemeSetting parsed;
  parsed.key = json_fields::required_string(in, "key");
  parsed.type =
      theme_setting_type_from_string(json_fields::required_string(in, "type"));
  parsed.label = json_fields::required_string(in, "label");
  auto default_value = in.find("default");
  if (default_value == in.end() || default_value->is_null()) {
    throw invalid("missing field 'default'", "default");
  }
  parsed.default_value = setting_value_from_json(*default_value, "default");

  // Reject unknown members and members of another type, so a typo such
  // as "maxlength" is reported instead of ignored.
  std::set<std::string> allowed = type_fields(parsed.type);
  for (const auto& [name, value] : in.items()) {
    if (name == "key" || name == "type" || name == "label" ||
        name == "default" || allowed.count(name) > 0) {
      continue;
    }
    throw invalid("field '" + name + "' is not allowed in a " +
                      std::string(to_string(parsed.type)) + " setting",
                  name);
  }

  if (auto max_length = json_fields::optional_integer(in, "max_length")) {
    parsed.max_length = *max_length;
  }
  parsed.min = json_fields::optional_integer(in, "min");
  parsed.max = json_fields::optional_integer(in, "max");
  if (auto step = json_fields::optional_integer(in, "step")) {
    parsed.step = *step;
  }
  if (auto choices = in.find("choices"); choices != in.end()) {
    if (!choices->is_array()) {
      throw invalid("field 'choices' must be an array of strings", "choices");
    }
    for (const json& choice : *choices) {
      if (!choice.is_string()) {
        throw invalid("field 'choices' must be an array of strings", "choices");
      }
      parsed.choices.push_back(choice.get<std::string>());
    }
  }
  setting = std::move(parsed);
}

void to_json(json& out, const ThemeManifest& manifest) {
  out = json{{"settings", json::array()}};
  for (const ThemeSetting& setting : manifest.settings) {
    out["settings"].push_back(setting);
  }
}

void from_json(const json& in, ThemeManifest& manifest) {
  json_fields::require_object(in, "manifest");
  ThemeManifest parsed;
  auto settings = in.find("settings");
  if (settings != in.end() && !settings->is_null()) {
    if (!settings->is_array()) {
      throw invalid("field 'manifest.settings' must be an array",
                    "manifest.settings");
    }
    for (std::size_t i = 0; i < settings->size(); ++i) {
      const json& item = (*settings)[i];
      try {
        parsed.settings.push_back(item.get<ThemeSetting>());
      } catch (const Error& error) {
        throw invalid(setting_name(item, i) + ": " + error.what(),
                      setting_field(item, i));
      }
    }
  }
  for (const auto& [name, value] : in.items()) {
    if (name != "settings") {
      throw invalid("field 'manifest." + name + "' is not allowed",
                    "manifest." + name);
    }
  }
  manifest = std::move(parsed);
}

void from_json(const json& in, ThemeDraft& draft) {
  json_fields::require_object(in, "theme");
  ThemeDraft parsed;
  parsed.name = json_fields::required_string(in, "name");
  parsed.handle = json_fields::optional_string(in, "handle").value_or("");
  parsed.version = json_fields::required_string(in, "version");
  parsed.description =
      json_fields::optional_string(in, "description").value_or("");
  if (auto manifest = in.find("manifest");
      manifest != in.end() && !manifest->is_null()) {
    parsed.manifest = manifest->get<ThemeManifest>();
  }
  draft = std::move(parsed);
}

void to_json(json& out, const Theme& theme) {
  out = json{{"id", theme.id.str()},
             {"handle", theme.handle},
             {"name", theme.name},
             {"version", theme.version},
             {"description", theme.description},
             {"status", to_string(theme.status)},
             {"manifest", theme.manifest},
             {"created_at", timestamp_to_json(theme.created_at)},
             {"updated_at", timestamp_to_json(theme.updated_at)}};
}

void to_json(json& out, const StoreTheme& theme) {
  json settings = json::object();
  for (const auto& [key, value] : theme.settings) {
    settings[key] = setting_value_to_json(value);
  }
  out = json{{"theme", theme.theme}, {"settings", std::move(settings)}};
}

ThemeSettingChanges theme_setting_changes_from_json(const json& in) {
  json_fields::require_object(in, "settings");
  ThemeSettingChanges changes;
  for (const auto& [key, value] : in.items()) {
    if (value.is_null()) {
      changes.emplace(key, std::nullopt);
    } else {
      changes.emplace(key, setting_value_from_json(value, "settings." + key));
    }
  }
  return changes;
}

}  // namespace shopkit
