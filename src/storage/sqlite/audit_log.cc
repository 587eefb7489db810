#include "storage/audit_log.h"

#include <cstdint>
#include <limits>
#include <string>

#include "common/time_format.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

class SqliteAuditLog final : public AuditLog {
 public:
  explicit SqliteAuditLog(Connection& connection) : connection_(connection) {}

  void append(const AuditRecord& record) override {
    auto statement = connection_.prepare(
        "INSERT INTO audit_log (id, actor_id, action, target_type, "
        "target_id, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, record.id.str());
    if (record.actor_id) {
      statement->bind(2, record.actor_id->str());
    } else {
      statement->bind(2);
    }
    statement->bind(3, record.action);
    statement->bind(4, record.target_type);
    statement->bind(5, record.target_id);
    statement->bind(6, record.detail_json);
    statement->bind(7, static_cast<int64_t>(to_millis(record.created_at)));
    statement->exec();
  }

  std::vector<AuditRecord> list(const AuditFilter& filter) override {
    // Each filter is optional; a NULL parameter disables its clause, so
    // one cached statement serves every combination.
    auto statement = connection_.prepare(
        "SELECT seq, id, actor_id, action, target_type, target_id, detail, "
        "created_at FROM audit_log "
        "WHERE (?1 IS NULL OR actor_id = ?1) "
        "AND (?2 IS NULL OR target_id = ?2) "
        "AND (?3 IS NULL OR action = ?3) "
        "AND (?4 IS NULL OR created_at >= ?4) "
        "AND (?5 IS NULL OR created_at < ?5) "
        "AND (?6 = 0 OR seq < ?6) "
        "ORDER BY seq DESC LIMIT ?7");
    if (filter.actor_id) statement->bind(1, filter.actor_id->str());
    if (filter.target_id) statement->bind(2, *filter.target_id);
    if (filter.action) statement->bind(3, *filter.action);
    if (filter.from) {
      statement->bind(4, static_cast<int64_t>(to_millis(*filter.from)));
    }
    if (filter.to) {
      statement->bind(5, static_cast<int64_t>(to_millis(*filter.to)));
    }
    statement->bind(6, static_cast<int64_t>(filter.before_seq));
    statement->bind(7, filter.limit);
    std::vector<AuditRecord> records;
    while (statement->executeStep()) {
      AuditRecord record;
      record.seq = statement->getColumn(0).getInt64();
      record.id = AuditEntryId(statement->getColumn(1).getString());
      if (!statement->getColumn(2).isNull()) {
        record.actor_id = UserId(statement->getColumn(2).getString());
      }
      record.action = statement->getColumn(3).getString();
      record.target_type = statement->getColumn(4).getString();
      record.target_id = statement->getColumn(5).getString();
      record.detail_json = statement->getColumn(6).getString();
      record.created_at = from_millis(statement->getColumn(7).getInt64());
      records.push_back(std::move(record));
    }
    return records;
  }

 private:
  Connection& connection_;
};

// Returns a + b, or the int64 limit in the direction of the overflow.
std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

class SqliteOrderCounterRepository final : public OrderCounterRepository {
 public:
  explicit SqliteOrderCounterRepository(Connection& connection)
      : connection_(connection) {}

  void add(const OrderCounters& delta) override {
    auto statement = connection_.prepare(
        "INSERT INTO store_order_counters (store_id, currency, orders, "
        "paid_orders, revenue, refunded) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT (store_id, currency) DO UPDATE SET "
        "orders = orders + ?3, paid_orders = paid_orders + ?4, "
        // SQLite turns an overflowing integer sum into a REAL; MIN brings
        // it back to the largest integer, so a counter saturates.
        "revenue = MIN(revenue + ?5, 9223372036854775807), "
        "refunded = MIN(refunded + ?6, 9223372036854775807)");
    statement->bind(1, delta.store_id.str());
    statement->bind(2, delta.currency);
    statement->bind(3, static_cast<int64_t>(delta.orders));
    statement->bind(4, static_cast<int64_t>(delta.paid_orders));
    statement->bind(5, static_cast<int64_t>(delta.revenue));
    statement->bind(6, static_cast<int64_t>(delta.refunded));
    statement->exec();
  }

  std::vector<OrderCounters> list_all() override {
    auto statement = connection_.prepare(
        "SELECT store_id, currency, orders, paid_orders, revenue, refunded "
        "FROM store_order_counters ORDER BY store_id, currency");
    std::vector<OrderCounters> rows;
    while (statement->executeStep()) {
      OrderCounters row;
      row.store_id = StoreId(statement->getColumn(0).getString());
      row.currency = statement->getColumn(1).getString();
      row.orders = statement->getColumn(2).getInt64();
      row.paid_orders = statement->getColumn(3).getInt64();
      row.revenue = statement->getColumn(4).getInt64();
      row.refunded = statement->getColumn(5).getInt64();
      rows.push_back(std::move(row));
    }
    return rows;
  }

  std::vector<OrderCounters> totals_of_live_stores() override {
    // Summed here rather than with SQL SUM, which raises on overflow:
    // the figures saturate at the largest int64 instead.
    auto statement = connection_.prepare(
        "SELECT c.currency, c.orders, c.paid_orders, c.revenue, c.refunded "
        "FROM store_order_counters c JOIN stores s ON s.id = c.store_id "
        "WHERE s.status IN ('active', 'suspended') ORDER BY c.currency");
    std::vector<OrderCounters> rows;
    while (statement->executeStep()) {
      const std::string currency = statement->getColumn(0).getString();
      if (rows.empty() || rows.back().currency != currency) {
        rows.emplace_back();
        rows.back().currency = currency;
      }
      OrderCounters& row = rows.back();
      row.orders = saturating_add(row.orders, statement->getColumn(1).getInt64());
      row.paid_orders =
          saturating_add(row.paid_orders, statement->getColumn(2).getInt64());
      row.revenue =
          saturating_add(row.revenue, statement->getColumn(3).getInt64());
      row.refunded =
          saturating_add(row.refunded, statement->getColumn(4).getInt64());
    }
    return rows;
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<AuditLog> make_audit_log(Connection& connection) {
  return std::make_unique<SqliteAuditLog>(connection);
}

std::unique_ptr<OrderCounterRepository> make_order_counter_repository(
    Connection& connection) {
  return std::make_unique<SqliteOrderCounterRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
