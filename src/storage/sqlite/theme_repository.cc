#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr const char* kThemeColumns =
    "id, handle, name, version, description, status, manifest, created_at, "
    "updated_at";

ThemeRecord read_theme(SQLite::Statement& row) {
  ThemeRecord record;
  record.id = ThemeId(row.getColumn(0).getString());
  record.handle = row.getColumn(1).getString();
  record.name = row.getColumn(2).getString();
  record.version = row.getColumn(3).getString();
  record.description = row.getColumn(4).getString();
  record.status = theme_status_from_string(row.getColumn(5).getString());
  record.manifest_json = row.getColumn(6).getString();
  record.created_at = from_millis(row.getColumn(7).getInt64());
  record.updated_at = from_millis(row.getColumn(8).getInt64());
  return record;
}

class SqliteThemeRepository final : public ThemeRepository {
 public:
  explicit SqliteThemeRepository(Connection& connection)
      : connection_(connection) {}

  void insert(const ThemeRecord& record) override {
    auto statement = connection_.prepare(
        std::string("INSERT INTO themes (") + kThemeColumns +
        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, record.id.str());
    statement->bind(2, record.handle);
    statement->bind(3, record.name);
    statement->bind(4, record.version);
    statement->bind(5, record.description);
    statement->bind(6, std::string(to_string(record.status)));
    statement->bind(7, record.manifest_json);
    statement->bind(8, static_cast<int64_t>(to_millis(record.created_at)));
    statement->bind(9, static_cast<int64_t>(to_millis(record.updated_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "theme handle '" + record.handle + "' is already taken",
                  "handle");
    }
  }

  std::optional<ThemeRecord> find(const ThemeId& id) override {
    auto statement = connection_.prepare(
        std::string("SELECT ") + kThemeColumns + " FROM themes WHERE id = ?");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_theme(*statement);
  }

  std::optional<ThemeRecord> find_by_handle(std::string_view handle) override {
    auto statement =
        connection_.prepare(std::string("SELECT ") + kThemeColumns +
                            " FROM themes WHERE handle = ?");
    statement->bind(1, std::string(handle));
    if (!statement->executeStep()) return std::nullopt;
    return read_theme(*statement);
  }

  void update(const ThemeRecord& record) override {
    auto statement = connection_.prepare(
        "UPDATE themes SET name = ?, version = ?, description = ?, "
        "status = ?, manifest = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, record.name);
    statement->bind(2, record.version);
    statement->bind(3, record.description);
    statement->bind(4, std::string(to_string(record.status)));
    statement->bind(5, record.manifest_json);
    statement->bind(6, static_cast<int64_t>(to_millis(record.updated_at)));
    statement->bind(7, record.id.str());
    statement->exec();
  }

  std::vector<ThemeRecord> list(std::optional<ThemeStatus> status) override {
    auto statement = connection_.prepare(
        std::string("SELECT ") + kThemeColumns +
        " FROM themes WHERE (?1 IS NULL OR status = ?1) ORDER BY handle");
    if (status) statement->bind(1, std::string(to_string(*status)));
    std::vector<ThemeRecord> records;
    while (statement->executeStep()) records.push_back(read_theme(*statement));
    return records;
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<ThemeRepository> make_theme_repository(Connection& connection) {
  return std::make_unique<SqliteThemeRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
