#include "storage/sqlite/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "shopkit/error.h"

namespace shopkit::storage::sqlite {
namespace {

Error io_error(const std::string& what, const std::filesystem::path& path) {
  return Error(ErrorCode::internal, what + " '" + path.string() +
                                        "' failed: " + std::strerror(errno));
}

}  // namespace

std::optional<FileLock> FileLock::lock(const std::filesystem::path& path,
                                       bool wait) {
  // Another holder may delete the file between our open and our flock; a
  // lock on a deleted file protects nothing, so check that the path still
  // names the locked file and retry when it does not.
  for (;;) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) throw io_error("opening lock file", path);
    if (::flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
      int saved = errno;
      ::close(fd);
      if (saved == EWOULDBLOCK) return std::nullopt;
      errno = saved;
      throw io_error("locking", path);
    }
    struct stat held {};
    struct stat named {};
    if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
        held.st_ino == named.st_ino && held.st_dev == named.st_dev) {
      return FileLock(path, fd);
    }
    ::close(fd);
  }
}

FileLock FileLock::acquire(const std::filesystem::path& path) {
  return std::move(*lock(path, true));
}

std::optional<FileLock> FileLock::try_acquire(
    const std::filesystem::path& path) {
  return lock(path, false);
}

FileLock::FileLock(FileLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(other.fd_) {
  other.fd_ = -1;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

void FileLock::release_and_remove() {
  if (fd_ < 0) return;
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

void fsync_path(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw io_error("opening for fsync", path);
  int result = ::fsync(fd);
  ::close(fd);
  if (result != 0) throw io_error("fsync of", path);
}

}  // namespace shopkit::storage::sqlite
