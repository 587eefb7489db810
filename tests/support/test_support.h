// Helpers shared by the C++ tests: a temporary folder per test and a
// Platform opened on it with a manual clock and a cheap password hash.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "shopkit/platform.h"

namespace shopkit::testing {

// A fresh folder under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The time every test clock starts at: 2026-01-01T00:00:00Z.
Timestamp test_epoch();

// Options for a test platform in `dir`: ManualClock at test_epoch(), a
// memory log sink, and scrypt at N = 2^4 so hashing is fast.
Options test_options(const std::filesystem::path& dir);

// A Platform with its clock and log, for tests that move time or read
// the log.
struct TestPlatform {
  std::shared_ptr<ManualClock> clock;
  std::shared_ptr<MemoryLogSink> log;
  std::unique_ptr<Platform> platform;
};

TestPlatform open_test_platform(const std::filesystem::path& dir);

// Counts this process's open file descriptors (entries of
// /proc/self/fd), and those whose target ends in `suffix`.
int count_open_fds();
int count_open_fds_ending_with(const std::string& suffix);

}  // namespace shopkit::testing
