// The CSV reader on arbitrary bytes: it must return records or raise
// ParseError (invalid_argument), give the same result however the input
// is split into chunks, and read back unchanged what the writer wrote
// for each record.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "csv/reader.h"
#include "csv/writer.h"

namespace {

using shopkit::csv::ParseError;
using shopkit::csv::Parser;
using shopkit::csv::Record;

// One entry per record: its fields and line, or the line of an error.
struct Entry {
  std::vector<std::string> fields;
  std::int64_t line = 0;
  bool error = false;
  bool operator==(const Entry&) const = default;
};

void drain(Parser& parser, std::vector<Entry>& out) {
  Record record;
  while (true) {
    try {
      if (!parser.next(record)) return;
      out.push_back(Entry{record.fields, record.line, false});
    } catch (const ParseError& error) {
      if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
      out.push_back(Entry{{}, error.line(), true});
    }
  }
}

// Parses `text` fed in chunks of `step` bytes (the whole text when 0).
std::vector<Entry> parse(std::string_view text, std::size_t step,
                         const shopkit::csv::Limits& limits) {
  Parser parser(limits);
  std::vector<Entry> entries;
  if (step == 0) step = text.size() + 1;
  for (std::size_t i = 0; i < text.size(); i += step) {
    parser.feed(text.substr(i, step));
    drain(parser, entries);
  }
  parser.finish();
  drain(parser, entries);
  return entries;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the chunk size; small limits reach the
  // over-limit paths with short inputs.
  const std::size_t step = data[0] % 7 + 1;
  shopkit::csv::Limits limits;
  limits.max_field_bytes = 64;
  limits.max_record_bytes = 256;
  limits.max_fields = 16;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  const std::vector<Entry> whole = parse(text, 0, limits);
  if (parse(text, step, limits) != whole) std::abort();

  for (const Entry& entry : whole) {
    if (entry.error) continue;
    std::ostringstream out;
    shopkit::csv::Writer writer(out);
    writer.write(entry.fields);
    std::vector<Entry> again = parse(out.str(), 0, shopkit::csv::Limits{});
    // A record of one empty field is written as an empty line, which
    // the reader skips as blank.
    const bool blank = entry.fields.size() == 1 && entry.fields[0].empty();
    if (blank ? !again.empty()
              : again.size() != 1 || again[0].fields != entry.fields) {
      std::abort();
    }
  }
  return 0;
}
