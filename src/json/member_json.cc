#include "shopkit/admin_service.h"
#include "shopkit/json.h"

namespace shopkit {

void to_json(nlohmann::json& out, const StoreMember& member) {
  out = nlohmann::json{{"user_id", member.user_id.str()},
                       {"email", member.email},
                       {"name", member.name},
                       {"role", to_string(member.role)},
                       {"created_at", timestamp_to_json(member.created_at)}};
}

}  // namespace shopkit
