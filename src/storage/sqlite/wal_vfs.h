// A SQLite VFS that writes the frames of a WAL commit with a few large
// write calls instead of two per page. Every connection of the library
// opens its file through it.
#pragma once

#include <sqlite3.h>

namespace shopkit::storage::sqlite {

// Registers the VFS on the first call (not as the default VFS) and
// returns its name, for sqlite3_open_v2, or nullptr when SQLite could
// not be initialized or the VFS not registered.
//
// SQLite writes each WAL frame as two calls: the 24-byte frame header,
// then the page. A commit of 50 pages was 100 pwrite calls, and in a
// profile of product creates over HTTP those calls took about a quarter
// of the store writer's time. The VFS keeps such frames in a buffer
// while they come in order. The header of the commit frame writes the
// buffer out with it, in calls of up to 64 KiB, and the commit frame's
// page follows as one more call, so the commit's write calls report any
// error as before. The buffer is also written out first whenever
// anything else happens to the WAL file: a read, a write elsewhere, a
// sync, a truncate, a size query or a close. The same happens before
// any lock call on the database file or its shared memory. So the file contains every
// frame before SQLite marks the commit as visible to other connections,
// and a crash of the process after a commit loses nothing.
//
// A write of the buffer that fails (a full disk) keeps the unwritten
// frames for the next try, so none that SQLite takes as written is lost
// while its transaction goes on. The bytes of the write call that failed
// are not kept, because SQLite takes that call as failed. Only when the
// connection releases the WAL's write lock, or the lock on the database file,
// are frames that still fail dropped, with a message to sqlite3_log. They can
// only be frames of a transaction that rolled back. Writes that do not follow
// the frame pattern go straight to the file. Other files (journals,
// temporary files) are the wrapped VFS's own.
const char* wal_batching_vfs();

// Registers the same VFS under `name` (which must stay valid) over
// `base` instead of the default VFS, and returns `name`, or nullptr when
// registration failed. Tests put a VFS that injects errors below it.
const char* register_wal_batching_vfs(const char* name, sqlite3_vfs* base);

}  // namespace shopkit::storage::sqlite
