#include "auth/throttle.h"

#include "shopkit/auth_service.h"

namespace shopkit::internal {

std::vector<ThrottleSubject> throttle_subjects(
    std::string_view normalized_email,
    const std::optional<std::string>& client_key) {
  std::vector<ThrottleSubject> subjects;
  subjects.push_back({"account:" + std::string(normalized_email), "email"});
  if (client_key && !client_key->empty()) {
    subjects.push_back({"client:" + *client_key, "client_key"});
  }
  return subjects;
}

void check_throttle(storage::SessionRepository& sessions,
                    const AuthOptions& options, Timestamp now,
                    const std::vector<ThrottleSubject>& subjects) {
  Timestamp window_start = now - options.throttle_window;
  for (const auto& subject : subjects) {
    auto oldest = sessions.nth_latest_login_failure(
        subject.key, window_start, options.max_failed_logins);
    if (!oldest) continue;
    auto wait = *oldest + options.throttle_window - now;
    auto seconds = std::chrono::ceil<std::chrono::seconds>(wait);
    if (seconds.count() < 1) seconds = std::chrono::seconds(1);
    std::string whom = subject.field == "email" ? "this account"
                                                : "this client";
    throw LoginThrottledError(
        "too many failed logins for " + whom + "; retry after " +
            std::to_string(seconds.count()) + " seconds",
        subject.field, seconds);
  }
}

void record_failure(storage::SessionRepository& sessions,
                    const AuthOptions& options, Timestamp now,
                    const std::vector<ThrottleSubject>& subjects) {
  for (const auto& subject : subjects) {
    sessions.insert_login_failure(subject.key, now);
  }
  sessions.prune_login_failures(now - options.throttle_window);
}

}  // namespace shopkit::internal
