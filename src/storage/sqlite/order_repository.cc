#include <nlohmann/json.hpp>

#include "common/time_format.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr const char* kOrderColumns =
    "id, number, status, customer_id, user_id, email, currency, subtotal, "
    "shipping, tax, total, refunded, shipping_address, created_at, "
    "updated_at, paid_at, fulfilled_at, cancelled_at";

std::string address_to_text(const Address& address) {
  return nlohmann::json{{"name", address.name},
                        {"line1", address.line1},
                        {"line2", address.line2},
                        {"city", address.city},
                        {"region", address.region},
                        {"postal_code", address.postal_code},
                        {"country", address.country},
                        {"phone", address.phone}}
      .dump();
}

Address address_from_text(const std::string& text) {
  const nlohmann::json json = nlohmann::json::parse(text);
  Address address;
  auto read = [&json](const char* key) {
    return json.value(key, std::string());
  };
  address.name = read("name");
  address.line1 = read("line1");
  address.line2 = read("line2");
  address.city = read("city");
  address.region = read("region");
  address.postal_code = read("postal_code");
  address.country = read("country");
  address.phone = read("phone");
  return address;
}

std::optional<Timestamp> optional_time(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return from_millis(column.getInt64());
}

void bind_optional_time(SQLite::Statement& statement, int index,
                        const std::optional<Timestamp>& time) {
  if (time) {
    statement.bind(index, static_cast<int64_t>(to_millis(*time)));
  } else {
    statement.bind(index);
  }
}

Order read_order_row(SQLite::Statement& row) {
  Order order;
  order.id = OrderId(row.getColumn(0).getString());
  order.number = row.getColumn(1).getInt64();
  order.status = order_status_from_string(row.getColumn(2).getString());
  order.customer_id = CustomerId(row.getColumn(3).getString());
  if (auto user = optional_text(row.getColumn(4))) order.user_id = UserId(*user);
  order.email = row.getColumn(5).getString();
  const std::string currency = row.getColumn(6).getString();
  order.subtotal = Money(row.getColumn(7).getInt64(), currency);
  order.shipping = Money(row.getColumn(8).getInt64(), currency);
  order.tax = Money(row.getColumn(9).getInt64(), currency);
  order.total = Money(row.getColumn(10).getInt64(), currency);
  order.refunded = Money(row.getColumn(11).getInt64(), currency);
  order.shipping_address = address_from_text(row.getColumn(12).getString());
  order.created_at = from_millis(row.getColumn(13).getInt64());
  order.updated_at = from_millis(row.getColumn(14).getInt64());
  order.paid_at = optional_time(row.getColumn(15));
  order.fulfilled_at = optional_time(row.getColumn(16));
  order.cancelled_at = optional_time(row.getColumn(17));
  return order;
}

class SqliteOrderRepository final : public OrderRepository {
 public:
  explicit SqliteOrderRepository(Connection& connection)
      : connection_(connection) {}

  std::int64_t next_number() override {
    auto statement =
        connection_.prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM orders");
    statement->executeStep();
    return statement->getColumn(0).getInt64();
  }

  void insert(const Order& order) override {
    {
      auto statement = connection_.prepare(
          std::string("INSERT INTO orders (") + kOrderColumns +
          ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      statement->bind(1, order.id.str());
      statement->bind(2, static_cast<int64_t>(order.number));
      statement->bind(3, std::string(to_string(order.status)));
      statement->bind(4, order.customer_id.str());
      bind_optional(*statement, 5,
                    order.user_id ? std::optional(order.user_id->str())
                                  : std::nullopt);
      statement->bind(6, order.email);
      statement->bind(7, order.total.currency());
      statement->bind(8, static_cast<int64_t>(order.subtotal.minor_units()));
      statement->bind(9, static_cast<int64_t>(order.shipping.minor_units()));
      statement->bind(10, static_cast<int64_t>(order.tax.minor_units()));
      statement->bind(11, static_cast<int64_t>(order.total.minor_units()));
      statement->bind(12, static_cast<int64_t>(order.refunded.minor_units()));
      statement->bind(13, address_to_text(order.shipping_address));
      statement->bind(14, static_cast<int64_t>(to_millis(order.created_at)));
      statement->bind(15, static_cast<int64_t>(to_millis(order.updated_at)));
      bind_optional_time(*statement, 16, order.paid_at);
      bind_optional_time(*statement, 17, order.fulfilled_at);
      bind_optional_time(*statement, 18, order.cancelled_at);
      statement->exec();
    }
    for (std::size_t i = 0; i < order.lines.size(); ++i) {
      const OrderLine& line = order.lines[i];
      auto statement = connection_.prepare(
          "INSERT INTO order_lines (order_id, line_no, product_id, "
          "variant_id, sku, title, variant_title, unit_price, quantity, "
          "line_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      statement->bind(1, order.id.str());
      statement->bind(2, static_cast<int>(i) + 1);
      statement->bind(3, line.product_id.str());
      statement->bind(4, line.variant_id.str());
      bind_text_or_null(*statement, 5, line.sku);
      statement->bind(6, line.title);
      statement->bind(7, line.variant_title);
      statement->bind(8, static_cast<int64_t>(line.unit_price.minor_units()));
      statement->bind(9, static_cast<int64_t>(line.quantity));
      statement->bind(10, static_cast<int64_t>(line.line_total.minor_units()));
      statement->exec();
    }
  }

  std::optional<Order> find(const OrderId& id) override {
    Order order;
    {
      auto statement = connection_.prepare(std::string("SELECT ") +
                                           kOrderColumns +
                                           " FROM orders WHERE id = ?");
      statement->bind(1, id.str());
      if (!statement->executeStep()) return std::nullopt;
      order = read_order_row(*statement);
    }
    load_children(order);
    return order;
  }

  void update_state(const Order& order) override {
    auto statement = connection_.prepare(
        "UPDATE orders SET status = ?, refunded = ?, updated_at = ?, "
        "paid_at = ?, fulfilled_at = ?, cancelled_at = ? WHERE id = ?");
    statement->bind(1, std::string(to_string(order.status)));
    statement->bind(2, static_cast<int64_t>(order.refunded.minor_units()));
    statement->bind(3, static_cast<int64_t>(to_millis(order.updated_at)));
    bind_optional_time(*statement, 4, order.paid_at);
    bind_optional_time(*statement, 5, order.fulfilled_at);
    bind_optional_time(*statement, 6, order.cancelled_at);
    statement->bind(7, order.id.str());
    statement->exec();
  }

  void insert_refund(const OrderId& order, const Refund& refund) override {
    auto statement = connection_.prepare(
        "INSERT INTO refunds (id, order_id, amount, reason, actor_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)");
    statement->bind(1, refund.id);
    statement->bind(2, order.str());
    statement->bind(3, static_cast<int64_t>(refund.amount.minor_units()));
    statement->bind(4, refund.reason);
    bind_optional(*statement, 5,
                  refund.actor_id ? std::optional(refund.actor_id->str())
                                  : std::nullopt);
    statement->bind(6, static_cast<int64_t>(to_millis(refund.created_at)));
    statement->exec();
  }

  std::vector<Order> list(const OrderListQuery& query) override {
    std::string sql = std::string("SELECT ") + kOrderColumns +
                      " FROM orders WHERE 1";
    if (query.status) sql += " AND status = :status";
    if (query.user_id) sql += " AND user_id = :user";
    if (query.customer_id) sql += " AND customer_id = :customer";
    if (query.before_number > 0) sql += " AND number < :before";
    sql += " ORDER BY number DESC LIMIT :limit";
    std::vector<Order> orders;
    {
      auto statement = connection_.prepare(sql);
      if (query.status) {
        statement->bind(":status", std::string(to_string(*query.status)));
      }
      if (query.user_id) statement->bind(":user", query.user_id->str());
      if (query.customer_id) {
        statement->bind(":customer", query.customer_id->str());
      }
      if (query.before_number > 0) {
        statement->bind(":before", static_cast<int64_t>(query.before_number));
      }
      statement->bind(":limit", query.limit);
      while (statement->executeStep()) {
        orders.push_back(read_order_row(*statement));
      }
    }
    for (Order& order : orders) load_children(order);
    return orders;
  }

  bool any() override {
    auto statement = connection_.prepare("SELECT EXISTS (SELECT 1 FROM orders)");
    statement->executeStep();
    return statement->getColumn(0).getInt() != 0;
  }

  std::optional<IdempotencyRecord> find_idempotency_key(
      std::string_view buyer, std::string_view key) override {
    auto statement = connection_.prepare(
        "SELECT request_hash, order_id FROM idempotency_keys "
        "WHERE buyer = ? AND key = ?");
    statement->bind(1, std::string(buyer));
    statement->bind(2, std::string(key));
    if (!statement->executeStep()) return std::nullopt;
    const SQLite::Column hash = statement->getColumn(0);
    return IdempotencyRecord{
        std::string(static_cast<const char*>(hash.getBlob()),
                    static_cast<std::size_t>(hash.getBytes())),
        OrderId(statement->getColumn(1).getString())};
  }

  void insert_idempotency_key(std::string_view buyer, std::string_view key,
                              const IdempotencyRecord& record,
                              Timestamp created_at) override {
    auto statement = connection_.prepare(
        "INSERT INTO idempotency_keys (buyer, key, request_hash, order_id, "
        "created_at) VALUES (?, ?, ?, ?, ?)");
    statement->bind(1, std::string(buyer));
    statement->bind(2, std::string(key));
    statement->bind(3, record.request_hash.data(),
                    static_cast<int>(record.request_hash.size()));
    statement->bind(4, record.order_id.str());
    statement->bind(5, static_cast<int64_t>(to_millis(created_at)));
    statement->exec();
  }

 private:
  void load_children(Order& order) {
    const std::string& currency = order.total.currency();
    {
      auto statement = connection_.prepare(
          "SELECT product_id, variant_id, sku, title, variant_title, "
          "unit_price, quantity, line_total FROM order_lines "
          "WHERE order_id = ? ORDER BY line_no");
      statement->bind(1, order.id.str());
      while (statement->executeStep()) {
        OrderLine line;
        line.product_id = ProductId(statement->getColumn(0).getString());
        line.variant_id = VariantId(statement->getColumn(1).getString());
        line.sku = text_or_empty(statement->getColumn(2));
        line.title = statement->getColumn(3).getString();
        line.variant_title = statement->getColumn(4).getString();
        line.unit_price = Money(statement->getColumn(5).getInt64(), currency);
        line.quantity = statement->getColumn(6).getInt64();
        line.line_total = Money(statement->getColumn(7).getInt64(), currency);
        order.lines.push_back(std::move(line));
      }
    }
    auto statement = connection_.prepare(
        "SELECT id, amount, reason, actor_id, created_at FROM refunds "
        "WHERE order_id = ? ORDER BY created_at, id");
    statement->bind(1, order.id.str());
    while (statement->executeStep()) {
      Refund refund;
      refund.id = statement->getColumn(0).getString();
      refund.amount = Money(statement->getColumn(1).getInt64(), currency);
      refund.reason = statement->getColumn(2).getString();
      if (auto actor = optional_text(statement->getColumn(3))) {
        refund.actor_id = UserId(*actor);
      }
      refund.created_at = from_millis(statement->getColumn(4).getInt64());
      order.refunds.push_back(std::move(refund));
    }
  }

  Connection& connection_;
};

}  // namespace

std::unique_ptr<OrderRepository> make_order_repository(Connection& connection) {
  return std::make_unique<SqliteOrderRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
