// Writing the audit log. Every super-admin action and every change of
// platform roles, store members or store status appends one entry, in
// the same platform transaction as the change it records, so an entry
// exists exactly when its change was committed.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/context.h"
#include "shopkit/types.h"
#include "storage/storage.h"

namespace shopkit::internal {

// Appends an entry made by `actor` (no actor for the anonymous
// principal, such as a system task). `action` is "<target>.<verb>", for
// example "store.suspended"; `detail` is a JSON object with the values
// a reader needs to understand the change, never a secret.
void append_audit(storage::PlatformRepositories& platform,
                  const Context& context, const Principal& actor,
                  std::string_view action, std::string_view target_type,
                  std::string_view target_id,
                  const nlohmann::json& detail = nlohmann::json::object());

}  // namespace shopkit::internal
