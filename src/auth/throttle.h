// Throttling of failed logins per account and per client key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/options.h"
#include "storage/session_repository.h"

namespace shopkit::internal {

// A key of the login_failures table and the request field it stands for.
struct ThrottleSubject {
  std::string key;     // "account:<normalized email>" or "client:<key>".
  std::string field;   // "email" or "client_key".
};

// The subjects a login counts against: its account and, when the host
// gave one, its client key.
std::vector<ThrottleSubject> throttle_subjects(
    std::string_view normalized_email,
    const std::optional<std::string>& client_key);

// Raises LoginThrottledError (resource_exhausted) when a subject has
// options.max_failed_logins failures within options.throttle_window
// before `now`. The retry-after time is when the oldest of those
// failures leaves the window, rounded up to whole seconds.
void check_throttle(storage::SessionRepository& sessions,
                    const AuthOptions& options, Timestamp now,
                    const std::vector<ThrottleSubject>& subjects);

// Records one failure for each subject and deletes failures that have
// left the window.
void record_failure(storage::SessionRepository& sessions,
                    const AuthOptions& options, Timestamp now,
                    const std::vector<ThrottleSubject>& subjects);

}  // namespace shopkit::internal
