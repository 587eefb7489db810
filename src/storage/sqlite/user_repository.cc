#include "storage/user_repository.h"

#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

constexpr const char* kUserColumns =
    "id, email, email_normalized, name, role, status, password_hash, "
    "email_verified_at, created_at, updated_at";

UserRecord read_user(SQLite::Statement& row) {
  UserRecord user;
  user.id = UserId(row.getColumn(0).getString());
  user.email = row.getColumn(1).getString();
  user.email_normalized = row.getColumn(2).getString();
  user.name = row.getColumn(3).getString();
  user.role = platform_role_from_string(row.getColumn(4).getString());
  user.status = user_status_from_string(row.getColumn(5).getString());
  user.password_hash = row.getColumn(6).getString();
  if (!row.getColumn(7).isNull()) {
    user.email_verified_at = from_millis(row.getColumn(7).getInt64());
  }
  user.created_at = from_millis(row.getColumn(8).getInt64());
  user.updated_at = from_millis(row.getColumn(9).getInt64());
  return user;
}

// Escapes LIKE's wildcards so a search for "a_b" matches only "a_b".
std::string like_pattern(std::string_view query) {
  std::string pattern = "%";
  for (char c : query) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

void bind_optional_millis(SQLite::Statement& statement, int index,
                          const std::optional<Timestamp>& time) {
  if (time) {
    statement.bind(index, static_cast<int64_t>(to_millis(*time)));
  } else {
    statement.bind(index);
  }
}

class SqliteUserRepository final : public UserRepository {
 public:
  explicit SqliteUserRepository(Connection& connection)
      : connection_(connection) {}

  void insert(const UserRecord& user) override {
    auto statement = connection_.prepare(
        std::string("INSERT INTO users (") + kUserColumns +
        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    statement->bind(1, user.id.str());
    statement->bind(2, user.email);
    statement->bind(3, user.email_normalized);
    statement->bind(4, user.name);
    statement->bind(5, std::string(to_string(user.role)));
    statement->bind(6, std::string(to_string(user.status)));
    statement->bind(7, user.password_hash);
    if (user.email_verified_at) {
      statement->bind(8, static_cast<int64_t>(to_millis(*user.email_verified_at)));
    } else {
      statement->bind(8);
    }
    statement->bind(9, static_cast<int64_t>(to_millis(user.created_at)));
    statement->bind(10, static_cast<int64_t>(to_millis(user.updated_at)));
    try {
      statement->exec();
    } catch (const SQLite::Exception& error) {
      if (!is_unique_violation(error)) throw;
      throw Error(ErrorCode::already_exists,
                  "email '" + user.email + "' is already registered",
                  "email");
    }
  }

  std::optional<UserRecord> find(const UserId& id) override {
    auto statement = connection_.prepare(
        std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_user(*statement);
  }

  std::optional<UserRecord> find_by_email(
      std::string_view email_normalized) override {
    auto statement =
        connection_.prepare(std::string("SELECT ") + kUserColumns +
                            " FROM users WHERE email_normalized = ?");
    statement->bind(1, std::string(email_normalized));
    if (!statement->executeStep()) return std::nullopt;
    return read_user(*statement);
  }

  bool update_password_hash(const UserId& id, std::string_view hash,
                            Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, std::string(hash));
    statement->bind(2, static_cast<int64_t>(to_millis(now)));
    statement->bind(3, id.str());
    return statement->exec() > 0;
  }

  bool update_status(const UserId& id, UserStatus status,
                     Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE users SET status = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, std::string(to_string(status)));
    statement->bind(2, static_cast<int64_t>(to_millis(now)));
    statement->bind(3, id.str());
    return statement->exec() > 0;
  }

  bool update_role(const UserId& id, PlatformRole role,
                   Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE users SET role = ?, updated_at = ? WHERE id = ?");
    statement->bind(1, std::string(to_string(role)));
    statement->bind(2, static_cast<int64_t>(to_millis(now)));
    statement->bind(3, id.str());
    return statement->exec() > 0;
  }

  bool mark_email_verified(const UserId& id, Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE users SET email_verified_at = ?, updated_at = ? "
        "WHERE id = ?");
    statement->bind(1, static_cast<int64_t>(to_millis(now)));
    statement->bind(2, static_cast<int64_t>(to_millis(now)));
    statement->bind(3, id.str());
    return statement->exec() > 0;
  }

  bool mark_deleted(const UserId& id, Timestamp now) override {
    // An id never contains '@', so no registered address equals it.
    auto statement = connection_.prepare(
        "UPDATE users SET status = 'deleted', "
        "email_normalized = 'deleted:' || id, updated_at = ? WHERE id = ?");
    statement->bind(1, static_cast<int64_t>(to_millis(now)));
    statement->bind(2, id.str());
    return statement->exec() > 0;
  }

  bool exists_with_role(PlatformRole role) override {
    auto statement = connection_.prepare(
        "SELECT 1 FROM users WHERE role = ? AND status <> 'deleted' LIMIT 1");
    statement->bind(1, std::string(to_string(role)));
    return statement->executeStep();
  }

  std::vector<UserRecord> list(const UserFilter& filter) override {
    auto statement = connection_.prepare(
        std::string("SELECT ") + kUserColumns +
        " FROM users WHERE id > ?1"
        " AND (?2 = '' OR email_normalized LIKE ?3 ESCAPE '\\'"
        "      OR name LIKE ?3 ESCAPE '\\')"
        " AND (?4 IS NULL OR role = ?4) AND (?5 IS NULL OR status = ?5)"
        " AND (?7 IS NULL OR created_at >= ?7)"
        " AND (?8 IS NULL OR created_at < ?8)"
        " ORDER BY id LIMIT ?6");
    statement->bind(1, filter.after_id);
    statement->bind(2, filter.query);
    statement->bind(3, like_pattern(filter.query));
    if (filter.role) {
      statement->bind(4, std::string(to_string(*filter.role)));
    } else {
      statement->bind(4);
    }
    if (filter.status) {
      statement->bind(5, std::string(to_string(*filter.status)));
    } else {
      statement->bind(5);
    }
    statement->bind(6, filter.limit);
    bind_optional_millis(*statement, 7, filter.created_from);
    bind_optional_millis(*statement, 8, filter.created_to);
    std::vector<UserRecord> users;
    while (statement->executeStep()) users.push_back(read_user(*statement));
    return users;
  }

  std::map<PlatformRole, std::int64_t> count_by_role() override {
    auto statement = connection_.prepare(
        "SELECT role, COUNT(*) FROM users WHERE status <> 'deleted' "
        "GROUP BY role");
    std::map<PlatformRole, std::int64_t> counts;
    while (statement->executeStep()) {
      counts[platform_role_from_string(statement->getColumn(0).getString())] =
          statement->getColumn(1).getInt64();
    }
    return counts;
  }

  std::map<std::pair<PlatformRole, UserStatus>, std::int64_t>
  count_by_role_and_status() override {
    auto statement = connection_.prepare(
        "SELECT role, status, COUNT(*) FROM users GROUP BY role, status");
    std::map<std::pair<PlatformRole, UserStatus>, std::int64_t> counts;
    while (statement->executeStep()) {
      auto key = std::make_pair(
          platform_role_from_string(statement->getColumn(0).getString()),
          user_status_from_string(statement->getColumn(1).getString()));
      counts[key] = statement->getColumn(2).getInt64();
    }
    return counts;
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<UserRepository> make_user_repository(Connection& connection) {
  return std::make_unique<SqliteUserRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
