// A SQLite VFS that writes the frames of a WAL commit with a few large
// write calls instead of two per page. Every connection of the library
// opens its file through it.
#pragma once

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
// page follows as one more call. So the commit's write calls report any
// error as before. The buffer is also written out first whenever
// anything else happens to the file (a read, a write elsewhere, a sync,
// a truncate, a size query, a close), and when the connection releases
// the WAL's write lock, which the VFS sees through its wrapper of the
// database file. So the file contains every frame before SQLite marks
// the commit as visible to other connections, a crash of the process
// after a commit loses nothing, and the frames of a rolled-back
// transaction are written before any other connection may write the
// WAL. Writes that do not follow the frame pattern go straight to the
// file. Other files (journals, temporary files) are the default VFS's
// own.
const char* wal_batching_vfs();

}  // namespace shopkit::storage::sqlite
