#include <doctest/doctest.h>

#include <string>

#include "support/panels_fixture.h"

using shopkit::ErrorCode;
using shopkit::StoreRole;
using shopkit::ThemeSettingChanges;
using shopkit::ThemeSettingValue;
using shopkit::testing::error_of;
using shopkit::testing::PanelsFixture;

namespace {

struct StoreFixture : PanelsFixture {
  shopkit::Principal owner = make_merchant();
  shopkit::StoreId store = make_store(owner, "corner-shop");
  shopkit::AdminService& admin = platform.admin();
};

}  // namespace

TEST_CASE("new store uses classic with defaults") {
  StoreFixture f;
  auto theme = f.admin.get_store_theme(f.owner, f.store);
  CHECK(theme.theme.handle == "classic");
  CHECK(theme.settings.at("accent_color") ==
        ThemeSettingValue(std::string("#1a73e8")));
  CHECK(theme.settings.at("products_per_row") ==
        ThemeSettingValue(std::int64_t{4}));
  CHECK(theme.settings.size() == theme.theme.manifest.settings.size());
}

TEST_CASE("changed settings merge with defaults") {
  StoreFixture f;
  auto theme = f.admin.update_theme_settings(
      f.owner, f.store,
      {{"accent_color", std::string("#ff0000")}, {"show_vendor", true}});
  CHECK(theme.settings.at("accent_color") ==
        ThemeSettingValue(std::string("#ff0000")));
  CHECK(theme.settings.at("show_vendor") == ThemeSettingValue(true));
  CHECK(theme.settings.at("text_color") ==
        ThemeSettingValue(std::string("#202124")));
  auto again = f.admin.get_store_theme(f.owner, f.store);
  CHECK(again.settings == theme.settings);
}

TEST_CASE("null change resets to the default") {
  StoreFixture f;
  f.admin.update_theme_settings(f.owner, f.store,
                                {{"products_per_row", std::int64_t{6}}});
  auto theme = f.admin.update_theme_settings(
      f.owner, f.store, {{"products_per_row", std::nullopt}});
  CHECK(theme.settings.at("products_per_row") ==
        ThemeSettingValue(std::int64_t{4}));
}

TEST_CASE("invalid setting names key and rule") {
  StoreFixture f;
  auto error = error_of([&] {
    f.admin.update_theme_settings(f.owner, f.store,
                                  {{"products_per_row", std::int64_t{7}}});
  });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "settings.products_per_row");
  std::string message = error.what();
  CHECK(message.find("'products_per_row'") != std::string::npos);
  CHECK(message.find("(max)") != std::string::npos);
}

TEST_CASE("unknown key and wrong type are rejected") {
  StoreFixture f;
  auto unknown = error_of([&] {
    f.admin.update_theme_settings(f.owner, f.store,
                                  {{"hero_heading", std::string("Hi")}});
  });
  CHECK(unknown.code() == ErrorCode::invalid_argument);
  CHECK(unknown.field() == "settings.hero_heading");
  auto wrong = error_of([&] {
    f.admin.update_theme_settings(f.owner, f.store,
                                  {{"show_vendor", std::string("yes")}});
  });
  CHECK(wrong.field() == "settings.show_vendor");
}

TEST_CASE("failed change leaves every value alone") {
  StoreFixture f;
  ThemeSettingChanges changes{{"accent_color", std::string("#00ff00")},
                              {"logo_url", std::string("ftp://x/y.png")}};
  auto error = error_of(
      [&] { f.admin.update_theme_settings(f.owner, f.store, changes); });
  CHECK(error.field() == "settings.logo_url");
  auto theme = f.admin.get_store_theme(f.owner, f.store);
  CHECK(theme.settings.at("accent_color") ==
        ThemeSettingValue(std::string("#1a73e8")));
}

TEST_CASE("switching themes keeps shared valid keys") {
  StoreFixture f;
  f.admin.update_theme_settings(f.owner, f.store,
                                {{"accent_color", std::string("#123456")},
                                 {"products_per_row", std::int64_t{6}},
                                 {"announcement", std::string("Sale")}});
  auto bold = f.admin.apply_theme(f.owner, f.store, "bold");
  CHECK(bold.theme.handle == "bold");
  // Shared and valid under bold: kept.
  CHECK(bold.settings.at("accent_color") ==
        ThemeSettingValue(std::string("#123456")));
  // Shared but above bold's max of 4: dropped for bold's default.
  CHECK(bold.settings.at("products_per_row") ==
        ThemeSettingValue(std::int64_t{3}));
  CHECK(bold.settings.count("announcement") == 0);

  auto back = f.admin.apply_theme(f.owner, f.store, "classic");
  CHECK(back.settings.at("accent_color") ==
        ThemeSettingValue(std::string("#123456")));
  // Classic-only keys were dropped by the switch to bold.
  CHECK(back.settings.at("announcement") == ThemeSettingValue(std::string()));
}

TEST_CASE("retired theme keeps working where applied") {
  StoreFixture f;
  auto super_admin = f.make_super_admin();
  f.admin.apply_theme(f.owner, f.store, "minimal");
  f.platform.themes().retire_theme(super_admin, "minimal");

  auto theme = f.admin.get_store_theme(f.owner, f.store);
  CHECK(theme.theme.handle == "minimal");
  auto changed = f.admin.update_theme_settings(
      f.owner, f.store, {{"spacing_px", std::int64_t{24}}});
  CHECK(changed.settings.at("spacing_px") ==
        ThemeSettingValue(std::int64_t{24}));
  CHECK_NOTHROW(f.admin.apply_theme(f.owner, f.store, "minimal"));
}

TEST_CASE("retired theme cannot be newly applied") {
  StoreFixture f;
  auto super_admin = f.make_super_admin();
  f.platform.themes().retire_theme(super_admin, "bold");
  auto error = error_of([&] { f.admin.apply_theme(f.owner, f.store, "bold"); });
  CHECK(error.code() == ErrorCode::failed_precondition);
  CHECK(f.admin.get_store_theme(f.owner, f.store).theme.handle == "classic");
}

TEST_CASE("draft and unknown themes are not_found") {
  StoreFixture f;
  auto super_admin = f.make_super_admin();
  shopkit::ThemeDraft draft{.name = "Draft",
                            .handle = "draft",
                            .version = "1",
                            .description = "",
                            .manifest = {}};
  f.platform.themes().create_theme(super_admin, draft);
  CHECK(error_of([&] {
          f.admin.apply_theme(f.owner, f.store, "draft");
        }).code() == ErrorCode::not_found);
  CHECK(error_of([&] {
          f.admin.apply_theme(f.owner, f.store, "nope");
        }).code() == ErrorCode::not_found);
}

TEST_CASE("staff read the theme but cannot change it") {
  StoreFixture f;
  auto staff = f.make_merchant();
  f.add_member(f.store, f.owner, staff, StoreRole::staff);
  CHECK(f.admin.get_store_theme(staff, f.store).theme.handle == "classic");
  CHECK(error_of([&] { f.admin.apply_theme(staff, f.store, "bold"); }).code() ==
        ErrorCode::permission_denied);
  CHECK(
      error_of([&] {
        f.admin.update_theme_settings(staff, f.store, {{"show_vendor", true}});
      }).code() == ErrorCode::permission_denied);
}

TEST_CASE("manager changes the theme") {
  StoreFixture f;
  auto manager = f.make_merchant();
  f.add_member(f.store, f.owner, manager, StoreRole::manager);
  CHECK(f.admin.apply_theme(manager, f.store, "bold").theme.handle == "bold");
}

TEST_CASE("non member gets not_found like a missing store") {
  StoreFixture f;
  auto stranger = f.make_merchant();
  auto hidden = error_of([&] { f.admin.get_store_theme(stranger, f.store); });
  auto missing = error_of([&] {
    f.admin.get_store_theme(stranger,
                            shopkit::StoreId("sto_00000000000000000000000000"));
  });
  CHECK(hidden.code() == ErrorCode::not_found);
  CHECK(missing.code() == ErrorCode::not_found);
  CHECK(std::string(hidden.what()).find("not found") != std::string::npos);
  CHECK(error_of([&] {
          f.admin.apply_theme(stranger, f.store, "bold");
        }).code() == ErrorCode::not_found);
}
