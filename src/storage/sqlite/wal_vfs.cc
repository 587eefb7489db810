#include "storage/sqlite/wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <vector>

namespace shopkit::storage::sqlite {
namespace {

constexpr const char* kVfsName = "shopkit-wal-batching";
// The WAL file format (sqlite.org/fileformat2.html, "WAL File Format"):
// a 32-byte file header, then frames of a 24-byte header and one page.
constexpr sqlite3_int64 kWalHeaderBytes = 32;
constexpr sqlite3_int64 kFrameHeaderBytes = 24;
// A buffer this full is written out even before the commit frame, so a
// large transaction does not hold its whole WAL in memory twice.
constexpr std::size_t kMaxBufferedBytes = 4 << 20;
// The maximum length of one write to the unix VFS. Its seekAndWriteFd
// (SQLite's os_unix.c) keeps only the low 17 bits of the length, so a
// longer write is cut short and fails as a full disk.
constexpr std::size_t kMaxWriteBytes = 64 << 10;

sqlite3_vfs* default_vfs = nullptr;

std::uint32_t read_big_endian32(const unsigned char* bytes) {
  return (static_cast<std::uint32_t>(bytes[0]) << 24) |
         (static_cast<std::uint32_t>(bytes[1]) << 16) |
         (static_cast<std::uint32_t>(bytes[2]) << 8) |
         static_cast<std::uint32_t>(bytes[3]);
}

// The page size a WAL file header gives, or 0 when `header` is not one.
sqlite3_int64 page_size_of_header(const unsigned char* header) {
  const std::uint32_t magic = read_big_endian32(header);
  if (magic != 0x377f0682 && magic != 0x377f0683) return 0;
  const std::uint32_t size = read_big_endian32(header + 8);
  const bool power_of_two = size != 0 && (size & (size - 1)) == 0;
  if (!power_of_two || size < 512 || size > 65536) return 0;
  return size;
}

// A WAL file: the default VFS's file, placed after this struct in the
// memory SQLite allocates (szOsFile), and the frames not yet written.
struct WalFile {
  sqlite3_file base;  // First, so SQLite's pointer is this struct's.
  sqlite3_file* file = nullptr;
  std::vector<unsigned char> buffer;
  // The file offset of buffer[0].
  sqlite3_int64 buffer_offset = 0;
  // 0 while unknown; then frames are kFrameHeaderBytes + page_size long.
  sqlite3_int64 page_size = 0;
  // After a frame header went into the buffer: where its page must
  // follow.
  sqlite3_int64 page_expected_at = -1;

  const sqlite3_io_methods* methods() const { return file->pMethods; }

  int write_buffer() {
    page_expected_at = -1;
    int result = SQLITE_OK;
    for (std::size_t done = 0; done < buffer.size() && result == SQLITE_OK;
         done += kMaxWriteBytes) {
      const std::size_t amount = std::min(kMaxWriteBytes, buffer.size() - done);
      result = methods()->xWrite(file, buffer.data() + done,
                                 static_cast<int>(amount),
                                 buffer_offset + static_cast<sqlite3_int64>(done));
    }
    buffer.clear();
    return result;
  }

  bool is_frame_header(int amount, sqlite3_int64 offset) const {
    return page_size != 0 && amount == kFrameHeaderBytes &&
           offset >= kWalHeaderBytes &&
           (offset - kWalHeaderBytes) % (kFrameHeaderBytes + page_size) == 0;
  }

  bool extends_buffer(sqlite3_int64 offset) const {
    return buffer.empty() ||
           offset == buffer_offset + static_cast<sqlite3_int64>(buffer.size());
  }

  void append(const void* data, int amount, sqlite3_int64 offset) {
    if (buffer.empty()) buffer_offset = offset;
    const auto* bytes = static_cast<const unsigned char*>(data);
    buffer.insert(buffer.end(), bytes, bytes + amount);
  }

  int write(const void* data, int amount, sqlite3_int64 offset) {
    if (is_frame_header(amount, offset) && extends_buffer(offset)) {
      append(data, amount, offset);
      // Bytes 4 to 7 of a frame header: the database size after a
      // commit, zero in the other frames. A commit frame's header goes
      // out at once, with the frames before it. Its page follows as a
      // write of its own, or never: when a commit overwrote frames it
      // had written earlier (a transaction larger than the page cache),
      // SQLite rewrites the headers from there on to fix their
      // checksums, with no page after them. A header left in the buffer
      // then would be missing from the file until the next write, and a
      // crash would lose the commit.
      const bool commit =
          read_big_endian32(static_cast<const unsigned char*>(data) + 4) != 0;
      if (commit) return write_buffer();
      page_expected_at = offset + kFrameHeaderBytes;
      return SQLITE_OK;
    }
    if (amount == page_size && offset == page_expected_at &&
        extends_buffer(offset)) {
      append(data, amount, offset);
      page_expected_at = -1;
      if (buffer.size() >= kMaxBufferedBytes) return write_buffer();
      return SQLITE_OK;
    }
    // Not the frame pattern: whatever is buffered goes first, in order.
    const int buffered = write_buffer();
    if (buffered != SQLITE_OK) return buffered;
    if (offset == 0 && amount >= kWalHeaderBytes) {
      page_size = page_size_of_header(static_cast<const unsigned char*>(data));
    }
    return methods()->xWrite(file, data, amount, offset);
  }
};

WalFile& wal_file(sqlite3_file* base) {
  return *reinterpret_cast<WalFile*>(base);
}

// Where the default VFS's file starts in the memory SQLite allocates.
constexpr std::size_t kInnerFileOffset =
    (sizeof(WalFile) + alignof(std::max_align_t) - 1) /
    alignof(std::max_align_t) * alignof(std::max_align_t);

int wal_close(sqlite3_file* base) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  const int closed = wal.methods()->xClose(wal.file);
  wal.~WalFile();
  return buffered != SQLITE_OK ? buffered : closed;
}

int wal_read(sqlite3_file* base, void* data, int amount,
             sqlite3_int64 offset) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  if (buffered != SQLITE_OK) return buffered;
  return wal.methods()->xRead(wal.file, data, amount, offset);
}

int wal_write(sqlite3_file* base, const void* data, int amount,
              sqlite3_int64 offset) {
  try {
    return wal_file(base).write(data, amount, offset);
  } catch (const std::bad_alloc&) {
    // The buffer could not grow: write what it holds, then this.
    WalFile& wal = wal_file(base);
    const int buffered = wal.write_buffer();
    if (buffered != SQLITE_OK) return buffered;
    return wal.methods()->xWrite(wal.file, data, amount, offset);
  }
}

int wal_truncate(sqlite3_file* base, sqlite3_int64 size) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  if (buffered != SQLITE_OK) return buffered;
  return wal.methods()->xTruncate(wal.file, size);
}

int wal_sync(sqlite3_file* base, int flags) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  if (buffered != SQLITE_OK) return buffered;
  return wal.methods()->xSync(wal.file, flags);
}

int wal_file_size(sqlite3_file* base, sqlite3_int64* size) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  if (buffered != SQLITE_OK) return buffered;
  return wal.methods()->xFileSize(wal.file, size);
}

int wal_lock(sqlite3_file* base, int level) {
  WalFile& wal = wal_file(base);
  return wal.methods()->xLock(wal.file, level);
}

int wal_unlock(sqlite3_file* base, int level) {
  WalFile& wal = wal_file(base);
  return wal.methods()->xUnlock(wal.file, level);
}

int wal_check_reserved_lock(sqlite3_file* base, int* reserved) {
  WalFile& wal = wal_file(base);
  return wal.methods()->xCheckReservedLock(wal.file, reserved);
}

int wal_file_control(sqlite3_file* base, int op, void* argument) {
  WalFile& wal = wal_file(base);
  const int buffered = wal.write_buffer();
  if (buffered != SQLITE_OK) return buffered;
  return wal.methods()->xFileControl(wal.file, op, argument);
}

int wal_sector_size(sqlite3_file* base) {
  WalFile& wal = wal_file(base);
  return wal.methods()->xSectorSize(wal.file);
}

int wal_device_characteristics(sqlite3_file* base) {
  WalFile& wal = wal_file(base);
  return wal.methods()->xDeviceCharacteristics(wal.file);
}

// Version 1: a WAL file needs no shared memory or memory mapping; those
// methods are used on the database file only.
const sqlite3_io_methods kWalMethods = {
    1,
    wal_close,
    wal_read,
    wal_write,
    wal_truncate,
    wal_sync,
    wal_file_size,
    wal_lock,
    wal_unlock,
    wal_check_reserved_lock,
    wal_file_control,
    wal_sector_size,
    wal_device_characteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

int open_file(sqlite3_vfs* /*vfs*/, sqlite3_filename name,
              sqlite3_file* base, int flags, int* out_flags) {
  if ((flags & SQLITE_OPEN_WAL) == 0) {
    // The default VFS's file takes the memory as is and sets its own
    // methods, so no call on this file comes back here.
    return default_vfs->xOpen(default_vfs, name, base, flags, out_flags);
  }
  auto* wal = new (base) WalFile();
  wal->file = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(base) +
                                              kInnerFileOffset);
  const int opened =
      default_vfs->xOpen(default_vfs, name, wal->file, flags, out_flags);
  if (opened != SQLITE_OK || wal->file->pMethods == nullptr) {
    if (wal->file->pMethods != nullptr) {
      wal->file->pMethods->xClose(wal->file);
    }
    wal->~WalFile();
    // With pMethods null, SQLite does not call xClose.
    base->pMethods = nullptr;
    return opened != SQLITE_OK ? opened : SQLITE_CANTOPEN;
  }
  // An existing WAL's header gives the page size. A new or empty one
  // gets its header written later, and write() reads it then.
  sqlite3_int64 size = 0;
  unsigned char header[kWalHeaderBytes];
  if (wal->methods()->xFileSize(wal->file, &size) == SQLITE_OK &&
      size >= kWalHeaderBytes &&
      wal->methods()->xRead(wal->file, header, kWalHeaderBytes, 0) ==
          SQLITE_OK) {
    wal->page_size = page_size_of_header(header);
  }
  base->pMethods = &kWalMethods;
  return SQLITE_OK;
}

sqlite3_vfs batching_vfs;

}  // namespace

const char* wal_batching_vfs() {
  static std::once_flag registered;
  std::call_once(registered, [] {
    sqlite3_initialize();
    default_vfs = sqlite3_vfs_find(nullptr);
    // The default VFS's other methods take the VFS as an argument and
    // read only fields copied here (pAppData, mxPathname).
    batching_vfs = *default_vfs;
    batching_vfs.pNext = nullptr;
    batching_vfs.zName = kVfsName;
    batching_vfs.szOsFile = static_cast<int>(
        kInnerFileOffset + static_cast<std::size_t>(default_vfs->szOsFile));
    batching_vfs.xOpen = open_file;
    sqlite3_vfs_register(&batching_vfs, /*makeDflt=*/0);
  });
  return kVfsName;
}

}  // namespace shopkit::storage::sqlite
