#include "theme/theme_rules.h"

#include <doctest/doctest.h>

#include <string>

#include "common/text.h"
#include "shopkit/error.h"
#include "theme/theme_catalog.h"

using shopkit::ErrorCode;
using shopkit::ThemeManifest;
using shopkit::ThemeSetting;
using shopkit::ThemeSettingType;
using shopkit::ThemeSettingValue;

namespace {

ThemeSetting setting(std::string key, ThemeSettingType type,
                     ThemeSettingValue value) {
  ThemeSetting s;
  s.key = std::move(key);
  s.type = type;
  s.label = "Label";
  s.default_value = std::move(value);
  return s;
}

ThemeSetting number(std::int64_t value, std::optional<std::int64_t> min,
                    std::optional<std::int64_t> max, std::int64_t step) {
  ThemeSetting s = setting("columns", ThemeSettingType::number, value);
  s.min = min;
  s.max = max;
  s.step = step;
  return s;
}

ThemeSetting select_font() {
  ThemeSetting s =
      setting("font", ThemeSettingType::select, std::string("sans"));
  s.choices = {"sans", "serif"};
  return s;
}

// Returns the field of the invalid_argument error the manifest raises,
// or "" when it is accepted.
std::string manifest_error_field(const ThemeManifest& manifest) {
  try {
    shopkit::internal::validate_manifest(manifest);
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == ErrorCode::invalid_argument);
    return error.field();
  }
  return "";
}

bool accepts(const ThemeSetting& s, ThemeSettingValue value) {
  return !shopkit::internal::setting_value_problem(s, value).has_value();
}

}  // namespace

TEST_CASE("color accepts short and long hex forms") {
  ThemeSetting s =
      setting("accent", ThemeSettingType::color, std::string("#fff"));
  CHECK(accepts(s, std::string("#abc")));
  CHECK(accepts(s, std::string("#A1b2C3")));
  CHECK_FALSE(accepts(s, std::string("abc")));
  CHECK_FALSE(accepts(s, std::string("#abcd")));
  CHECK_FALSE(accepts(s, std::string("#ggg")));
  CHECK_FALSE(accepts(s, std::string("#abcdef0")));
  CHECK_FALSE(accepts(s, std::string("red")));
  CHECK_FALSE(accepts(s, std::int64_t{0xffffff}));
}

TEST_CASE("text counts code points against max_length") {
  ThemeSetting s = setting("tagline", ThemeSettingType::text, std::string());
  s.max_length = 3;
  CHECK(accepts(s, std::string("abc")));
  CHECK(accepts(s, std::string("\xc3\xa9\xc3\xa9\xc3\xa9")));  // "ééé"
  CHECK_FALSE(accepts(s, std::string("abcd")));
  CHECK_FALSE(accepts(s, std::string("\xff")));
  CHECK_FALSE(accepts(s, std::string("a\0b", 3)));
  CHECK_FALSE(accepts(s, true));
}

TEST_CASE("utf8 length rejects malformed sequences") {
  using shopkit::internal::utf8_length;
  CHECK(utf8_length("") == 0u);
  CHECK(utf8_length("\xe2\x82\xac") == 1u);                  // U+20AC
  CHECK(utf8_length("\xf0\x9f\x98\x80") == 1u);              // U+1F600
  CHECK_FALSE(utf8_length("\xc0\xaf").has_value());          // Overlong '/'.
  CHECK_FALSE(utf8_length("\xed\xa0\x80").has_value());      // Surrogate.
  CHECK_FALSE(utf8_length("\xe2\x82").has_value());          // Cut short.
  CHECK_FALSE(utf8_length("\xf4\x90\x80\x80").has_value());  // > U+10FFFF.
}

TEST_CASE("number checks min max and step") {
  ThemeSetting s = number(2, 1, 9, 2);  // 1, 3, 5, 7, 9
  CHECK(accepts(s, std::int64_t{1}));
  CHECK(accepts(s, std::int64_t{9}));
  CHECK_FALSE(accepts(s, std::int64_t{0}));
  CHECK_FALSE(accepts(s, std::int64_t{11}));
  CHECK_FALSE(accepts(s, std::int64_t{4}));
  CHECK_FALSE(accepts(s, std::string("3")));
  CHECK_FALSE(accepts(s, true));
}

TEST_CASE("number step without min counts from zero") {
  ThemeSetting s = number(0, std::nullopt, std::nullopt, 5);
  CHECK(accepts(s, std::int64_t{-10}));
  CHECK(accepts(s, std::int64_t{15}));
  CHECK_FALSE(accepts(s, std::int64_t{-3}));
}

TEST_CASE("number step is exact at int64 extremes") {
  ThemeSetting s = number(INT64_MIN, INT64_MIN, std::nullopt, 2);
  CHECK(accepts(s, INT64_MAX - 1));
  CHECK_FALSE(accepts(s, INT64_MAX));
}

TEST_CASE("number error names the broken rule") {
  auto problem = shopkit::internal::setting_value_problem(number(2, 1, 9, 2),
                                                          std::int64_t{10});
  REQUIRE(problem.has_value());
  CHECK(problem->find("(max)") != std::string::npos);
  problem = shopkit::internal::setting_value_problem(number(2, 1, 9, 2),
                                                     std::int64_t{4});
  REQUIRE(problem.has_value());
  CHECK(problem->find("(step)") != std::string::npos);
}

TEST_CASE("select accepts only its choices") {
  ThemeSetting s = select_font();
  CHECK(accepts(s, std::string("serif")));
  CHECK_FALSE(accepts(s, std::string("Serif")));
  CHECK_FALSE(accepts(s, std::string("")));
}

TEST_CASE("image url takes http https or empty") {
  ThemeSetting s = setting("logo", ThemeSettingType::image_url, std::string());
  CHECK(accepts(s, std::string("")));
  CHECK(accepts(s, std::string("https://cdn.example.com/logo.png")));
  CHECK(accepts(s, std::string("HTTP://example.com:8080/a.png?x=1")));
  CHECK_FALSE(accepts(s, std::string("javascript:alert(1)")));
  CHECK_FALSE(accepts(s, std::string("ftp://example.com/a.png")));
  CHECK_FALSE(accepts(s, std::string("data:image/png;base64,AAAA")));
  CHECK_FALSE(accepts(s, std::string("//example.com/a.png")));
  CHECK_FALSE(accepts(s, std::string("https:///a.png")));
  CHECK_FALSE(accepts(s, std::string("https://example.com/a b.png")));
  CHECK_FALSE(accepts(s, std::string("https://example.com/\"onload=x")));
  CHECK_FALSE(accepts(s, std::string("https://") + std::string(2050, 'a')));
}

TEST_CASE("boolean accepts only true and false") {
  ThemeSetting s = setting("flag", ThemeSettingType::boolean, false);
  CHECK(accepts(s, true));
  CHECK_FALSE(accepts(s, std::int64_t{1}));
  CHECK_FALSE(accepts(s, std::string("true")));
}

TEST_CASE("manifest rejects duplicate keys naming them") {
  ThemeManifest manifest{{select_font(), select_font()}};
  CHECK(manifest_error_field(manifest) == "manifest.settings.font");
}

TEST_CASE("manifest rejects defaults outside their bounds") {
  CHECK(manifest_error_field({{number(10, 1, 9, 1)}}) ==
        "manifest.settings.columns");
  CHECK(manifest_error_field({{number(0, 1, 9, 1)}}) ==
        "manifest.settings.columns");
  CHECK(manifest_error_field({{number(4, 1, 9, 2)}}) ==
        "manifest.settings.columns");
  ThemeSetting font = select_font();
  font.default_value = std::string("mono");
  CHECK(manifest_error_field({{font}}) == "manifest.settings.font");
  ThemeSetting color =
      setting("accent", ThemeSettingType::color, std::string("blue"));
  CHECK(manifest_error_field({{color}}) == "manifest.settings.accent");
  ThemeSetting text = setting("t", ThemeSettingType::text, std::string("abcd"));
  text.max_length = 3;
  CHECK(manifest_error_field({{text}}) == "manifest.settings.t");
}

TEST_CASE("manifest rejects an unknown type value") {
  ThemeSetting s = select_font();
  s.type = static_cast<ThemeSettingType>(42);
  CHECK(manifest_error_field({{s}}) == "manifest.settings.font");
}

TEST_CASE("manifest rejects bad keys by position") {
  ThemeSetting s = select_font();
  s.key = "Font Family";
  CHECK(manifest_error_field({{select_font(), s}}) == "manifest.settings[1]");
  s.key = "";
  CHECK(manifest_error_field({{s}}) == "manifest.settings[0]");
  s.key = std::string(65, 'a');
  CHECK(manifest_error_field({{s}}) == "manifest.settings[0]");
}

TEST_CASE("manifest rejects fields of another type") {
  ThemeSetting s = select_font();
  s.min = 1;
  CHECK(manifest_error_field({{s}}) == "manifest.settings.font");
  ThemeSetting n = number(1, 1, 9, 1);
  n.choices = {"a"};
  CHECK(manifest_error_field({{n}}) == "manifest.settings.columns");
}

TEST_CASE("manifest rejects inverted bounds and bad step") {
  CHECK(manifest_error_field({{number(5, 9, 1, 1)}}) ==
        "manifest.settings.columns");
  CHECK(manifest_error_field({{number(5, 1, 9, 0)}}) ==
        "manifest.settings.columns");
}

TEST_CASE("manifest rejects empty and repeated choices") {
  ThemeSetting s = select_font();
  s.choices = {};
  CHECK(manifest_error_field({{s}}) == "manifest.settings.font");
  s.choices = {"sans", "sans"};
  CHECK(manifest_error_field({{s}}) == "manifest.settings.font");
}

TEST_CASE("manifest rejects a missing label") {
  ThemeSetting s = select_font();
  s.label = "";
  CHECK(manifest_error_field({{s}}) == "manifest.settings.font");
}

TEST_CASE("draft checks handle and version") {
  shopkit::ThemeDraft draft{.name = "Shop",
                            .handle = "my-shop",
                            .version = "1.0.0",
                            .description = "",
                            .manifest = {}};
  CHECK_NOTHROW(shopkit::internal::validate_theme_draft(draft));
  for (std::string handle :
       {"", "My-Shop", "-shop", "shop-", "a--b", "a b", "../x"}) {
    draft.handle = handle;
    CHECK_THROWS_AS(shopkit::internal::validate_theme_draft(draft),
                    shopkit::Error);
  }
  draft.handle = "shop";
  draft.version = "1 0";
  CHECK_THROWS_AS(shopkit::internal::validate_theme_draft(draft),
                  shopkit::Error);
}

TEST_CASE("seeded theme drafts are valid") {
  auto drafts = shopkit::internal::seed_theme_drafts();
  CHECK(drafts.size() == 3);
  for (const auto& draft : drafts) {
    INFO(draft.handle);
    CHECK_NOTHROW(shopkit::internal::validate_theme_draft(draft));
  }
}
