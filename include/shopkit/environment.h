// The injected environment: a clock, a random source and a log sink.
// Tests replace them to control time, randomness and to read the log.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shopkit/export.h"
#include "shopkit/types.h"

namespace shopkit {

// A source of the current time. Implementations must be thread-safe.
class SHOPKIT_EXPORT Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() = 0;
};

// The system's UTC clock.
class SHOPKIT_EXPORT SystemClock final : public Clock {
 public:
  Timestamp now() override;
};

// A clock that moves only when told to; for tests. Thread-safe.
class SHOPKIT_EXPORT ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start);
  Timestamp now() override;
  void set(Timestamp now);
  void advance(std::chrono::milliseconds by);

 private:
  std::mutex mutex_;
  Timestamp now_;
};

// A source of cryptographically strong random bytes. Ids, salts and
// tokens all come from it. Implementations must be thread-safe.
class SHOPKIT_EXPORT RandomSource {
 public:
  virtual ~RandomSource() = default;
  // Fills `out` with random bytes; raises internal on failure.
  virtual void fill(std::span<std::byte> out) = 0;
};

// OpenSSL's RAND_bytes.
class SHOPKIT_EXPORT OsRandom final : public RandomSource {
 public:
  void fill(std::span<std::byte> out) override;
};

enum class LogLevel { debug, info, warning, error };

SHOPKIT_EXPORT std::string_view to_string(LogLevel level);

// Receives shopkit's log lines. shopkit never passes a password, token,
// key or hash to a sink. Implementations must be thread-safe.
class SHOPKIT_EXPORT LogSink {
 public:
  virtual ~LogSink() = default;
  virtual void write(LogLevel level, std::string_view message) = 0;
};

// Writes lines at or above `min_level` to stderr as
// "2026-12-04T15:48:31.123Z info message".
class SHOPKIT_EXPORT StderrLogSink final : public LogSink {
 public:
  explicit StderrLogSink(LogLevel min_level = LogLevel::info);
  void write(LogLevel level, std::string_view message) override;

 private:
  LogLevel min_level_;
  std::mutex mutex_;
};

// Keeps every line in memory; for tests that read the log.
class SHOPKIT_EXPORT MemoryLogSink final : public LogSink {
 public:
  struct Line {
    LogLevel level;
    std::string message;
  };
  void write(LogLevel level, std::string_view message) override;
  std::vector<Line> lines();
  // Returns every line joined by newlines, for substring searches.
  std::string text();

 private:
  std::mutex mutex_;
  std::vector<Line> lines_;
};

}  // namespace shopkit
