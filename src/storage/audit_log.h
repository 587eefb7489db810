// The append-only audit log in platform.db.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shopkit/types.h"

namespace shopkit::storage {

struct AuditRecord {
  AuditEntryId id;
  std::int64_t seq = 0;  // Position in the log; larger is newer.
  std::optional<UserId> actor_id;
  std::string action;       // For example "store.suspended".
  std::string target_type;  // "user", "store", "theme", "member".
  std::string target_id;
  std::string detail_json = "{}";
  Timestamp created_at;
};

struct AuditFilter {
  std::optional<UserId> actor_id;
  std::optional<std::string> target_id;
  std::optional<std::string> action;
  std::optional<Timestamp> from;  // Inclusive.
  std::optional<Timestamp> to;    // Exclusive.
  std::int64_t before_seq = 0;    // 0: newest first from the end.
  int limit = 50;
};

// No method edits or deletes an entry, and the schema's triggers reject
// any UPDATE or DELETE on the table.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends `record`; its seq is assigned by the log.
  virtual void append(const AuditRecord& record) = 0;
  // Entries matching `filter`, newest first.
  virtual std::vector<AuditRecord> list(const AuditFilter& filter) = 0;
};

}  // namespace shopkit::storage
