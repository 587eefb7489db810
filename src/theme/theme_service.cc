#include "shopkit/theme_service.h"

#include "common/access.h"
#include "common/audit.h"
#include "common/context.h"
#include "shopkit/json.h"
#include "storage/theme_repository.h"
#include "theme/theme_catalog.h"
#include "theme/theme_rules.h"

namespace shopkit {
namespace {

Error theme_not_found(std::string_view handle) {
  return Error(ErrorCode::not_found,
               "theme '" + std::string(handle) + "' not found", "handle");
}

storage::ThemeRecord require_theme(storage::PlatformRepositories& r,
                                   std::string_view handle) {
  std::optional<storage::ThemeRecord> record =
      r.themes().find_by_handle(handle);
  if (!record) throw theme_not_found(handle);
  return *record;
}

nlohmann::json theme_detail(const storage::ThemeRecord& record) {
  return nlohmann::json{{"handle", record.handle},
                        {"name", record.name},
                        {"version", record.version},
                        {"status", to_string(record.status)}};
}

}  // namespace

ThemeService::ThemeService(internal::Context& context) : context_(context) {
  internal::seed_themes(context_);
}

ThemeService::~ThemeService() = default;

Theme ThemeService::create_theme(const Principal& principal,
                                 const ThemeDraft& draft) {
  internal::require_super_admin(principal);
  internal::validate_theme_draft(draft);

  storage::ThemeRecord record =
      internal::new_theme_record(context_, draft, ThemeStatus::draft);
  context_.storage->write_platform([&](storage::PlatformRepositories& r) {
    r.themes().insert(record);
    internal::append_audit(r, context_, principal, "theme.created", "theme",
                           record.id.str(), theme_detail(record));
  });
  return internal::theme_from_record(record);
}

Theme ThemeService::update_theme(const Principal& principal,
                                 std::string_view handle,
                                 const ThemeDraft& draft) {
  internal::require_super_admin(principal);
  if (!draft.handle.empty() && draft.handle != handle) {
    throw Error(ErrorCode::invalid_argument,
                "a theme's handle cannot change: '" + std::string(handle) +
                    "' was given as '" + draft.handle + "'",
                "handle");
  }
  ThemeDraft checked = draft;
  checked.handle = std::string(handle);
  internal::validate_theme_draft(checked);

  storage::ThemeRecord record =
      context_.storage->write_platform([&](storage::PlatformRepositories& r) {
        storage::ThemeRecord found = require_theme(r, handle);
        if (found.status != ThemeStatus::draft) {
          throw Error(ErrorCode::failed_precondition,
                      "theme '" + found.handle + "' is " +
                          std::string(to_string(found.status)) +
                          "; only drafts can be edited, so create a new "
                          "theme for a new version",
                      "handle");
        }
        found.name = checked.name;
        found.version = checked.version;
        found.description = checked.description;
        found.manifest_json = internal::manifest_to_json_text(checked.manifest);
        found.updated_at = context_.now();
        r.themes().update(found);
        internal::append_audit(r, context_, principal, "theme.updated", "theme",
                               found.id.str(), theme_detail(found));
        return found;
      });
  return internal::theme_from_record(record);
}

Theme ThemeService::publish_theme(const Principal& principal,
                                  std::string_view handle) {
  internal::require_super_admin(principal);
  storage::ThemeRecord record =
      context_.storage->write_platform([&](storage::PlatformRepositories& r) {
        storage::ThemeRecord found = require_theme(r, handle);
        if (found.status == ThemeStatus::published) {
          throw Error(ErrorCode::failed_precondition,
                      "theme '" + found.handle + "' is already published",
                      "handle");
        }
        const ThemeStatus before = found.status;
        found.status = ThemeStatus::published;
        found.updated_at = context_.now();
        r.themes().update(found);
        nlohmann::json detail = theme_detail(found);
        detail["previous_status"] = to_string(before);
        internal::append_audit(r, context_, principal, "theme.published",
                               "theme", found.id.str(), detail);
        return found;
      });
  return internal::theme_from_record(record);
}

Theme ThemeService::retire_theme(const Principal& principal,
                                 std::string_view handle) {
  internal::require_super_admin(principal);
  storage::ThemeRecord record =
      context_.storage->write_platform([&](storage::PlatformRepositories& r) {
        storage::ThemeRecord found = require_theme(r, handle);
        if (found.status != ThemeStatus::published) {
          throw Error(ErrorCode::failed_precondition,
                      "theme '" + found.handle + "' is " +
                          std::string(to_string(found.status)) +
                          "; only a published theme can be retired",
                      "handle");
        }
        found.status = ThemeStatus::retired;
        found.updated_at = context_.now();
        r.themes().update(found);
        internal::append_audit(r, context_, principal, "theme.retired", "theme",
                               found.id.str(), theme_detail(found));
        return found;
      });
  return internal::theme_from_record(record);
}

std::vector<Theme> ThemeService::list_published_themes() {
  std::vector<storage::ThemeRecord> records =
      context_.storage->read_platform([](storage::PlatformRepositories& r) {
        return r.themes().list(ThemeStatus::published);
      });
  std::vector<Theme> themes;
  for (const auto& record : records) {
    themes.push_back(internal::theme_from_record(record));
  }
  return themes;
}

std::vector<Theme> ThemeService::list_themes(
    const Principal& principal, std::optional<ThemeStatus> status) {
  internal::require_super_admin(principal);
  std::vector<storage::ThemeRecord> records =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return r.themes().list(status);
      });
  std::vector<Theme> themes;
  for (const auto& record : records) {
    themes.push_back(internal::theme_from_record(record));
  }
  return themes;
}

Theme ThemeService::get_theme(const Principal& principal,
                              std::string_view handle) {
  storage::ThemeRecord record =
      context_.storage->read_platform([&](storage::PlatformRepositories& r) {
        return require_theme(r, handle);
      });
  if (record.status == ThemeStatus::draft && !principal.is_super_admin()) {
    throw theme_not_found(handle);
  }
  return internal::theme_from_record(record);
}

}  // namespace shopkit
