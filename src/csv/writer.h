// Writes CSV records as RFC 4180 describes them.
#pragma once

#include <initializer_list>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace shopkit::csv {

// Appends `field` to `out`, quoted with inner quotes doubled when it
// contains a comma, a quote, a CR or LF. A field that starts or ends with
// a space or tab is quoted too, so a reader that trims padding keeps it,
// and so is one that starts with the bytes of a UTF-8 byte order mark.
void append_field(std::string& out, std::string_view field);

// Formats records into a stream. Each record ends with `line_end`,
// CRLF by default as RFC 4180 specifies.
class Writer {
 public:
  explicit Writer(std::ostream& out, std::string_view line_end = "\r\n");

  void write(std::span<const std::string_view> fields);
  void write(std::span<const std::string> fields);
  void write(std::initializer_list<std::string_view> fields);

 private:
  template <typename Range>
  void write_range(const Range& fields);

  std::ostream& out_;
  std::string line_end_;
  std::string buffer_;
};

}  // namespace shopkit::csv
