#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

class SqliteCustomerRepository final : public CustomerRepository {
 public:
  explicit SqliteCustomerRepository(Connection& connection) : connection_(connection) {}

 private:
  [[maybe_unused]] Connection& connection_;
};

}  // namespace

std::unique_ptr<CustomerRepository> make_customer_repository(Connection& connection) {
  return std::make_unique<SqliteCustomerRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
