#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteSessionRepository final : public SessionRepository {
 public:
  explicit SqliteSessionRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<SessionRepository> make_session_repository(Connection& connection) {
  return std::make_unique<SqliteSessionRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
