#include "common/time_format.h"
#include "storage/sqlite/repositories.h"
#include "storage/sqlite/sql_values.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

StockLevel read_stock(SQLite::Statement& row) {
  StockLevel level;
  level.variant_id = VariantId(row.getColumn(0).getString());
  level.product_id = ProductId(row.getColumn(1).getString());
  level.sku = text_or_empty(row.getColumn(2));
  level.stock = row.getColumn(3).getInt64();
  level.allow_backorder = row.getColumn(4).getInt() != 0;
  return level;
}

class SqliteInventoryRepository final : public InventoryRepository {
 public:
  explicit SqliteInventoryRepository(Connection& connection)
      : connection_(connection) {}

  std::optional<StockLevel> find_by_sku(std::string_view sku) override {
    auto statement = connection_.prepare(
        "SELECT id, product_id, sku, stock, allow_backorder FROM variants "
        "WHERE sku = ?");
    statement->bind(1, std::string(sku));
    if (!statement->executeStep()) return std::nullopt;
    return read_stock(*statement);
  }

  std::optional<StockLevel> find(const VariantId& id) override {
    auto statement = connection_.prepare(
        "SELECT id, product_id, sku, stock, allow_backorder FROM variants "
        "WHERE id = ?");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_stock(*statement);
  }

  std::optional<std::int64_t> add(const VariantId& id,
                                  std::int64_t delta) override {
    // The condition keeps a variant without backorders at zero or above
    // even if the caller's read of the stock is stale.
    auto statement = connection_.prepare(
        "UPDATE variants SET stock = stock + ?1 WHERE id = ?2 "
        "AND (allow_backorder = 1 OR stock + ?1 >= 0) RETURNING stock");
    statement->bind(1, static_cast<int64_t>(delta));
    statement->bind(2, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return statement->getColumn(0).getInt64();
  }

  void set(const VariantId& id, std::int64_t stock) override {
    auto statement =
        connection_.prepare("UPDATE variants SET stock = ? WHERE id = ?");
    statement->bind(1, static_cast<int64_t>(stock));
    statement->bind(2, id.str());
    statement->exec();
  }

  void append(const LedgerEntry& entry) override {
    auto statement = connection_.prepare(
        "INSERT INTO inventory_ledger (variant_id, sku, delta, stock_after, "
        "reason, order_id, actor_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, entry.variant_id.str());
    bind_text_or_null(*statement, 2, entry.sku);
    statement->bind(3, static_cast<int64_t>(entry.delta));
    statement->bind(4, static_cast<int64_t>(entry.stock_after));
    statement->bind(5, entry.reason);
    bind_optional(*statement, 6,
                  entry.order_id ? std::optional(entry.order_id->str())
                                 : std::nullopt);
    bind_optional(*statement, 7,
                  entry.actor_id ? std::optional(entry.actor_id->str())
                                 : std::nullopt);
    statement->bind(8, static_cast<int64_t>(to_millis(entry.created_at)));
    statement->exec();
  }

  void append_initial_stock(std::string_view reason,
                            const std::optional<UserId>& actor) override {
    // Variants is a rowid table, so rowid order is insertion order.
    auto statement = connection_.prepare(
        "INSERT INTO inventory_ledger (variant_id, sku, delta, stock_after, "
        "reason, order_id, actor_id, created_at) "
        "SELECT id, sku, stock, stock, ?1, NULL, ?2, created_at "
        "FROM variants WHERE stock <> 0 ORDER BY rowid");
    statement->bind(1, std::string(reason));
    bind_optional(*statement, 2,
                  actor ? std::optional(actor->str()) : std::nullopt);
    statement->exec();
  }

  std::vector<LedgerEntry> list(const LedgerQuery& query) override {
    std::string sql =
        "SELECT seq, variant_id, sku, delta, stock_after, reason, order_id, "
        "actor_id, created_at FROM inventory_ledger WHERE 1";
    if (query.variant_id) sql += " AND variant_id = :variant";
    if (query.before_seq > 0) sql += " AND seq < :before";
    sql += " ORDER BY seq DESC LIMIT :limit";
    auto statement = connection_.prepare(sql);
    if (query.variant_id) statement->bind(":variant", query.variant_id->str());
    if (query.before_seq > 0) {
      statement->bind(":before", static_cast<int64_t>(query.before_seq));
    }
    statement->bind(":limit", query.limit);
    std::vector<LedgerEntry> entries;
    while (statement->executeStep()) {
      LedgerEntry entry;
      entry.seq = statement->getColumn(0).getInt64();
      entry.variant_id = VariantId(statement->getColumn(1).getString());
      entry.sku = text_or_empty(statement->getColumn(2));
      entry.delta = statement->getColumn(3).getInt64();
      entry.stock_after = statement->getColumn(4).getInt64();
      entry.reason = statement->getColumn(5).getString();
      if (auto order = optional_text(statement->getColumn(6))) {
        entry.order_id = OrderId(*order);
      }
      if (auto actor = optional_text(statement->getColumn(7))) {
        entry.actor_id = UserId(*actor);
      }
      entry.created_at = from_millis(statement->getColumn(8).getInt64());
      entries.push_back(std::move(entry));
    }
    return entries;
  }

  std::int64_t ledger_sum(const VariantId& id) override {
    auto statement = connection_.prepare(
        "SELECT COALESCE(SUM(delta), 0) FROM inventory_ledger "
        "WHERE variant_id = ?");
    statement->bind(1, id.str());
    statement->executeStep();
    return statement->getColumn(0).getInt64();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<InventoryRepository> make_inventory_repository(
    Connection& connection) {
  return std::make_unique<SqliteInventoryRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
