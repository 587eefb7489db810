#include "storage/session_repository.h"

#include "common/time_format.h"
#include "shopkit/error.h"
#include "storage/sqlite/repositories.h"

namespace shopkit::storage::sqlite {
namespace {

using internal::from_millis;
using internal::to_millis;

std::string_view to_string(OneTimeTokenPurpose purpose) {
  return purpose == OneTimeTokenPurpose::password_reset ? "password_reset"
                                                        : "email_verification";
}

OneTimeTokenPurpose purpose_from_string(const std::string& name) {
  if (name == "password_reset") return OneTimeTokenPurpose::password_reset;
  if (name == "email_verification") {
    return OneTimeTokenPurpose::email_verification;
  }
  throw Error(ErrorCode::internal,
              "unknown one-time token purpose '" + name + "' in platform.db");
}

std::optional<Timestamp> optional_time(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return from_millis(column.getInt64());
}

void bind_time(SQLite::Statement& statement, int index, Timestamp time) {
  statement.bind(index, static_cast<int64_t>(to_millis(time)));
}

// Binds raw hash bytes as a BLOB, as the token_hash columns store them.
void bind_blob(SQLite::Statement& statement, int index,
               std::string_view bytes) {
  statement.bind(index, bytes.data(), static_cast<int>(bytes.size()));
}

std::string read_blob(const SQLite::Column& column) {
  return std::string(static_cast<const char*>(column.getBlob()),
                     static_cast<std::size_t>(column.getBytes()));
}

SessionRecord read_session(SQLite::Statement& row) {
  SessionRecord session;
  session.id = SessionId(row.getColumn(0).getString());
  session.user_id = UserId(row.getColumn(1).getString());
  session.created_at = from_millis(row.getColumn(2).getInt64());
  session.expires_at = from_millis(row.getColumn(3).getInt64());
  session.revoked_at = optional_time(row.getColumn(4));
  if (!row.getColumn(5).isNull()) {
    session.revoke_reason = row.getColumn(5).getString();
  }
  return session;
}

class SqliteSessionRepository final : public SessionRepository {
 public:
  explicit SqliteSessionRepository(Connection& connection)
      : connection_(connection) {}

  void insert_session(const SessionRecord& session) override {
    auto statement = connection_.prepare(
        "INSERT INTO sessions (id, user_id, created_at, expires_at) "
        "VALUES (?, ?, ?, ?)");
    statement->bind(1, session.id.str());
    statement->bind(2, session.user_id.str());
    bind_time(*statement, 3, session.created_at);
    bind_time(*statement, 4, session.expires_at);
    statement->exec();
  }

  std::optional<SessionRecord> find_session(const SessionId& id) override {
    auto statement = connection_.prepare(
        "SELECT id, user_id, created_at, expires_at, revoked_at, "
        "revoke_reason FROM sessions WHERE id = ?");
    statement->bind(1, id.str());
    if (!statement->executeStep()) return std::nullopt;
    return read_session(*statement);
  }

  void extend_session(const SessionId& id, Timestamp expires_at) override {
    auto statement =
        connection_.prepare("UPDATE sessions SET expires_at = ? WHERE id = ?");
    bind_time(*statement, 1, expires_at);
    statement->bind(2, id.str());
    statement->exec();
  }

  bool revoke_session(const SessionId& id, Timestamp now,
                      std::string_view reason) override {
    auto statement = connection_.prepare(
        "UPDATE sessions SET revoked_at = ?, revoke_reason = ? "
        "WHERE id = ? AND revoked_at IS NULL");
    bind_time(*statement, 1, now);
    statement->bind(2, std::string(reason));
    statement->bind(3, id.str());
    return statement->exec() > 0;
  }

  int revoke_user_sessions(const UserId& user, Timestamp now,
                           std::string_view reason,
                           const std::optional<SessionId>& keep) override {
    auto statement = connection_.prepare(
        "UPDATE sessions SET revoked_at = ?, revoke_reason = ? "
        "WHERE user_id = ? AND revoked_at IS NULL AND id <> ?");
    bind_time(*statement, 1, now);
    statement->bind(2, std::string(reason));
    statement->bind(3, user.str());
    statement->bind(4, keep ? keep->str() : std::string());
    return statement->exec();
  }

  void insert_refresh_token(const RefreshTokenRecord& token) override {
    auto statement = connection_.prepare(
        "INSERT INTO refresh_tokens (token_hash, session_id, created_at, "
        "expires_at) VALUES (?, ?, ?, ?)");
    bind_blob(*statement, 1, token.token_hash);
    statement->bind(2, token.session_id.str());
    bind_time(*statement, 3, token.created_at);
    bind_time(*statement, 4, token.expires_at);
    statement->exec();
  }

  std::optional<RefreshTokenRecord> find_refresh_token(
      std::string_view token_hash) override {
    auto statement = connection_.prepare(
        "SELECT token_hash, session_id, created_at, expires_at, rotated_at "
        "FROM refresh_tokens WHERE token_hash = ?");
    bind_blob(*statement, 1, token_hash);
    if (!statement->executeStep()) return std::nullopt;
    RefreshTokenRecord token;
    token.token_hash = read_blob(statement->getColumn(0));
    token.session_id = SessionId(statement->getColumn(1).getString());
    token.created_at = from_millis(statement->getColumn(2).getInt64());
    token.expires_at = from_millis(statement->getColumn(3).getInt64());
    token.rotated_at = optional_time(statement->getColumn(4));
    return token;
  }

  void mark_refresh_token_rotated(std::string_view token_hash,
                                  Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?");
    bind_time(*statement, 1, now);
    bind_blob(*statement, 2, token_hash);
    statement->exec();
  }

  void insert_one_time_token(const OneTimeTokenRecord& token) override {
    auto statement = connection_.prepare(
        "INSERT INTO one_time_tokens (token_hash, user_id, purpose, "
        "created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
    bind_blob(*statement, 1, token.token_hash);
    statement->bind(2, token.user_id.str());
    statement->bind(3, std::string(to_string(token.purpose)));
    bind_time(*statement, 4, token.created_at);
    bind_time(*statement, 5, token.expires_at);
    statement->exec();
  }

  std::optional<OneTimeTokenRecord> find_one_time_token(
      std::string_view token_hash) override {
    auto statement = connection_.prepare(
        "SELECT token_hash, user_id, purpose, created_at, expires_at, "
        "used_at FROM one_time_tokens WHERE token_hash = ?");
    bind_blob(*statement, 1, token_hash);
    if (!statement->executeStep()) return std::nullopt;
    OneTimeTokenRecord token;
    token.token_hash = read_blob(statement->getColumn(0));
    token.user_id = UserId(statement->getColumn(1).getString());
    token.purpose = purpose_from_string(statement->getColumn(2).getString());
    token.created_at = from_millis(statement->getColumn(3).getInt64());
    token.expires_at = from_millis(statement->getColumn(4).getInt64());
    token.used_at = optional_time(statement->getColumn(5));
    return token;
  }

  void mark_one_time_token_used(std::string_view token_hash,
                                Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE one_time_tokens SET used_at = ? WHERE token_hash = ?");
    bind_time(*statement, 1, now);
    bind_blob(*statement, 2, token_hash);
    statement->exec();
  }

  void expire_one_time_tokens(const UserId& user, OneTimeTokenPurpose purpose,
                              Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE one_time_tokens SET used_at = ? "
        "WHERE user_id = ? AND purpose = ? AND used_at IS NULL");
    bind_time(*statement, 1, now);
    statement->bind(2, user.str());
    statement->bind(3, std::string(to_string(purpose)));
    statement->exec();
  }

  void insert_signing_key(const SigningKeyRecord& key) override {
    auto statement = connection_.prepare(
        "INSERT INTO signing_keys (kid, secret, created_at) VALUES (?, ?, ?)");
    statement->bind(1, key.kid);
    bind_blob(*statement, 2, key.secret);
    bind_time(*statement, 3, key.created_at);
    statement->exec();
  }

  std::vector<SigningKeyRecord> list_signing_keys() override {
    // rowid follows insertion order, so it breaks ties of equal times.
    auto statement = connection_.prepare(
        "SELECT kid, secret, created_at, retired_at FROM signing_keys "
        "ORDER BY created_at DESC, rowid DESC");
    std::vector<SigningKeyRecord> keys;
    while (statement->executeStep()) {
      SigningKeyRecord key;
      key.kid = statement->getColumn(0).getString();
      key.secret = read_blob(statement->getColumn(1));
      key.created_at = from_millis(statement->getColumn(2).getInt64());
      key.retired_at = optional_time(statement->getColumn(3));
      keys.push_back(std::move(key));
    }
    return keys;
  }

  bool retire_signing_key(std::string_view kid, Timestamp now) override {
    auto statement = connection_.prepare(
        "UPDATE signing_keys SET retired_at = ? "
        "WHERE kid = ? AND retired_at IS NULL");
    bind_time(*statement, 1, now);
    statement->bind(2, std::string(kid));
    return statement->exec() > 0;
  }

  void insert_login_failure(std::string_view subject, Timestamp at) override {
    auto statement = connection_.prepare(
        "INSERT INTO login_failures (subject, failed_at) VALUES (?, ?)");
    statement->bind(1, std::string(subject));
    bind_time(*statement, 2, at);
    statement->exec();
  }

  std::optional<Timestamp> nth_latest_login_failure(std::string_view subject,
                                                    Timestamp since,
                                                    int n) override {
    auto statement = connection_.prepare(
        "SELECT failed_at FROM login_failures "
        "WHERE subject = ? AND failed_at > ? "
        "ORDER BY failed_at DESC LIMIT 1 OFFSET ?");
    statement->bind(1, std::string(subject));
    bind_time(*statement, 2, since);
    statement->bind(3, n - 1);
    if (!statement->executeStep()) return std::nullopt;
    return from_millis(statement->getColumn(0).getInt64());
  }

  void delete_login_failures(std::string_view subject) override {
    auto statement =
        connection_.prepare("DELETE FROM login_failures WHERE subject = ?");
    statement->bind(1, std::string(subject));
    statement->exec();
  }

  void delete_one_login_failure(std::string_view subject,
                                Timestamp at) override {
    auto statement = connection_.prepare(
        "DELETE FROM login_failures WHERE rowid = (SELECT rowid FROM "
        "login_failures WHERE subject = ? AND failed_at = ? LIMIT 1)");
    statement->bind(1, std::string(subject));
    bind_time(*statement, 2, at);
    statement->exec();
  }

  void prune_login_failures(Timestamp before) override {
    auto statement =
        connection_.prepare("DELETE FROM login_failures WHERE failed_at <= ?");
    bind_time(*statement, 1, before);
    statement->exec();
  }

 private:
  Connection& connection_;
};

}  // namespace

std::unique_ptr<SessionRepository> make_session_repository(
    Connection& connection) {
  return std::make_unique<SqliteSessionRepository>(connection);
}

}  // namespace shopkit::storage::sqlite
