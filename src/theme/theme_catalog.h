// Internal helpers around the theme catalog: converting rows to themes,
// the seeded themes, and the default theme of a store that chose none.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/context.h"
#include "shopkit/theme_service.h"
#include "storage/theme_repository.h"

namespace shopkit::internal {

// The theme a store uses until it applies another; one of the seeds.
inline constexpr std::string_view kDefaultThemeHandle = "classic";

Theme theme_from_record(const storage::ThemeRecord& record);

// Builds the row of a new theme from a checked draft, with a fresh id
// and the current time.
storage::ThemeRecord new_theme_record(Context& context, const ThemeDraft& draft,
                                      ThemeStatus status);
std::string manifest_to_json_text(const ThemeManifest& manifest);

// The themes every data folder starts with, all valid drafts.
std::vector<ThemeDraft> seed_theme_drafts();

// Inserts each seeded theme, published, whose handle is missing. One
// platform write, so two processes opening a new folder at once insert
// each seed once.
void seed_themes(Context& context);

}  // namespace shopkit::internal
