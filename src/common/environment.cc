#include "shopkit/environment.h"

#include <openssl/rand.h>

#include <climits>
#include <cstdio>
#include <string>

#include "common/time_format.h"
#include "shopkit/error.h"

namespace shopkit {

Timestamp SystemClock::now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now());
}

ManualClock::ManualClock(Timestamp start) : now_(start) {}

Timestamp ManualClock::now() {
  std::lock_guard lock(mutex_);
  return now_;
}

void ManualClock::set(Timestamp now) {
  std::lock_guard lock(mutex_);
  now_ = now;
}

void ManualClock::advance(std::chrono::milliseconds by) {
  std::lock_guard lock(mutex_);
  now_ += by;
}

void OsRandom::fill(std::span<std::byte> out) {
  // RAND_bytes takes an int length, so large requests go in chunks.
  std::size_t done = 0;
  while (done < out.size()) {
    std::size_t chunk = std::min<std::size_t>(out.size() - done, INT_MAX);
    auto* start = reinterpret_cast<unsigned char*>(out.data() + done);
    if (RAND_bytes(start, static_cast<int>(chunk)) != 1) {
      throw Error(ErrorCode::internal, "OpenSSL RAND_bytes failed");
    }
    done += chunk;
  }
}

std::string_view to_string(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warning:
      return "warning";
    case LogLevel::error:
      return "error";
  }
  return "info";
}

StderrLogSink::StderrLogSink(LogLevel min_level) : min_level_(min_level) {}

void StderrLogSink::write(LogLevel level, std::string_view message) {
  if (level < min_level_) return;
  std::string line = internal::format_iso8601(SystemClock().now());
  line += ' ';
  line += to_string(level);
  line += ' ';
  line += message;
  line += '\n';
  std::lock_guard lock(mutex_);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void MemoryLogSink::write(LogLevel level, std::string_view message) {
  std::lock_guard lock(mutex_);
  lines_.push_back({level, std::string(message)});
}

std::vector<MemoryLogSink::Line> MemoryLogSink::lines() {
  std::lock_guard lock(mutex_);
  return lines_;
}

std::string MemoryLogSink::text() {
  std::lock_guard lock(mutex_);
  std::string joined;
  for (const auto& line : lines_) {
    joined += line.message;
    joined += '\n';
  }
  return joined;
}

}  // namespace shopkit
