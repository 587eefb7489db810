// The streambuf adapters of python_streams.h.
#include "python_streams.h"

#include "bindings.h"

#include <stdexcept>

namespace shopkit::python {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

// The length in bytes of the UTF-8 sequence that starts with `lead`.
std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

// The length of the longest prefix of `text` that does not end inside a
// UTF-8 sequence, so that a chunk never splits a character.
std::size_t complete_utf8_prefix(std::string_view text) {
  std::size_t lead = text.size();
  for (int back = 0; back < 4 && lead > 0; ++back) {
    --lead;
    auto byte = static_cast<unsigned char>(text[lead]);
    if ((byte & 0xC0) == 0x80) continue;  // A continuation byte.
    bool complete = lead + utf8_sequence_length(byte) <= text.size();
    return complete ? text.size() : lead;
  }
  return text.size();
}

}  // namespace

PythonReadBuffer::PythonReadBuffer(py::object file)
    : read_(file.attr("read")) {}

PythonReadBuffer::~PythonReadBuffer() {
  py::gil_scoped_acquire acquire;
  read_ = py::object();
  error_.reset();
}

void PythonReadBuffer::rethrow_read_error() {
  if (error_) {
    py::error_already_set error = *error_;
    error_.reset();
    throw error;
  }
}

PythonReadBuffer::int_type PythonReadBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (error_) throw std::runtime_error("read() of the Python file failed");

  py::gil_scoped_acquire acquire;
  try {
    py::object data = read_(kChunkBytes);
    if (py::isinstance<py::bytes>(data)) {
      chunk_ = data.cast<std::string>();
    } else if (py::isinstance<py::str>(data)) {
      chunk_ = data.cast<std::string>();  // UTF-8
    } else {
      throw py::type_error("read() must return bytes or str, not " +
                           py::str(py::type::of(data).attr("__name__"))
                               .cast<std::string>());
    }
  } catch (py::error_already_set& error) {
    error_ = std::make_unique<py::error_already_set>(std::move(error));
  } catch (const py::builtin_exception& error) {
    error.set_error();
    error_ = std::make_unique<py::error_already_set>();
  }
  if (error_) {
    // std::istream turns this into badbit, so the reader sees a failed
    // stream rather than a clean end of file.
    throw std::runtime_error("read() of the Python file failed");
  }
  if (chunk_.empty()) return traits_type::eof();
  setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
  return traits_type::to_int_type(*gptr());
}

PythonWriteBuffer::PythonWriteBuffer(py::object file)
    : write_(file.attr("write")),
      text_(py::isinstance(file, py::module_::import("io").attr("TextIOBase"))) {
}

PythonWriteBuffer::~PythonWriteBuffer() {
  py::gil_scoped_acquire acquire;
  write_ = py::object();
  error_.reset();
}

void PythonWriteBuffer::flush_to_file() { write_pending(true); }

void PythonWriteBuffer::rethrow_write_error() {
  if (error_) {
    py::error_already_set error = *error_;
    error_.reset();
    throw error;
  }
}

PythonWriteBuffer::int_type PythonWriteBuffer::overflow(int_type character) {
  if (error_) return traits_type::eof();
  if (!traits_type::eq_int_type(character, traits_type::eof())) {
    pending_.push_back(traits_type::to_char_type(character));
    if (pending_.size() >= kChunkBytes) write_pending(false);
  }
  return error_ ? traits_type::eof() : traits_type::not_eof(character);
}

std::streamsize PythonWriteBuffer::xsputn(const char* data,
                                          std::streamsize size) {
  if (error_) return 0;
  pending_.append(data, static_cast<std::size_t>(size));
  if (pending_.size() >= kChunkBytes) write_pending(false);
  return error_ ? 0 : size;
}

int PythonWriteBuffer::sync() {
  write_pending(false);
  return error_ ? -1 : 0;
}

void PythonWriteBuffer::write_pending(bool all) {
  if (pending_.empty() || error_) return;
  std::size_t length = pending_.size();
  if (text_ && !all) length = complete_utf8_prefix(pending_);
  py::gil_scoped_acquire acquire;
  try {
    std::string_view chunk(pending_.data(), length);
    if (text_) {
      write_(utf8_text(chunk));
    } else {
      write_(py::bytes(chunk.data(), chunk.size()));
    }
  } catch (py::error_already_set& error) {
    error_ = std::make_unique<py::error_already_set>(std::move(error));
  }
  pending_.erase(0, length);
}

}  // namespace shopkit::python
