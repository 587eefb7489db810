// An exclusive advisory lock (flock) on a lock file, held for the life
// of the object. Provisioning holds stores/<id>.lock while it writes a
// store's files; the crash repair only touches a store whose lock it can
// take, so it never removes the files of a provisioning in progress in
// another process. flock locks end when their process dies.
#pragma once

#include <filesystem>
#include <optional>

namespace shopkit::storage::sqlite {

class FileLock {
 public:
  // Blocks until the lock is held. Raises internal on I/O errors.
  static FileLock acquire(const std::filesystem::path& path);
  // Returns nullopt when another process or object holds the lock.
  static std::optional<FileLock> try_acquire(
      const std::filesystem::path& path);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

  // Deletes the lock file, then releases the lock.
  void release_and_remove();

 private:
  FileLock(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  static std::optional<FileLock> lock(const std::filesystem::path& path,
                                      bool wait);
  std::filesystem::path path_;
  int fd_ = -1;
};

// Flushes a file or a folder entry to disk; raises internal on failure.
void fsync_path(const std::filesystem::path& path);

}  // namespace shopkit::storage::sqlite
