// A streaming CSV reader for RFC 4180 text as spreadsheets and shop
// systems export it. It accepts an optional UTF-8 byte order mark, CRLF,
// LF or CR line ends, and a last line with or without a line end. Quoted
// fields may contain commas, doubled quotes ("") and line breaks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shopkit/error.h"

namespace shopkit::csv {

// Bounds on one record, so a file without line ends or with an unclosed
// quote cannot take unbounded memory.
struct Limits {
  std::size_t max_field_bytes = std::size_t{1} << 20;   // 1 MiB
  std::size_t max_record_bytes = std::size_t{8} << 20;  // 8 MiB
  std::size_t max_fields = 1000;
};

// One record. `line` is the 1-based physical line on which the record
// starts, so it matches what a text editor shows. Line ends inside
// quoted fields count too, except a lone CR there.
struct Record {
  std::vector<std::string> fields;
  std::int64_t line = 0;
};

// A record that could not be read: a stray character after a closing
// quote, a quoted field still open at the end of the input, or a field,
// record or field count over the limits. The error code is
// invalid_argument; the message names the line and the cause.
class ParseError : public Error {
 public:
  ParseError(std::int64_t line, const std::string& message);
  std::int64_t line() const noexcept { return line_; }

 private:
  std::int64_t line_;
};

// An incremental parser: feed() takes the input in chunks of any size
// (a chunk may end inside a field, a quote pair or a CRLF), and next()
// returns the records that are complete so far. Blank lines are skipped.
// A malformed record is dropped whole and reported once, through
// next(); reading then resumes with the record after it.
class Parser {
 public:
  explicit Parser(Limits limits = {});

  void feed(std::string_view chunk);
  // Marks the end of the input and completes the last record.
  void finish();

  // Moves the next complete record into `out` and returns true, or
  // returns false when none is buffered. Raises ParseError when the next
  // buffered entry is a malformed record; the call after that continues
  // with the following record.
  bool next(Record& out);

 private:
  enum class State {
    record_start,
    field_start,
    unquoted,
    quoted,
    quote_in_quoted,      // A '"' inside a quoted field: end or escape.
    after_closing_quote,  // Only spaces may follow before ',' or EOL.
  };
  struct Failure {
    std::int64_t line;
    std::string message;
  };

  void process(std::string_view text);
  std::size_t scan_quoted(std::string_view text, std::size_t i);
  std::size_t scan_unquoted(std::string_view text, std::size_t i);
  void append(std::string_view text);
  void end_field();
  void end_record();
  void fail(std::string message);
  void begin_line_break(char c);

  Limits limits_;
  State state_ = State::record_start;
  bool bom_checked_ = false;
  std::string bom_prefix_;  // First bytes while fewer than 3 have come.
  bool skip_lf_ = false;    // The last byte was a CR outside quotes.
  bool finished_ = false;
  std::int64_t line_ = 1;         // Line of the next byte.
  std::int64_t record_line_ = 1;  // Line where the open record started.
  std::int64_t quote_line_ = 1;   // Line where the open quote started.
  std::string field_;
  std::vector<std::string> fields_;
  std::size_t record_bytes_ = 0;
  std::optional<std::string> failure_;  // Set while skipping a bad record.
  std::deque<std::variant<Record, Failure>> ready_;
};

// Reads records from a stream in chunks. The stream must stay alive
// while the reader is used.
class Reader {
 public:
  explicit Reader(std::istream& in, Limits limits = {},
                  std::size_t chunk_bytes = 64 * 1024);

  // Returns the next record, or nullopt at the end of the input. Raises
  // ParseError for a malformed record (the next call continues after
  // it) and Error(internal) when the stream fails.
  std::optional<Record> next();
  // As next(), reusing `out`'s buffers. Returns false at the end.
  bool next(Record& out);

 private:
  std::istream& in_;
  Parser parser_;
  std::string chunk_;
  bool eof_ = false;
};

// Reads records from text already in memory, without copying it. The
// text must stay alive while the reader is used.
class TextReader {
 public:
  explicit TextReader(std::string_view text, Limits limits = {});
  std::optional<Record> next();
  bool next(Record& out);

 private:
  Parser parser_;
  std::string_view rest_;
  bool done_ = false;
};

}  // namespace shopkit::csv
