#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteUserRepository final : public UserRepository {
 public:
  explicit SqliteUserRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<UserRepository> make_user_repository(Connection& connection) {
  return std::make_unique<SqliteUserRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
