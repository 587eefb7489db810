#include "mail_outbox.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "shopkit/json.h"

namespace shopkit::http {

MailOutbox::MailOutbox(std::filesystem::path folder,
                       std::shared_ptr<LogSink> log)
    : folder_(std::move(folder)), log_(std::move(log)) {}

void MailOutbox::deliver(std::string_view kind, const OneTimeToken& token) {
  std::string recipient = "user " + token.user_id.str();
  if (folder_.empty()) {
    if (log_) {
      log_->write(LogLevel::warning, "http dropped a " + std::string(kind) +
                                         " message for " + recipient +
                                         ": no mail folder is configured");
    }
    return;
  }

  static std::atomic<int> counter{0};
  std::filesystem::path path =
      folder_ /
      (token.user_id.str() + "-" + std::string(kind) + "-" +
       std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".txt");
  std::string text = "To: " + token.email + "\nSubject: shopkit " +
                     std::string(kind) + "\n\ntoken: " + token.token +
                     "\nexpires_at: " + timestamp_to_json(token.expires_at) +
                     "\n";

  // The file contains a live credential, so only its owner may read it.
  std::error_code ignored;
  std::filesystem::create_directories(folder_, ignored);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool written = fd >= 0 && ::write(fd, text.data(), text.size()) ==
                                static_cast<ssize_t>(text.size());
  int saved_errno = errno;
  if (fd >= 0) ::close(fd);
  if (!written) {
    throw Error(ErrorCode::internal, "failed to write mail file " +
                                         path.string() + ": " +
                                         std::strerror(saved_errno));
  }
  if (log_) {
    log_->write(LogLevel::info, "http wrote a " + std::string(kind) +
                                    " message for " + recipient + " to " +
                                    path.string());
  }
}

}  // namespace shopkit::http
