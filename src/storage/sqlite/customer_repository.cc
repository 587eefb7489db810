#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

class SqliteCustomerRepository final : public CustomerRepository {
 public:
  explicit SqliteCustomerRepository(Connection& connection)
      : connection_(connection) {}

  std::optional<CustomerRecord> find_by_email(std::string_view email) override {
    auto statement = connection_.prepare(
        "SELECT id, email, name, user_id, created_at, updated_at "
        "FROM customers WHERE email = ?");
    statement->bind(1, std::string(email));
    if (!statement->executeStep()) return std::nullopt;
    CustomerRecord customer;
    customer.id = CustomerId(statement->getColumn(0).getString());
    customer.email = statement->getColumn(1).getString();
    customer.name = statement->getColumn(2).getString();
    if (auto user = optional_text(statement->getColumn(3))) {
      customer.user_id = UserId(*user);
    }
    customer.created_at = from_millis(statement->getColumn(4).getInt64());
    customer.updated_at = from_millis(statement->getColumn(5).getInt64());
    return customer;
  }

  void insert(const CustomerRecord& customer) override {
    auto statement = connection_.prepare(
        "INSERT INTO customers (id, email, name, user_id, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?)");
    statement->bind(1, customer.id.str());
    statement->bind(2, customer.email);
    statement->bind(3, customer.name);
    bind_optional(*statement, 4,
                  customer.user_id ? std::optional(customer.user_id->str())
                                   : std::nullopt);
    statement->bind(5, static_cast<int64_t>(to_millis(customer.created_at)));
    statement->bind(6, static_cast<int64_t>(to_millis(customer.updated_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "customer '" + customer.email + "' already exists", "email");
    }
  }

  void update(const CustomerRecord& customer) override {
    auto statement = connection_.prepare(
        "UPDATE customers SET name = ?, user_id = ?, updated_at = ? "
        "WHERE id = ?");
    statement->bind(1, customer.name);
    bind_optional(*statement, 2,
                  customer.user_id ? std::optional(customer.user_id->str())
                                   : std::nullopt);
    statement->bind(3, static_cast<int64_t>(to_millis(customer.updated_at)));
    statement->bind(4, customer.id.str());
    statement->exec();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<CustomerRepository> make_customer_repository(
    Connection& connection) {
  return std::make_unique<SqliteCustomerRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
