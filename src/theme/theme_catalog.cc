#include "theme/theme_catalog.h"

#include "shopkit/json.h"
#include "storage/storage.h"

namespace shopkit::internal {
namespace {

ThemeSetting color(std::string key, std::string label, std::string value) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::color;
  setting.label = std::move(label);
  setting.default_value = std::move(value);
  return setting;
}

ThemeSetting text(std::string key, std::string label, std::string value,
                  std::int64_t max_length) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::text;
  setting.label = std::move(label);
  setting.default_value = std::move(value);
  setting.max_length = max_length;
  return setting;
}

ThemeSetting number(std::string key, std::string label, std::int64_t value,
                    std::int64_t min, std::int64_t max, std::int64_t step) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::number;
  setting.label = std::move(label);
  setting.default_value = value;
  setting.min = min;
  setting.max = max;
  setting.step = step;
  return setting;
}

ThemeSetting boolean(std::string key, std::string label, bool value) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::boolean;
  setting.label = std::move(label);
  setting.default_value = value;
  return setting;
}

ThemeSetting select(std::string key, std::string label, std::string value,
                    std::vector<std::string> choices) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::select;
  setting.label = std::move(label);
  setting.default_value = std::move(value);
  setting.choices = std::move(choices);
  return setting;
}

ThemeSetting image(std::string key, std::string label) {
  ThemeSetting setting;
  setting.key = std::move(key);
  setting.type = ThemeSettingType::image_url;
  setting.label = std::move(label);
  setting.default_value = std::string();
  return setting;
}

}  // namespace

Theme theme_from_record(const storage::ThemeRecord& record) {
  Theme theme;
  theme.id = record.id;
  theme.handle = record.handle;
  theme.name = record.name;
  theme.version = record.version;
  theme.description = record.description;
  theme.status = record.status;
  try {
    theme.manifest =
        nlohmann::json::parse(record.manifest_json).get<ThemeManifest>();
  } catch (const std::exception& error) {
    // Manifests are validated before they are written, so this is a
    // damaged or foreign platform.db.
    throw Error(ErrorCode::internal,
                "theme '" + record.handle +
                    "' has an unreadable manifest: " + error.what());
  }
  theme.created_at = record.created_at;
  theme.updated_at = record.updated_at;
  return theme;
}

storage::ThemeRecord new_theme_record(Context& context, const ThemeDraft& draft,
                                      ThemeStatus status) {
  storage::ThemeRecord record;
  record.id = ThemeId(context.new_id("thm"));
  record.handle = draft.handle;
  record.name = draft.name;
  record.version = draft.version;
  record.description = draft.description;
  record.status = status;
  record.manifest_json = manifest_to_json_text(draft.manifest);
  record.created_at = context.now();
  record.updated_at = record.created_at;
  return record;
}

std::string manifest_to_json_text(const ThemeManifest& manifest) {
  return nlohmann::json(manifest).dump();
}

std::vector<ThemeDraft> seed_theme_drafts() {
  std::vector<ThemeDraft> drafts;
  drafts.push_back(ThemeDraft{
      .name = "Classic",
      .handle = std::string(kDefaultThemeHandle),
      .version = "1.0.0",
      .description = "A clean grid of products on a light background.",
      .manifest = {{
          color("accent_color", "Accent color", "#1a73e8"),
          color("background_color", "Background color", "#ffffff"),
          color("text_color", "Text color", "#202124"),
          select("heading_font", "Heading font", "sans",
                 {"sans", "serif", "mono"}),
          number("products_per_row", "Products per row", 4, 2, 6, 1),
          boolean("show_vendor", "Show the vendor on product cards", false),
          text("announcement", "Announcement bar text", "", 120),
          image("logo_url", "Logo image"),
      }}});
  drafts.push_back(ThemeDraft{
      .name = "Bold",
      .handle = "bold",
      .version = "1.0.0",
      .description = "Large hero image, strong colors and big buttons.",
      .manifest = {{
          color("accent_color", "Accent color", "#e63946"),
          color("background_color", "Background color", "#1d3557"),
          color("text_color", "Text color", "#f1faee"),
          image("hero_image_url", "Hero image"),
          text("hero_heading", "Hero heading", "New arrivals", 80),
          select("button_style", "Button style", "pill",
                 {"rounded", "square", "pill"}),
          number("products_per_row", "Products per row", 3, 2, 4, 1),
          boolean("show_vendor", "Show the vendor on product cards", true),
      }}});
  drafts.push_back(ThemeDraft{
      .name = "Minimal",
      .handle = "minimal",
      .version = "1.0.0",
      .description = "Few colors, generous white space, serif type.",
      .manifest = {{
          color("accent_color", "Accent color", "#111"),
          color("background_color", "Background color", "#fafafa"),
          select("body_font", "Body font", "serif", {"sans", "serif"}),
          number("products_per_row", "Products per row", 3, 1, 4, 1),
          number("spacing_px", "Space between sections in pixels", 16, 0, 64,
                 8),
          boolean("show_sold_out", "Show sold-out products", true),
          image("logo_url", "Logo image"),
      }}});
  return drafts;
}

void seed_themes(Context& context) {
  std::vector<ThemeDraft> drafts = seed_theme_drafts();
  // Check with a read first, so an ordinary open takes no write lock.
  bool complete =
      context.storage->read_platform([&](storage::PlatformRepositories& r) {
        for (const ThemeDraft& draft : drafts) {
          if (!r.themes().find_by_handle(draft.handle)) return false;
        }
        return true;
      });
  if (complete) return;

  int added = 0;
  context.storage->write_platform([&](storage::PlatformRepositories& r) {
    for (const ThemeDraft& draft : drafts) {
      if (r.themes().find_by_handle(draft.handle)) continue;
      r.themes().insert(
          new_theme_record(context, draft, ThemeStatus::published));
      ++added;
    }
  });
  if (added > 0) {
    context.log.info("seeded " + std::to_string(added) + " platform themes");
  }
}

}  // namespace shopkit::internal
