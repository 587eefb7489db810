#include "csv/writer.h"

namespace shopkit::csv {
namespace {

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.find_first_of(",\"\r\n") != std::string_view::npos) return true;
  // Unquoted, these bytes at the start of a file would read as a BOM.
  if (field.rfind("\xEF\xBB\xBF", 0) == 0) return true;
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  return is_blank(field.front()) || is_blank(field.back());
}

}  // namespace

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

Writer::Writer(std::ostream& out, std::string_view line_end)
    : out_(out), line_end_(line_end) {}

void Writer::write(std::span<const std::string_view> fields) {
  write_range(fields);
}

void Writer::write(std::span<const std::string> fields) { write_range(fields); }

void Writer::write(std::initializer_list<std::string_view> fields) {
  write_range(fields);
}

template <typename Range>
void Writer::write_range(const Range& fields) {
  buffer_.clear();
  bool first = true;
  for (const auto& field : fields) {
    if (!first) buffer_.push_back(',');
    first = false;
    append_field(buffer_, field);
  }
  buffer_.append(line_end_);
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
}

}  // namespace shopkit::csv
