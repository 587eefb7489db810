#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteThemeSettingsRepository final : public ThemeSettingsRepository {
 public:
  explicit SqliteThemeSettingsRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<ThemeSettingsRepository> make_theme_settings_repository(Connection& connection) {
  return std::make_unique<SqliteThemeSettingsRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
