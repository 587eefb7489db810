// SQLite queries behind StoreReports: the dashboard's aggregates and
// the customer list, read from one store file.
#include "common/time_format.h"
#include "storage/sqlite/like_pattern.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr std::int64_t kMillisPerDay = 24 * 60 * 60 * 1000;

// The customer columns followed by figures over the customer's orders.
// An order is paid when it has paid_at; its revenue is total - refunded.
constexpr const char* kCustomerSelect =
    "SELECT c.id, c.email, c.name, c.user_id, c.created_at, "
    "(SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id), "
    "(SELECT COALESCE(SUM(o.total - o.refunded), 0) FROM orders o "
    " WHERE o.customer_id = c.id AND o.paid_at IS NOT NULL), "
    "(SELECT MAX(o.created_at) FROM orders o WHERE o.customer_id = c.id) "
    "FROM customers c ";

CustomerRow read_customer(SQLite::Statement& row) {
  CustomerRow customer;
  customer.id = CustomerId(row.getColumn(0).getString());
  customer.email = row.getColumn(1).getString();
  customer.name = row.getColumn(2).getString();
  if (!row.getColumn(3).isNull()) {
    customer.user_id = UserId(row.getColumn(3).getString());
  }
  customer.created_at = from_millis(row.getColumn(4).getInt64());
  customer.orders = row.getColumn(5).getInt64();
  customer.spent = row.getColumn(6).getInt64();
  if (!row.getColumn(7).isNull()) {
    customer.last_order_at = from_millis(row.getColumn(7).getInt64());
  }
  return customer;
}

class SqliteStoreReports final : public StoreReports {
 public:
  explicit SqliteStoreReports(Connection& connection)
      : connection_(connection) {}

  std::vector<DayTotals> totals_by_day(Timestamp from, Timestamp to) override {
    // Integer division of non-negative epoch milliseconds gives the UTC
    // day; orders before 1970 do not occur.
    auto statement = connection_.prepare(
        "SELECT created_at / ?3 AS day, COUNT(*), "
        "SUM(CASE WHEN paid_at IS NOT NULL AND refunded < total "
        "THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN paid_at IS NOT NULL THEN total - refunded ELSE 0 END) "
        "FROM orders WHERE created_at >= ?1 AND created_at < ?2 "
        "GROUP BY day ORDER BY day");
    statement->bind(1, static_cast<int64_t>(to_millis(from)));
    statement->bind(2, static_cast<int64_t>(to_millis(to)));
    statement->bind(3, static_cast<int64_t>(kMillisPerDay));
    std::vector<DayTotals> days;
    while (statement->executeStep()) {
      days.push_back(DayTotals{statement->getColumn(0).getInt64(),
                               statement->getColumn(1).getInt64(),
                               statement->getColumn(2).getInt64(),
                               statement->getColumn(3).getInt64()});
    }
    return days;
  }

  std::vector<ProductTotals> top_products(Timestamp from, Timestamp to,
                                          int limit) override {
    auto statement = connection_.prepare(
        "SELECT l.product_id, "
        "COALESCE((SELECT p.title FROM products p WHERE p.id = l.product_id),"
        " MAX(l.title)), SUM(l.quantity), SUM(l.line_total) AS revenue "
        "FROM order_lines l JOIN orders o ON o.id = l.order_id "
        "WHERE o.created_at >= ?1 AND o.created_at < ?2 "
        "AND o.paid_at IS NOT NULL AND o.refunded < o.total "
        "GROUP BY l.product_id ORDER BY revenue DESC, l.product_id LIMIT ?3");
    statement->bind(1, static_cast<int64_t>(to_millis(from)));
    statement->bind(2, static_cast<int64_t>(to_millis(to)));
    statement->bind(3, limit);
    std::vector<ProductTotals> products;
    while (statement->executeStep()) {
      products.push_back(
          ProductTotals{ProductId(statement->getColumn(0).getString()),
                        statement->getColumn(1).getString(),
                        statement->getColumn(2).getInt64(),
                        statement->getColumn(3).getInt64()});
    }
    return products;
  }

  std::vector<LowStockRow> low_stock(std::int64_t threshold,
                                     int limit) override {
    auto statement = connection_.prepare(
        "SELECT v.product_id, v.id, COALESCE(v.sku, ''), p.title, "
        "TRIM(COALESCE(v.option1, '') || COALESCE(' / ' || v.option2, '') "
        "|| COALESCE(' / ' || v.option3, '')), v.stock "
        "FROM variants v JOIN products p ON p.id = v.product_id "
        "WHERE p.status <> 'archived' AND v.stock <= ?1 "
        "ORDER BY v.stock, v.sku, v.id LIMIT ?2");
    statement->bind(1, static_cast<int64_t>(threshold));
    statement->bind(2, limit);
    std::vector<LowStockRow> rows;
    while (statement->executeStep()) {
      rows.push_back(LowStockRow{ProductId(statement->getColumn(0).getString()),
                                 VariantId(statement->getColumn(1).getString()),
                                 statement->getColumn(2).getString(),
                                 statement->getColumn(3).getString(),
                                 statement->getColumn(4).getString(),
                                 statement->getColumn(5).getInt64()});
    }
    return rows;
  }

  std::int64_t count_low_stock(std::int64_t threshold) override {
    auto statement = connection_.prepare(
        "SELECT COUNT(*) FROM variants v JOIN products p "
        "ON p.id = v.product_id "
        "WHERE p.status <> 'archived' AND v.stock <= ?1");
    statement->bind(1, static_cast<int64_t>(threshold));
    statement->executeStep();
    return statement->getColumn(0).getInt64();
  }

  std::vector<CustomerRow> customers(const CustomerFilter& filter) override {
    auto statement = connection_.prepare(
        std::string(kCustomerSelect) +
        "WHERE (?1 = '' OR c.email LIKE ?2 ESCAPE '\\' "
        "       OR c.name LIKE ?2 ESCAPE '\\') "
        "AND (?3 = '' OR c.id < ?3) ORDER BY c.id DESC LIMIT ?4");
    statement->bind(1, filter.text);
    statement->bind(2, contains_pattern(filter.text));
    statement->bind(3, filter.before_id);
    statement->bind(4, filter.limit);
    std::vector<CustomerRow> rows;
    while (statement->executeStep()) rows.push_back(read_customer(*statement));
    return rows;
  }

  std::optional<CustomerRow> customer(const CustomerId& id) override {
    auto statement = connection_.prepare(std::string(kCustomerSelect) +
                                         "WHERE c.id = ?1");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_customer(*statement);
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<StoreReports> make_store_reports(Connection& connection) {
  return std::make_unique<SqliteStoreReports>(connection);
}

}  // namespace shopkit::storage::sqlite
