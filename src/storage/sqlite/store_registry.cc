#include "storage/store_registry.h"

#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/like_pattern.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage {

std::string_view to_string(StoreStatus status) {
  switch (status) {
    case StoreStatus::active:
      return "active";
    case StoreStatus::suspended:
      return "suspended";
    case StoreStatus::deleted:
      return "deleted";
    case StoreStatus::purged:
      return "purged";
  }
  return "active";
}

StoreStatus store_status_from_string(std::string_view name) {
  if (name == "active") return StoreStatus::active;
  if (name == "suspended") return StoreStatus::suspended;
  if (name == "deleted") return StoreStatus::deleted;
  if (name == "purged") return StoreStatus::purged;
  throw Error(ErrorCode::invalid_argument,
              "unknown store status '" + std::string(name) + "'", "status");
}

namespace sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr const char* kStoreColumns =
    "id, handle, name, owner_id, currency, country, status, created_at, "
    "updated_at, deleted_at";

StoreRecord read_store(SQLite::Statement& row) {
  StoreRecord record;
  record.id = StoreId(row.getColumn(0).getString());
  record.handle = row.getColumn(1).getString();
  record.name = row.getColumn(2).getString();
  record.owner_id = UserId(row.getColumn(3).getString());
  record.currency = row.getColumn(4).getString();
  record.country = row.getColumn(5).getString();
  record.status = store_status_from_string(row.getColumn(6).getString());
  record.created_at = from_millis(row.getColumn(7).getInt64());
  record.updated_at = from_millis(row.getColumn(8).getInt64());
  if (!row.getColumn(9).isNull()) {
    record.deleted_at = from_millis(row.getColumn(9).getInt64());
  }
  return record;
}

void bind_optional_time(SQLite::Statement& statement, int index,
                        const std::optional<Timestamp>& time) {
  if (time) {
    statement.bind(index, static_cast<int64_t>(to_millis(*time)));
  } else {
    statement.bind(index);
  }
}

class SqliteStoreRegistry final : public StoreRegistry {
 public:
  explicit SqliteStoreRegistry(Connection& connection)
      : connection_(connection) {}

  void insert(const StoreRecord& record) override {
    auto statement = connection_.prepare(
        std::string("INSERT INTO stores (") + kStoreColumns +
        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, record.id.str());
    statement->bind(2, record.handle);
    statement->bind(3, record.name);
    statement->bind(4, record.owner_id.str());
    statement->bind(5, record.currency);
    statement->bind(6, record.country);
    statement->bind(7, std::string(to_string(record.status)));
    statement->bind(8, static_cast<int64_t>(to_millis(record.created_at)));
    statement->bind(9, static_cast<int64_t>(to_millis(record.updated_at)));
    bind_optional_time(*statement, 10, record.deleted_at);
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "store handle '" + record.handle + "' is already taken",
                  "handle");
    }
  }

  std::optional<StoreRecord> find(const StoreId& id) override {
    auto statement = connection_.prepare(std::string("SELECT ") +
                                         kStoreColumns +
                                         " FROM stores WHERE id = ?");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_store(*statement);
  }

  std::optional<StoreRecord> find_by_handle(std::string_view handle) override {
    auto statement = connection_.prepare(std::string("SELECT ") +
                                         kStoreColumns +
                                         " FROM stores WHERE handle = ?");
    statement->bind(1, std::string(handle));
    if (!statement->executeStep()) return std::nullopt;
    return read_store(*statement);
  }

  void update(const StoreRecord& record) override {
    auto statement = connection_.prepare(
        "UPDATE stores SET handle = ?, name = ?, owner_id = ?, currency = ?, "
        "country = ?, status = ?, updated_at = ?, deleted_at = ? "
        "WHERE id = ?");
    statement->bind(1, record.handle);
    statement->bind(2, record.name);
    statement->bind(3, record.owner_id.str());
    statement->bind(4, record.currency);
    statement->bind(5, record.country);
    statement->bind(6, std::string(to_string(record.status)));
    statement->bind(7, static_cast<int64_t>(to_millis(record.updated_at)));
    bind_optional_time(*statement, 8, record.deleted_at);
    statement->bind(9, record.id.str());
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "store handle '" + record.handle + "' is already taken",
                  "handle");
    }
  }

  std::vector<StoreRecord> list_after(std::string_view after_id,
                                      int limit) override {
    auto statement = connection_.prepare(
        std::string("SELECT ") + kStoreColumns +
        " FROM stores WHERE id > ? ORDER BY id LIMIT ?");
    statement->bind(1, std::string(after_id));
    statement->bind(2, limit);
    std::vector<StoreRecord> records;
    while (statement->executeStep()) records.push_back(read_store(*statement));
    return records;
  }

  void erase(const StoreId& id) override {
    auto statement = connection_.prepare("DELETE FROM stores WHERE id = ?");
    statement->bind(1, id.str());
    statement->exec();
  }

  std::vector<StoreRecord> search(const StoreFilter& filter) override {
    // A NULL parameter disables its clause, so one cached statement
    // serves every combination of filters.
    auto statement = connection_.prepare(
        std::string("SELECT ") + kStoreColumns +
        " FROM stores WHERE id > ?1"
        " AND (?2 = '' OR handle LIKE ?3 ESCAPE '\\'"
        "      OR name LIKE ?3 ESCAPE '\\')"
        " AND ((?4 IS NULL AND status <> 'purged') OR status = ?4)"
        " AND (?5 IS NULL OR owner_id = ?5)"
        " AND (?6 IS NULL OR deleted_at <= ?6)"
        " ORDER BY id LIMIT ?7");
    statement->bind(1, filter.after_id);
    statement->bind(2, filter.text);
    statement->bind(3, contains_pattern(filter.text));
    if (filter.status) {
      statement->bind(4, std::string(to_string(*filter.status)));
    } else {
      statement->bind(4);
    }
    if (filter.owner_id) {
      statement->bind(5, filter.owner_id->str());
    } else {
      statement->bind(5);
    }
    bind_optional_time(*statement, 6, filter.deleted_until);
    statement->bind(7, filter.limit);
    std::vector<StoreRecord> records;
    while (statement->executeStep()) records.push_back(read_store(*statement));
    return records;
  }

  std::map<StoreStatus, std::int64_t> count_by_status() override {
    auto statement = connection_.prepare(
        "SELECT status, COUNT(*) FROM stores GROUP BY status");
    std::map<StoreStatus, std::int64_t> counts;
    while (statement->executeStep()) {
      counts[store_status_from_string(statement->getColumn(0).getString())] =
          statement->getColumn(1).getInt64();
    }
    return counts;
  }

 private:
  Connection& connection_;
};

MemberRecord read_member(SQLite::Statement& row) {
  MemberRecord member;
  member.store_id = StoreId(row.getColumn(0).getString());
  member.user_id = UserId(row.getColumn(1).getString());
  member.role = store_role_from_string(row.getColumn(2).getString());
  member.created_at = from_millis(row.getColumn(3).getInt64());
  return member;
}

class SqliteMemberRepository final : public MemberRepository {
 public:
  explicit SqliteMemberRepository(Connection& connection)
      : connection_(connection) {}

  void insert(const MemberRecord& member) override {
    auto statement = connection_.prepare(
        "INSERT INTO store_members (store_id, user_id, role, created_at) "
        "VALUES (?, ?, ?, ?)");
    statement->bind(1, member.store_id.str());
    statement->bind(2, member.user_id.str());
    statement->bind(3, std::string(to_string(member.role)));
    statement->bind(4, static_cast<int64_t>(to_millis(member.created_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "user " + member.user_id.str() +
                      " is already a member of store " +
                      member.store_id.str(),
                  "user_id");
    }
  }

  std::optional<MemberRecord> find(const StoreId& store,
                                   const UserId& user) override {
    auto statement = connection_.prepare(
        "SELECT store_id, user_id, role, created_at FROM store_members "
        "WHERE store_id = ? AND user_id = ?");
    statement->bind(1, store.str());
    statement->bind(2, user.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_member(*statement);
  }

  std::vector<MemberRecord> list_for_store(const StoreId& store) override {
    auto statement = connection_.prepare(
        "SELECT store_id, user_id, role, created_at FROM store_members "
        "WHERE store_id = ? ORDER BY created_at, user_id");
    statement->bind(1, store.str());
    std::vector<MemberRecord> members;
    while (statement->executeStep()) members.push_back(read_member(*statement));
    return members;
  }

  std::vector<MemberRecord> list_for_user(const UserId& user) override {
    auto statement = connection_.prepare(
        "SELECT store_id, user_id, role, created_at FROM store_members "
        "WHERE user_id = ? ORDER BY created_at, store_id");
    statement->bind(1, user.str());
    std::vector<MemberRecord> members;
    while (statement->executeStep()) members.push_back(read_member(*statement));
    return members;
  }

  void update_role(const StoreId& store, const UserId& user,
                   StoreRole role) override {
    auto statement = connection_.prepare(
        "UPDATE store_members SET role = ? WHERE store_id = ? AND user_id = ?");
    statement->bind(1, std::string(to_string(role)));
    statement->bind(2, store.str());
    statement->bind(3, user.str());
    statement->exec();
  }

  void erase(const StoreId& store, const UserId& user) override {
    auto statement = connection_.prepare(
        "DELETE FROM store_members WHERE store_id = ? AND user_id = ?");
    statement->bind(1, store.str());
    statement->bind(2, user.str());
    statement->exec();
  }

  void erase_store(const StoreId& store) override {
    auto statement =
        connection_.prepare("DELETE FROM store_members WHERE store_id = ?");
    statement->bind(1, store.str());
    statement->exec();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<StoreRegistry> make_store_registry(Connection& connection) {
  return std::make_unique<SqliteStoreRegistry>(connection);
}

std::unique_ptr<MemberRepository> make_member_repository(
    Connection& connection) {
  return std::make_unique<SqliteMemberRepository>(connection);
}

}  // namespace sqlite
}  // namespace shopkit::storage
