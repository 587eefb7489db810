// The schema of platform.db. Times are integer milliseconds since the
// epoch (UTC); ids are the prefixed strings of common/ids.h.
#include <array>

#include "storage/sqlite/migrations.h"

namespace shopkit::storage::sqlite {
namespace {

constexpr const char* kPlatformV1 = R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  email_normalized TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('customer', 'merchant', 'super_admin')),
  status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'suspended', 'deleted')),
  password_hash TEXT NOT NULL,
  email_verified_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX users_by_created ON users (created_at, id);
CREATE INDEX users_by_role ON users (role, status);

-- A session is one login; its refresh tokens rotate inside it.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoke_reason TEXT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Only SHA-256 hashes of refresh tokens are stored.
CREATE TABLE refresh_tokens (
  token_hash BLOB PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  rotated_at INTEGER
);
CREATE INDEX refresh_tokens_by_session ON refresh_tokens (session_id);

-- Password reset and email verification tokens, hashed, single use.
CREATE TABLE one_time_tokens (
  token_hash BLOB PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  purpose TEXT NOT NULL
    CHECK (purpose IN ('password_reset', 'email_verification')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX one_time_tokens_by_user ON one_time_tokens (user_id, purpose);

CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY,
  secret BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  retired_at INTEGER
);

-- One row per failed login; subject is 'account:<email>' or
-- 'client:<key>'. Old rows are pruned as logins happen.
CREATE TABLE login_failures (
  subject TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, failed_at);
CREATE INDEX login_failures_by_time ON login_failures (failed_at);

CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  manifest TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The store registry. A store's file is stores/<id>.db.
CREATE TABLE stores (
  id TEXT PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES users (id),
  currency TEXT NOT NULL,
  country TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('active', 'suspended', 'deleted', 'purged')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  deleted_at INTEGER
);
CREATE INDEX stores_by_owner ON stores (owner_id);
CREATE INDEX stores_by_created ON stores (created_at, id);

CREATE TABLE store_members (
  store_id TEXT NOT NULL REFERENCES stores (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, user_id)
);
CREATE INDEX store_members_by_user ON store_members (user_id);

-- Append-only: the triggers reject every UPDATE and DELETE.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  actor_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_by_target ON audit_log (target_id, seq);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Per-store order figures, kept up to date as orders change, so that
-- platform figures need no scan of every store file.
CREATE TABLE store_order_counters (
  store_id TEXT NOT NULL REFERENCES stores (id),
  currency TEXT NOT NULL,
  orders INTEGER NOT NULL DEFAULT 0,
  paid_orders INTEGER NOT NULL DEFAULT 0,
  revenue INTEGER NOT NULL DEFAULT 0,
  refunded INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, currency)
);
)sql";

constexpr std::array kMigrations{
    Migration{1, kPlatformV1},
};

}  // namespace

std::span<const Migration> platform_migrations() { return kMigrations; }

}  // namespace shopkit::storage::sqlite
