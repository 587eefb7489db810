// The library's logger: forwards to the host's LogSink, or drops lines
// when there is none. Callers pass only ids and non-secret values.
#pragma once

#include <memory>
#include <string_view>

#include "shopkit/environment.h"

namespace shopkit::internal {

class Logger {
 public:
  explicit Logger(std::shared_ptr<LogSink> sink) : sink_(std::move(sink)) {}

  void debug(std::string_view message) const { write(LogLevel::debug, message); }
  void info(std::string_view message) const { write(LogLevel::info, message); }
  void warning(std::string_view message) const {
    write(LogLevel::warning, message);
  }
  void error(std::string_view message) const { write(LogLevel::error, message); }

 private:
  void write(LogLevel level, std::string_view message) const {
    if (sink_) sink_->write(level, message);
  }
  std::shared_ptr<LogSink> sink_;
};

}  // namespace shopkit::internal
