#include <doctest/doctest.h>

#include <string>

#include "shopkit/json.h"
#include "theme/theme_catalog.h"

using nlohmann::json;
using shopkit::ErrorCode;

namespace {

// Returns the error that parsing `text` as a manifest raises.
shopkit::Error manifest_error(const std::string& text) {
  try {
    json::parse(text).get<shopkit::ThemeManifest>();
  } catch (const shopkit::Error& error) {
    return error;
  }
  FAIL("the manifest was accepted: " << text);
  return shopkit::Error(ErrorCode::internal, "unreachable");
}

}  // namespace

TEST_CASE("seed manifests round trip through json") {
  for (const auto& draft : shopkit::internal::seed_theme_drafts()) {
    json text = draft.manifest;
    CHECK(text.get<shopkit::ThemeManifest>() == draft.manifest);
  }
}

TEST_CASE("manifest json names an unknown type") {
  auto error = manifest_error(
      R"({"settings": [{"key": "bg", "type": "gradient", "label": "B",
                        "default": "x"}]})");
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "manifest.settings.bg");
  CHECK(std::string(error.what()).find("'gradient'") != std::string::npos);
}

TEST_CASE("manifest json rejects fields of another type") {
  auto error = manifest_error(
      R"({"settings": [{"key": "n", "type": "text", "label": "N",
                        "default": "", "min": 1}]})");
  CHECK(error.field() == "manifest.settings.n");
}

TEST_CASE("manifest json rejects a misspelled field") {
  auto error = manifest_error(
      R"({"settings": [{"key": "n", "type": "text", "label": "N",
                        "default": "", "maxlength": 4}]})");
  CHECK(std::string(error.what()).find("'maxlength'") != std::string::npos);
}

TEST_CASE("manifest json names a setting without key") {
  auto error = manifest_error(
      R"({"settings": [{"type": "text", "label": "N", "default": ""}]})");
  CHECK(error.field() == "manifest.settings[0]");
}

TEST_CASE("setting value json rejects floats") {
  CHECK(std::get<std::int64_t>(
            shopkit::setting_value_from_json(json(3), "v")) == 3);
  CHECK(std::get<bool>(shopkit::setting_value_from_json(json(true), "v")));
  CHECK_THROWS_AS(shopkit::setting_value_from_json(json(2.0), "v"),
                  shopkit::Error);
  CHECK_THROWS_AS(shopkit::setting_value_from_json(json::array(), "v"),
                  shopkit::Error);
}

TEST_CASE("setting changes json maps null to reset") {
  auto changes = shopkit::theme_setting_changes_from_json(
      json::parse(R"({"a": "#fff", "b": null, "c": 2})"));
  REQUIRE(changes.size() == 3);
  CHECK(changes.at("a") == shopkit::ThemeSettingValue(std::string("#fff")));
  CHECK_FALSE(changes.at("b").has_value());
  CHECK(changes.at("c") == shopkit::ThemeSettingValue(std::int64_t{2}));
}

TEST_CASE("theme draft json reads the fields") {
  shopkit::ThemeDraft draft = json::parse(
      R"({"name": "N", "handle": "n", "version": "1",
          "manifest": {"settings": [{"key": "on", "type": "boolean",
                                     "label": "On", "default": true}]}})");
  CHECK(draft.handle == "n");
  CHECK(draft.description.empty());
  REQUIRE(draft.manifest.settings.size() == 1);
  CHECK(draft.manifest.settings[0].type == shopkit::ThemeSettingType::boolean);
}
