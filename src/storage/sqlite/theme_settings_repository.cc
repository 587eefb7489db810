#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteThemeSettingsRepository final : public ThemeSettingsRepository {
 public:
  explicit SqliteThemeSettingsRepository(Connection& connection)
      : connection_(connection) {}

  std::map<std::string, std::string> all() override {
    auto statement = connection_.prepare(
        "SELECT key, value FROM theme_settings ORDER BY key");
    std::map<std::string, std::string> values;
    while (statement->executeStep()) {
      values.emplace(statement->getColumn(0).getString(),
                     statement->getColumn(1).getString());
    }
    return values;
  }

  void put(std::string_view key, std::string_view value_json) override {
    auto statement = connection_.prepare(
        "INSERT INTO theme_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement->bind(1, std::string(key));
    statement->bind(2, std::string(value_json));
    statement->exec();
  }

  void erase(std::string_view key) override {
    auto statement =
        connection_.prepare("DELETE FROM theme_settings WHERE key = ?");
    statement->bind(1, std::string(key));
    statement->exec();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<ThemeSettingsRepository> make_theme_settings_repository(
    Connection& connection) {
  return std::make_unique<SqliteThemeSettingsRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
