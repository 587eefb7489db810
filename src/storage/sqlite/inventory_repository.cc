#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteInventoryRepository final : public InventoryRepository {
 public:
  explicit SqliteInventoryRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<InventoryRepository> make_inventory_repository(Connection& connection) {
  return std::make_unique<SqliteInventoryRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
