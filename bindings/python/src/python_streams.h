// std::streambuf adapters over Python file objects, so that a product
// import reads a file in chunks and an export writes one, instead of
// holding the whole CSV text in memory. The library calls them with the
// GIL released; each read or write of a chunk takes the GIL.
#pragma once

#include <streambuf>
#include <memory>
#include <string>
#include <string_view>

#include "casters.h"

namespace shopkit::python {

// Reads from an object with read(size) returning bytes or str (str is
// encoded as UTF-8). An exception raised by read() is stored and the
// stream fails (badbit); the caller raises it with rethrow_read_error().
// Construct and destroy it with the GIL held.
class PythonReadBuffer final : public std::streambuf {
 public:
  explicit PythonReadBuffer(py::object file);
  ~PythonReadBuffer() override;

  // Raises the error that read() raised, if any. Call with the GIL held.
  void rethrow_read_error();

 protected:
  int_type underflow() override;

 private:
  py::object read_;
  std::string chunk_;
  std::unique_ptr<py::error_already_set> error_;
};

// Writes to an object with write(): str for a text file (io.TextIOBase),
// bytes otherwise, in chunks of about 64 KiB that never split a UTF-8
// character. A failed write is stored like a failed read. Construct and
// destroy it with the GIL held.
class PythonWriteBuffer final : public std::streambuf {
 public:
  explicit PythonWriteBuffer(py::object file);
  ~PythonWriteBuffer() override;

  // Writes what is buffered. Call with the GIL released.
  void flush_to_file();
  // Raises the error that write() raised, if any. Call with the GIL held.
  void rethrow_write_error();

 protected:
  int_type overflow(int_type character) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  // Writes the pending text, or with all=false only up to the last whole
  // UTF-8 character.
  void write_pending(bool all);

  py::object write_;
  bool text_;
  std::string pending_;
  std::unique_ptr<py::error_already_set> error_;
};

}  // namespace shopkit::python
