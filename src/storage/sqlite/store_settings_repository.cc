#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteStoreSettingsRepository final : public StoreSettingsRepository {
 public:
  explicit SqliteStoreSettingsRepository(Connection& connection)
      : connection_(connection) {}

  std::optional<std::string> get(std::string_view key) override {
    auto statement =
        connection_.prepare("SELECT value FROM store_settings WHERE key = ?");
    statement->bind(1, std::string(key));
    if (!statement->executeStep()) return std::nullopt;
    return statement->getColumn(0).getString();
  }

  void put(std::string_view key, std::string_view value) override {
    auto statement = connection_.prepare(
        "INSERT INTO store_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    statement->bind(1, std::string(key));
    statement->bind(2, std::string(value));
    statement->exec();
  }

  void erase(std::string_view key) override {
    auto statement =
        connection_.prepare("DELETE FROM store_settings WHERE key = ?");
    statement->bind(1, std::string(key));
    statement->exec();
  }

  std::map<std::string, std::string> all() override {
    auto statement = connection_.prepare(
        "SELECT key, value FROM store_settings ORDER BY key");
    std::map<std::string, std::string> values;
    while (statement->executeStep()) {
      values.emplace(statement->getColumn(0).getString(),
                     statement->getColumn(1).getString());
    }
    return values;
  }

  std::string file_store_id() override {
    auto statement = connection_.prepare(
        "SELECT value FROM store_meta WHERE key = 'store_id'");
    if (!statement->executeStep()) return {};
    return statement->getColumn(0).getString();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<StoreSettingsRepository> make_store_settings_repository(
    Connection& connection) {
  return std::make_unique<SqliteStoreSettingsRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
