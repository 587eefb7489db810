#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::ThemeDraft;
using shopkit::ThemeSetting;
using shopkit::ThemeSettingType;
using shopkit::ThemeStatus;
using shopkit::testing::error_code_of;
using shopkit::testing::PanelsFixture;

namespace {

ThemeDraft sample_draft(const std::string& handle) {
  ThemeSetting accent;
  accent.key = "accent";
  accent.type = ThemeSettingType::color;
  accent.label = "Accent";
  accent.default_value = std::string("#000");
  return ThemeDraft{.name = "Sample",
                    .handle = handle,
                    .version = "0.1.0",
                    .description = "For tests",
                    .manifest = {{accent}}};
}

}  // namespace

TEST_CASE("new data folder has published seed themes") {
  PanelsFixture f;
  auto themes = f.platform.themes().list_published_themes();
  REQUIRE(themes.size() == 3);
  CHECK(themes[0].handle == "bold");
  CHECK(themes[1].handle == "classic");
  CHECK(themes[2].handle == "minimal");
  for (const auto& theme : themes) {
    CHECK(theme.status == ThemeStatus::published);
    CHECK_FALSE(theme.manifest.settings.empty());
  }
}

TEST_CASE("seeding again adds nothing") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  f.platform.themes().retire_theme(admin, "bold");
  f.test.platform.reset();
  auto reopened = shopkit::testing::open_test_platform(f.dir.path());
  auto all = reopened.platform->themes().list_themes(admin);
  CHECK(all.size() == 3);
  auto bold = reopened.platform->themes().get_theme(admin, "bold");
  CHECK(bold.status == ThemeStatus::retired);
}

TEST_CASE("super admin creates a draft theme") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto theme = f.platform.themes().create_theme(admin, sample_draft("sample"));
  CHECK(theme.status == ThemeStatus::draft);
  CHECK(theme.id.str().rfind("thm_", 0) == 0);
  CHECK(theme.manifest == sample_draft("sample").manifest);
  auto published = f.platform.themes().list_published_themes();
  CHECK(published.size() == 3);
}

TEST_CASE("only super admins manage themes") {
  PanelsFixture f;
  auto merchant = f.make_merchant();
  auto& themes = f.platform.themes();
  CHECK(error_code_of([&] {
          themes.create_theme(merchant, sample_draft("x"));
        }) == ErrorCode::permission_denied);
  CHECK(error_code_of([&] {
          themes.create_theme(shopkit::Principal::anonymous(),
                              sample_draft("x"));
        }) == ErrorCode::unauthenticated);
  CHECK(error_code_of([&] { themes.retire_theme(merchant, "classic"); }) ==
        ErrorCode::permission_denied);
  CHECK(error_code_of([&] { themes.publish_theme(merchant, "classic"); }) ==
        ErrorCode::permission_denied);
  CHECK(error_code_of([&] {
          themes.update_theme(merchant, "classic", sample_draft(""));
        }) == ErrorCode::permission_denied);
  CHECK(error_code_of([&] { themes.list_themes(merchant); }) ==
        ErrorCode::permission_denied);
}

TEST_CASE("duplicate theme handle is already_exists") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  CHECK(error_code_of([&] {
          f.platform.themes().create_theme(admin, sample_draft("classic"));
        }) == ErrorCode::already_exists);
}

TEST_CASE("invalid manifest is rejected naming the setting") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  ThemeDraft draft = sample_draft("broken");
  draft.manifest.settings[0].default_value = std::string("#12");
  try {
    f.platform.themes().create_theme(admin, draft);
    FAIL("the manifest was accepted");
  } catch (const shopkit::Error& error) {
    CHECK(error.code() == ErrorCode::invalid_argument);
    CHECK(error.field() == "manifest.settings.accent");
    CHECK(std::string(error.what()).find("'accent'") != std::string::npos);
  }
  CHECK(f.platform.themes().list_themes(admin).size() == 3);
}

TEST_CASE("drafts are editable and published themes are not") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto& themes = f.platform.themes();
  themes.create_theme(admin, sample_draft("sample"));
  ThemeDraft edit = sample_draft("");
  edit.version = "0.2.0";
  auto updated = themes.update_theme(admin, "sample", edit);
  CHECK(updated.version == "0.2.0");
  themes.publish_theme(admin, "sample");
  CHECK(error_code_of([&] { themes.update_theme(admin, "sample", edit); }) ==
        ErrorCode::failed_precondition);
}

TEST_CASE("theme handle cannot change on update") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  f.platform.themes().create_theme(admin, sample_draft("sample"));
  CHECK(error_code_of([&] {
          f.platform.themes().update_theme(admin, "sample",
                                           sample_draft("other"));
        }) == ErrorCode::invalid_argument);
}

TEST_CASE("publish and retire follow the life cycle") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto& themes = f.platform.themes();
  themes.create_theme(admin, sample_draft("sample"));
  CHECK(error_code_of([&] { themes.retire_theme(admin, "sample"); }) ==
        ErrorCode::failed_precondition);
  CHECK(themes.publish_theme(admin, "sample").status == ThemeStatus::published);
  CHECK(error_code_of([&] { themes.publish_theme(admin, "sample"); }) ==
        ErrorCode::failed_precondition);
  CHECK(themes.retire_theme(admin, "sample").status == ThemeStatus::retired);
  CHECK(themes.list_published_themes().size() == 3);
  CHECK(themes.publish_theme(admin, "sample").status == ThemeStatus::published);
  CHECK(themes.list_published_themes().size() == 4);
}

TEST_CASE("drafts are hidden from merchants") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  auto merchant = f.make_merchant();
  f.platform.themes().create_theme(admin, sample_draft("secret"));
  CHECK(error_code_of([&] {
          f.platform.themes().get_theme(merchant, "secret");
        }) == ErrorCode::not_found);
  CHECK(f.platform.themes().get_theme(admin, "secret").handle == "secret");
  CHECK(f.platform.themes().get_theme(merchant, "classic").handle == "classic");
}

TEST_CASE("theme changes are written to the audit log") {
  PanelsFixture f;
  auto admin = f.make_super_admin();
  f.platform.themes().create_theme(admin, sample_draft("sample"));
  f.platform.themes().publish_theme(admin, "sample");
  SQLite::Database db((f.dir.path() / "platform.db").string());
  SQLite::Statement query(db,
                          "SELECT action, actor_id FROM audit_log "
                          "WHERE target_type = 'theme' ORDER BY seq");
  REQUIRE(query.executeStep());
  CHECK(query.getColumn(0).getString() == "theme.created");
  CHECK(query.getColumn(1).getString() == admin.user_id().str());
  REQUIRE(query.executeStep());
  CHECK(query.getColumn(0).getString() == "theme.published");
  CHECK_FALSE(query.executeStep());
}
