#include "theme/theme_rules.h"

#include <cstdint>
#include <set>

#include "common/text.h"
#include "shopkit/error.h"

namespace shopkit::internal {
namespace {

constexpr std::size_t kMaxSettings = 200;
constexpr std::size_t kMaxKeyLength = 64;
constexpr std::size_t kMaxLabelLength = 200;
constexpr std::int64_t kMaxTextLength = 10000;
constexpr std::int64_t kDefaultTextLength = 255;
constexpr std::size_t kMaxChoices = 100;
constexpr std::size_t kMaxChoiceLength = 100;
constexpr std::size_t kMaxUrlLength = 2048;
constexpr std::size_t kMaxNameLength = 100;
constexpr std::size_t kMaxHandleLength = 64;
constexpr std::size_t kMaxVersionLength = 32;
constexpr std::size_t kMaxDescriptionLength = 2000;
// How much of a bad value an error message repeats.
constexpr std::size_t kQuotedValueLength = 60;

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

std::string quote(std::string_view text) {
  if (text.size() <= kQuotedValueLength) return "'" + std::string(text) + "'";
  // Cut on a code point boundary so the message stays valid UTF-8.
  std::size_t cut = kQuotedValueLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

std::string describe(const ThemeSettingValue& value) {
  if (const bool* flag = std::get_if<bool>(&value)) {
    return *flag ? "true" : "false";
  }
  if (const std::int64_t* number = std::get_if<std::int64_t>(&value)) {
    return std::to_string(*number);
  }
  return quote(std::get<std::string>(value));
}

std::string type_mismatch(std::string_view expected,
                          const ThemeSettingValue& value) {
  std::string kind = std::holds_alternative<bool>(value)           ? "a boolean"
                     : std::holds_alternative<std::int64_t>(value) ? "a number"
                                                                   : "a string";
  return "must be " + std::string(expected) + ", got " + kind + " " +
         describe(value);
}

bool is_color(std::string_view text) {
  if (text.size() != 4 && text.size() != 7) return false;
  if (text[0] != '#') return false;
  for (char c : text.substr(1)) {
    if (!is_hex_digit(c)) return false;
  }
  return true;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// An absolute http or https URL with a host and no white space or
// control characters. Quotes and angle brackets are refused too, so the
// value is safe to place in an HTML attribute.
bool is_web_url(std::string_view text) {
  std::size_t rest = 0;
  if (starts_with_ignoring_case(text, "https://")) {
    rest = 8;
  } else if (starts_with_ignoring_case(text, "http://")) {
    rest = 7;
  } else {
    return false;
  }
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == '"' || c == '\'' || c == '<' ||
        c == '>' || c == '\\') {
      return false;
    }
  }
  std::string_view authority = text.substr(rest);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority = authority.substr(at + 1);
  std::string_view host = authority.substr(0, authority.rfind(':'));
  if (!authority.empty() && authority.front() == '[') host = authority;
  return !host.empty();
}

std::optional<std::string> number_problem(const ThemeSetting& setting,
                                          std::int64_t value) {
  if (setting.min && value < *setting.min) {
    return "must be at least " + std::to_string(*setting.min) + " (min), got " +
           std::to_string(value);
  }
  if (setting.max && value > *setting.max) {
    return "must be at most " + std::to_string(*setting.max) + " (max), got " +
           std::to_string(value);
  }
  if (setting.step > 1) {
    // With a min, value >= min here, so the unsigned difference is the
    // exact distance even when the signed one would overflow.
    bool on_grid = setting.min
                       ? (static_cast<std::uint64_t>(value) -
                          static_cast<std::uint64_t>(*setting.min)) %
                                 static_cast<std::uint64_t>(setting.step) ==
                             0
                       : value % setting.step == 0;
    if (!on_grid) {
      std::string base = setting.min ? std::to_string(*setting.min) : "0";
      return "must be " + base + " plus a multiple of " +
             std::to_string(setting.step) + " (step), got " +
             std::to_string(value);
    }
  }
  return std::nullopt;
}

std::optional<std::string> text_problem(const ThemeSetting& setting,
                                        const std::string& text) {
  std::optional<std::size_t> length = utf8_length(text);
  if (!length) return std::string("must be valid UTF-8 text");
  if (text.find('\0') != std::string::npos) {
    return std::string("must not contain a NUL character");
  }
  if (static_cast<std::int64_t>(*length) > setting.max_length) {
    return "must be at most " + std::to_string(setting.max_length) +
           " characters (max_length), got " + std::to_string(*length);
  }
  return std::nullopt;
}

std::optional<std::string> select_problem(const ThemeSetting& setting,
                                          const std::string& text) {
  for (const std::string& choice : setting.choices) {
    if (choice == text) return std::nullopt;
  }
  std::string allowed;
  for (const std::string& choice : setting.choices) {
    if (!allowed.empty()) allowed += ", ";
    allowed += quote(choice);
  }
  return "must be one of " + allowed + " (choices), got " + quote(text);
}

Error invalid(const std::string& message, std::string field) {
  return Error(ErrorCode::invalid_argument, message, std::move(field));
}

void check_key(const ThemeSetting& setting, std::size_t index) {
  const std::string& key = setting.key;
  bool valid = !key.empty() && key.size() <= kMaxKeyLength && key[0] >= 'a' &&
               key[0] <= 'z';
  for (char c : key) valid = valid && (is_lower_alnum(c) || c == '_');
  if (!valid) {
    throw invalid("setting #" + std::to_string(index + 1) + " has key " +
                      quote(key) +
                      "; a key is 1 to 64 characters of a-z, 0-9 and _, "
                      "starting with a letter",
                  "manifest.settings[" + std::to_string(index) + "]");
  }
}

// Checks the fields that belong to the setting's type, and that the
// fields of other types keep their defaults.
void check_type_fields(const ThemeSetting& setting, const std::string& name,
                       const std::string& field) {
  using Type = ThemeSettingType;
  const Type type = setting.type;
  if (type != Type::text && setting.max_length != kDefaultTextLength) {
    throw invalid(name + ": max_length applies only to text settings", field);
  }
  if (type != Type::number &&
      (setting.min || setting.max || setting.step != 1)) {
    throw invalid(name + ": min, max and step apply only to number settings",
                  field);
  }
  if (type != Type::select && !setting.choices.empty()) {
    throw invalid(name + ": choices apply only to select settings", field);
  }

  if (type == Type::text &&
      (setting.max_length < 1 || setting.max_length > kMaxTextLength)) {
    throw invalid(name + ": max_length must be from 1 to " +
                      std::to_string(kMaxTextLength) + ", got " +
                      std::to_string(setting.max_length),
                  field);
  }
  if (type == Type::number) {
    if (setting.step < 1) {
      throw invalid(name + ": step must be at least 1, got " +
                        std::to_string(setting.step),
                    field);
    }
    if (setting.min && setting.max && *setting.min > *setting.max) {
      throw invalid(name + ": min " + std::to_string(*setting.min) +
                        " is above max " + std::to_string(*setting.max),
                    field);
    }
  }
  if (type == Type::select) {
    if (setting.choices.empty() || setting.choices.size() > kMaxChoices) {
      throw invalid(name + ": a select setting needs 1 to " +
                        std::to_string(kMaxChoices) + " choices, got " +
                        std::to_string(setting.choices.size()),
                    field);
    }
    std::set<std::string> seen;
    for (const std::string& choice : setting.choices) {
      std::optional<std::size_t> length = utf8_length(choice);
      if (!length || *length == 0 || *length > kMaxChoiceLength) {
        throw invalid(name + ": choice " + quote(choice) +
                          " must be 1 to 100 characters of UTF-8 text",
                      field);
      }
      if (!seen.insert(choice).second) {
        throw invalid(name + ": choice " + quote(choice) + " is listed twice",
                      field);
      }
    }
  }
}

void check_text_field(std::string_view value, std::size_t min_length,
                      std::size_t max_length, const std::string& field) {
  std::optional<std::size_t> length = utf8_length(value);
  if (!length) throw invalid(field + " must be valid UTF-8 text", field);
  if (*length < min_length || *length > max_length) {
    throw invalid(field + " must be " + std::to_string(min_length) + " to " +
                      std::to_string(max_length) + " characters, got " +
                      std::to_string(*length),
                  field);
  }
}

}  // namespace

std::optional<std::string> setting_value_problem(
    const ThemeSetting& setting, const ThemeSettingValue& value) {
  const std::string* text = std::get_if<std::string>(&value);
  switch (setting.type) {
    case ThemeSettingType::color:
      if (!text) return type_mismatch("a color string", value);
      if (!is_color(*text)) {
        return "must be a color in the form #rgb or #rrggbb, got " +
               quote(*text);
      }
      return std::nullopt;
    case ThemeSettingType::text:
      if (!text) return type_mismatch("a string", value);
      return text_problem(setting, *text);
    case ThemeSettingType::number:
      if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return number_problem(setting, *number);
      }
      return type_mismatch("an integer", value);
    case ThemeSettingType::boolean:
      if (!std::holds_alternative<bool>(value)) {
        return type_mismatch("true or false", value);
      }
      return std::nullopt;
    case ThemeSettingType::select:
      if (!text) return type_mismatch("a string", value);
      return select_problem(setting, *text);
    case ThemeSettingType::image_url:
      if (!text) return type_mismatch("a URL string", value);
      if (text->empty()) return std::nullopt;
      if (text->size() > kMaxUrlLength || !is_web_url(*text)) {
        return "must be an http or https URL of at most 2048 characters, "
               "or empty, got " +
               quote(*text);
      }
      return std::nullopt;
  }
  return "has an unknown type";
}

void validate_setting_value(const ThemeSetting& setting,
                            const ThemeSettingValue& value) {
  if (std::optional<std::string> problem =
          setting_value_problem(setting, value)) {
    throw invalid("theme setting '" + setting.key + "' " + *problem,
                  "settings." + setting.key);
  }
}

void validate_manifest(const ThemeManifest& manifest) {
  if (manifest.settings.size() > kMaxSettings) {
    throw invalid("a manifest has at most " + std::to_string(kMaxSettings) +
                      " settings, got " +
                      std::to_string(manifest.settings.size()),
                  "manifest.settings");
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < manifest.settings.size(); ++i) {
    const ThemeSetting& setting = manifest.settings[i];
    check_key(setting, i);
    const std::string name = "setting '" + setting.key + "'";
    const std::string field = "manifest.settings." + setting.key;
    if (!keys.insert(setting.key).second) {
      throw invalid("duplicate " + name + "; each key may appear once", field);
    }
    auto type = static_cast<int>(setting.type);
    if (type < static_cast<int>(ThemeSettingType::color) ||
        type > static_cast<int>(ThemeSettingType::image_url)) {
      throw invalid(name + " has an unknown type " + std::to_string(type) +
                        "; expected color, text, number, boolean, select or "
                        "image_url",
                    field);
    }
    std::optional<std::size_t> label_length = utf8_length(setting.label);
    if (!label_length || *label_length == 0 ||
        *label_length > kMaxLabelLength) {
      throw invalid(name +
                        ": label must be 1 to 200 characters of UTF-8 "
                        "text",
                    field);
    }
    check_type_fields(setting, name, field);
    if (std::optional<std::string> problem =
            setting_value_problem(setting, setting.default_value)) {
      throw invalid(name + ": default " + *problem, field);
    }
  }
}

void validate_theme_draft(const ThemeDraft& draft) {
  check_text_field(draft.name, 1, kMaxNameLength, "name");

  bool handle_ok = !draft.handle.empty() &&
                   draft.handle.size() <= kMaxHandleLength &&
                   draft.handle.front() != '-' && draft.handle.back() != '-' &&
                   draft.handle.find("--") == std::string::npos;
  for (char c : draft.handle)
    handle_ok = handle_ok && (is_lower_alnum(c) || c == '-');
  if (!handle_ok) {
    throw invalid("theme handle " + quote(draft.handle) +
                      " must be 1 to 64 lower-case letters, digits and "
                      "single hyphens, such as 'bold-shop'",
                  "handle");
  }

  bool version_ok =
      !draft.version.empty() && draft.version.size() <= kMaxVersionLength;
  for (char c : draft.version) version_ok = version_ok && c > ' ' && c < 0x7f;
  if (!version_ok) {
    throw invalid("theme version " + quote(draft.version) +
                      " must be 1 to 32 printable ASCII characters without "
                      "spaces, such as '1.2.0'",
                  "version");
  }

  check_text_field(draft.description, 0, kMaxDescriptionLength, "description");
  validate_manifest(draft.manifest);
}

}  // namespace shopkit::internal
