#include "common/audit.h"

#include "storage/audit_log.h"

namespace shopkit::internal {

void append_audit(storage::PlatformRepositories& platform,
                  const Context& context, const Principal& actor,
                  std::string_view action, std::string_view target_type,
                  std::string_view target_id, const nlohmann::json& detail) {
  storage::AuditRecord record;
  record.id = AuditEntryId(context.new_id("aud"));
  if (!actor.is_anonymous()) record.actor_id = actor.user_id();
  record.action = std::string(action);
  record.target_type = std::string(target_type);
  record.target_id = std::string(target_id);
  record.detail_json = detail.dump();
  record.created_at = context.now();
  platform.audit().append(record);
}

}  // namespace shopkit::internal
