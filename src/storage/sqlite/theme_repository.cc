#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteThemeRepository final : public ThemeRepository {
 public:
  explicit SqliteThemeRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<ThemeRepository> make_theme_repository(Connection& connection) {
  return std::make_unique<SqliteThemeRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
