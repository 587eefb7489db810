#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteOrderRepository final : public OrderRepository {
 public:
  explicit SqliteOrderRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<OrderRepository> make_order_repository(Connection& connection) {
  return std::make_unique<SqliteOrderRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
