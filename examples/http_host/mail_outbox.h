// Delivery of password reset and email verification tokens. shopkit
// returns these tokens to the host and sends no mail. This example host
// sends none either, so it writes each message to a file in a folder (a
// development mailbox), or drops it when no folder is configured.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "shopkit/auth_service.h"
#include "shopkit/environment.h"

namespace shopkit::http {

class MailOutbox {
 public:
  // With an empty `folder`, messages are dropped and only the drop is
  // logged.
  MailOutbox(std::filesystem::path folder, std::shared_ptr<LogSink> log);

  // Writes a message for `token` to `<folder>/<user id>-<kind>-<n>.txt`
  // with mode 0600. `kind` is "password-reset" or "email-verification".
  // The token is never logged. Raises internal when the file cannot be
  // written.
  void deliver(std::string_view kind, const OneTimeToken& token);

 private:
  std::filesystem::path folder_;
  std::shared_ptr<LogSink> log_;
};

}  // namespace shopkit::http
