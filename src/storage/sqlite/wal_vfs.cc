#include "storage/sqlite/wal_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
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
// large transaction does not keep its whole WAL in memory twice.
constexpr std::size_t kMaxBufferedBytes = 4 << 20;
// The buffer's memory is kept between commits up to this size (a commit
// of a few dozen pages), and given back above it.
constexpr std::size_t kKeptCapacityBytes = 1 << 20;
// The maximum length of one write to the unix VFS. Its seekAndWriteFd
// (SQLite's os_unix.c) keeps only the low 17 bits of the length, so a
// longer write is cut short and fails as a full disk.
constexpr std::size_t kMaxWriteBytes = 64 << 10;

// A registered VFS: SQLite's struct first, so SQLite's pointer to it is
// a pointer to this, and the VFS it wraps.
struct BatchingVfs {
  sqlite3_vfs vfs;
  sqlite3_vfs* base;
};

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

struct DatabaseFile;

// A WAL file: the default VFS's file, placed after this struct in the
// memory SQLite allocates (szOsFile), and the frames not yet written.
struct WalFile {
  sqlite3_file base;  // First, so SQLite's pointer is this struct's.
  sqlite3_file* file = nullptr;
  // The database file of the same connection. Frames are buffered only
  // when it is known, because its wrapper writes the buffer out when the
  // connection releases the WAL's write lock.
  DatabaseFile* database = nullptr;
  std::vector<unsigned char> buffer;
  // The file offset of buffer[0].
  sqlite3_int64 buffer_offset = 0;
  // 0 while unknown, so that nothing is buffered. Frames are
  // kFrameHeaderBytes + page_size long.
  sqlite3_int64 page_size = 0;
  // After a frame header went into the buffer: where its page must
  // follow.
  sqlite3_int64 page_expected_at = -1;

  const sqlite3_io_methods* methods() const { return file->pMethods; }

  // Writes the buffer to the file. After a failed write the unwritten
  // part stays in the buffer, and the next call tries it again. So
  // frames that SQLite takes as written are never lost while the
  // transaction goes on: a statement that fails with a full disk rolls
  // back only itself, and the transaction may still commit.
  int write_buffer() {
    page_expected_at = -1;
    std::size_t done = 0;
    int result = SQLITE_OK;
    while (done < buffer.size() && result == SQLITE_OK) {
      const std::size_t amount = std::min(kMaxWriteBytes, buffer.size() - done);
      result = methods()->xWrite(
          file, buffer.data() + done, static_cast<int>(amount),
          buffer_offset + static_cast<sqlite3_int64>(done));
      if (result == SQLITE_OK) done += amount;
    }
    buffer.erase(buffer.begin(), buffer.begin() + static_cast<long>(done));
    buffer_offset += static_cast<sqlite3_int64>(done);
    return result;
  }

  // Writes the buffer out for a write call of `amount` bytes whose bytes
  // are the buffer's last. When that fails, the call's own bytes leave
  // the buffer: SQLite takes the call as failed, so they must never
  // reach the file. A rewritten commit header written later would make
  // a commit that SQLite reported as failed come back after a crash.
  int write_buffer_for_call(int amount) {
    const int result = write_buffer();
    if (result != SQLITE_OK) {
      const std::size_t own =
          std::min(buffer.size(), static_cast<std::size_t>(amount));
      buffer.resize(buffer.size() - own);
    }
    return result;
  }

  // Writes the buffer out when the connection lets other connections
  // write the WAL. The buffer can then contain only frames of a
  // transaction that rolled back, because a commit writes it out at its
  // commit frame. When that write fails, the frames are dropped, because
  // written later they could land on frames that another connection
  // commits in the meantime.
  void write_buffer_or_drop() {
    const int result = write_buffer();
    if (result != SQLITE_OK) {
      // SQLite's printf has no z length modifier, so the size goes as
      // long long.
      sqlite3_log(result,
                  "shopkit WAL VFS: dropped %lld bytes of rolled-back WAL "
                  "frames that could not be written",
                  static_cast<long long>(buffer.size()));
      buffer.clear();
    }
    if (buffer.capacity() > kKeptCapacityBytes) {
      // A large transaction grew the buffer: give the memory back.
      std::vector<unsigned char>().swap(buffer);
    }
  }

  bool is_frame_header(int amount, sqlite3_int64 offset) const {
    return database != nullptr && page_size != 0 &&
           amount == kFrameHeaderBytes && offset >= kWalHeaderBytes &&
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
      // out at once, with the frames before it, and its page follows as
      // a write of its own. Sometimes no page follows. When a commit
      // overwrote frames it had written earlier (a transaction larger
      // than the page cache), SQLite rewrites the headers from there on
      // to fix their checksums. A header left in the buffer then would
      // be missing from the file until the next write, and a crash would
      // lose the commit.
      const bool commit =
          read_big_endian32(static_cast<const unsigned char*>(data) + 4) != 0;
      if (commit) return write_buffer_for_call(amount);
      page_expected_at = offset + kFrameHeaderBytes;
      return SQLITE_OK;
    }
    if (amount == page_size && offset == page_expected_at &&
        extends_buffer(offset)) {
      append(data, amount, offset);
      page_expected_at = -1;
      if (buffer.size() >= kMaxBufferedBytes) {
        return write_buffer_for_call(amount);
      }
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

// A main database file: the default VFS's file, placed as in WalFile,
// and the connection's WAL file once that is open.
struct DatabaseFile {
  sqlite3_file base;
  sqlite3_file* file = nullptr;
  WalFile* wal = nullptr;

  const sqlite3_io_methods* methods() const { return file->pMethods; }
};

DatabaseFile& database_file(sqlite3_file* base) {
  return *reinterpret_cast<DatabaseFile*>(base);
}

// Where the default VFS's file starts in the memory SQLite allocates.
constexpr std::size_t kInnerFileOffset =
    (std::max(sizeof(WalFile), sizeof(DatabaseFile)) +
     alignof(std::max_align_t) - 1) /
    alignof(std::max_align_t) * alignof(std::max_align_t);

int wal_close(sqlite3_file* base) {
  WalFile& wal = wal_file(base);
  if (wal.database != nullptr) wal.database->wal = nullptr;
  const int buffered = wal.write_buffer();
  const int closed = wal.methods()->xClose(wal.file);
  wal.~WalFile();
  return buffered != SQLITE_OK ? buffered : closed;
}

int wal_read(sqlite3_file* base, void* data, int amount, sqlite3_int64 offset) {
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

// Version 1, because SQLite uses shared memory and memory mapping on the
// database file only, never on a WAL file.
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

// The database file's methods pass every call on. The lock methods
// also write the connection's WAL buffer out first, so the buffer never
// outlives the locks that keep other connections from writing the WAL.

int database_close(sqlite3_file* base) {
  DatabaseFile& database = database_file(base);
  if (database.wal != nullptr) database.wal->database = nullptr;
  const int closed = database.methods()->xClose(database.file);
  database.~DatabaseFile();
  return closed;
}

int database_read(sqlite3_file* base, void* data, int amount,
                  sqlite3_int64 offset) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xRead(database.file, data, amount, offset);
}

int database_write(sqlite3_file* base, const void* data, int amount,
                   sqlite3_int64 offset) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xWrite(database.file, data, amount, offset);
}

int database_truncate(sqlite3_file* base, sqlite3_int64 size) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xTruncate(database.file, size);
}

int database_sync(sqlite3_file* base, int flags) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xSync(database.file, flags);
}

int database_file_size(sqlite3_file* base, sqlite3_int64* size) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xFileSize(database.file, size);
}

int database_lock(sqlite3_file* base, int level) {
  DatabaseFile& database = database_file(base);
  // A failed write keeps the buffer for the next try.
  if (database.wal != nullptr) database.wal->write_buffer();
  return database.methods()->xLock(database.file, level);
}

int database_unlock(sqlite3_file* base, int level) {
  DatabaseFile& database = database_file(base);
  // In locking_mode=EXCLUSIVE SQLite takes no WAL locks in shared memory,
  // and other connections wait for this lock on the database file.
  if (database.wal != nullptr) database.wal->write_buffer_or_drop();
  return database.methods()->xUnlock(database.file, level);
}

int database_check_reserved_lock(sqlite3_file* base, int* reserved) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xCheckReservedLock(database.file, reserved);
}

int database_file_control(sqlite3_file* base, int op, void* argument) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xFileControl(database.file, op, argument);
}

int database_sector_size(sqlite3_file* base) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xSectorSize(database.file);
}

int database_device_characteristics(sqlite3_file* base) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xDeviceCharacteristics(database.file);
}

int database_shm_map(sqlite3_file* base, int region, int region_size,
                     int extend, void volatile** memory) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xShmMap(database.file, region, region_size, extend,
                                     memory);
}

int database_shm_lock(sqlite3_file* base, int offset, int count, int flags) {
  DatabaseFile& database = database_file(base);
  if (database.wal != nullptr) {
    // Lock slot 0 is the WAL's write lock (WAL_WRITE_LOCK in SQLite's
    // wal.c). Any other lock call writes the buffer out early, which is
    // what SQLite would have done, and keeps it after a failed write.
    const bool releases_write_lock =
        (flags & SQLITE_SHM_UNLOCK) != 0 && offset == 0 && count > 0;
    if (releases_write_lock) {
      database.wal->write_buffer_or_drop();
    } else {
      database.wal->write_buffer();
    }
  }
  return database.methods()->xShmLock(database.file, offset, count, flags);
}

void database_shm_barrier(sqlite3_file* base) {
  DatabaseFile& database = database_file(base);
  database.methods()->xShmBarrier(database.file);
}

int database_shm_unmap(sqlite3_file* base, int delete_flag) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xShmUnmap(database.file, delete_flag);
}

int database_fetch(sqlite3_file* base, sqlite3_int64 offset, int amount,
                   void** page) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xFetch(database.file, offset, amount, page);
}

int database_unfetch(sqlite3_file* base, sqlite3_int64 offset, void* page) {
  DatabaseFile& database = database_file(base);
  return database.methods()->xUnfetch(database.file, offset, page);
}

const sqlite3_io_methods kDatabaseMethods = {
    3,
    database_close,
    database_read,
    database_write,
    database_truncate,
    database_sync,
    database_file_size,
    database_lock,
    database_unlock,
    database_check_reserved_lock,
    database_file_control,
    database_sector_size,
    database_device_characteristics,
    database_shm_map,
    database_shm_lock,
    database_shm_barrier,
    database_shm_unmap,
    database_fetch,
    database_unfetch,
};

// Opens a main database file with the default VFS and wraps it when the
// default VFS's file has every method of version 3.
int open_database(sqlite3_vfs* inner_vfs, sqlite3_filename name,
                  sqlite3_file* base, int flags, int* out_flags) {
  auto* database = new (base) DatabaseFile();
  database->file = reinterpret_cast<sqlite3_file*>(
      reinterpret_cast<char*>(base) + kInnerFileOffset);
  const int opened =
      inner_vfs->xOpen(inner_vfs, name, database->file, flags, out_flags);
  const sqlite3_io_methods* inner = database->file->pMethods;
  if (opened != SQLITE_OK || inner == nullptr || inner->iVersion < 3) {
    if (inner != nullptr) inner->xClose(database->file);
    database->~DatabaseFile();
    base->pMethods = nullptr;
    if (opened != SQLITE_OK) return opened;
    // Without a wrapper the WAL file finds no DatabaseFile and buffers
    // nothing.
    return inner_vfs->xOpen(inner_vfs, name, base, flags, out_flags);
  }
  base->pMethods = &kDatabaseMethods;
  return SQLITE_OK;
}

int open_file(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* base,
              int flags, int* out_flags) {
  sqlite3_vfs* inner_vfs = reinterpret_cast<BatchingVfs*>(vfs)->base;
  if ((flags & SQLITE_OPEN_MAIN_DB) != 0) {
    return open_database(inner_vfs, name, base, flags, out_flags);
  }
  if ((flags & SQLITE_OPEN_WAL) == 0) {
    // The default VFS's file takes the memory as is and sets its own
    // methods, so no call on this file comes back here.
    return inner_vfs->xOpen(inner_vfs, name, base, flags, out_flags);
  }
  auto* wal = new (base) WalFile();
  wal->file = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(base) +
                                              kInnerFileOffset);
  const int opened =
      inner_vfs->xOpen(inner_vfs, name, wal->file, flags, out_flags);
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
  sqlite3_file* owner = sqlite3_database_file_object(name);
  if (owner != nullptr && owner->pMethods == &kDatabaseMethods) {
    wal->database = &database_file(owner);
    wal->database->wal = wal;
  }
  base->pMethods = &kWalMethods;
  return SQLITE_OK;
}

}  // namespace

const char* register_wal_batching_vfs(const char* name, sqlite3_vfs* base) {
  if (base == nullptr) return nullptr;
  // Registered VFSs must stay for the life of the process.
  auto* registered = new (std::nothrow) BatchingVfs{*base, base};
  if (registered == nullptr) return nullptr;
  // The wrapped VFS's other methods take the VFS as an argument and
  // read only fields copied here (pAppData, mxPathname).
  registered->vfs.pNext = nullptr;
  registered->vfs.zName = name;
  registered->vfs.szOsFile = static_cast<int>(
      kInnerFileOffset + static_cast<std::size_t>(base->szOsFile));
  registered->vfs.xOpen = open_file;
  if (sqlite3_vfs_register(&registered->vfs, /*makeDflt=*/0) != SQLITE_OK) {
    delete registered;
    return nullptr;
  }
  return name;
}

const char* wal_batching_vfs() {
  static const char* const name = []() -> const char* {
    if (sqlite3_initialize() != SQLITE_OK) return nullptr;
    return register_wal_batching_vfs(kVfsName, sqlite3_vfs_find(nullptr));
  }();
  return name;
}

}  // namespace shopkit::storage::sqlite
