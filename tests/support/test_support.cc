#include "support/test_support.h"

#include <atomic>
#include <cstdlib>
#include <random>
#include <system_error>

#include <unistd.h>

namespace shopkit::testing {

namespace fs = std::filesystem;

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device device;
  path_ = fs::temp_directory_path() /
          ("shopkit-test-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++) + "-" + std::to_string(device()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

Timestamp test_epoch() {
  return Timestamp(std::chrono::sys_days(std::chrono::year(2026) /
                                         std::chrono::January / 1)
                       .time_since_epoch());
}

Options test_options(const fs::path& dir) {
  Options options;
  options.data_dir = dir;
  options.clock = std::make_shared<ManualClock>(test_epoch());
  options.log = std::make_shared<MemoryLogSink>();
  options.auth.scrypt_log2_n = 4;
  options.auth.scrypt_r = 1;
  return options;
}

TestPlatform open_test_platform(const fs::path& dir) {
  Options options = test_options(dir);
  TestPlatform test;
  test.clock = std::static_pointer_cast<ManualClock>(options.clock);
  test.log = std::static_pointer_cast<MemoryLogSink>(options.log);
  test.platform = Platform::open(std::move(options));
  return test;
}

int count_open_fds() { return count_open_fds_ending_with(""); }

int count_open_fds_ending_with(const std::string& suffix) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    fs::path target = fs::read_symlink(entry.path(), error);
    if (error) continue;  // The iterator's own descriptor closed already.
    const std::string name = target.string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) ==
            0) {
      ++count;
    }
  }
  return count;
}

}  // namespace shopkit::testing
