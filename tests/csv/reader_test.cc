#include "csv/reader.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "csv/header_map.h"
#include "csv/writer.h"

using shopkit::csv::ParseError;
using shopkit::csv::Parser;
using shopkit::csv::Record;
using shopkit::csv::TextReader;

namespace {

using Rows = std::vector<std::vector<std::string>>;

// Reads every record of `text`, failing the test on a parse error.
std::vector<Record> read_all(std::string_view text) {
  TextReader reader(text);
  std::vector<Record> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

Rows fields_of(const std::vector<Record>& records) {
  Rows rows;
  for (const auto& record : records) rows.push_back(record.fields);
  return rows;
}

// Feeds `text` to a parser `step` bytes at a time.
std::vector<Record> read_in_steps(std::string_view text, std::size_t step) {
  Parser parser;
  std::vector<Record> records;
  Record record;
  for (std::size_t i = 0; i < text.size(); i += step) {
    parser.feed(text.substr(i, step));
    while (parser.next(record)) records.push_back(record);
  }
  parser.finish();
  while (parser.next(record)) records.push_back(record);
  return records;
}

// The message of the ParseError that reading `text` raises first.
std::string first_error(std::string_view text, std::int64_t* line) {
  TextReader reader(text);
  try {
    while (reader.next()) {
    }
  } catch (const ParseError& error) {
    *line = error.line();
    return error.what();
  }
  FAIL("no parse error in: " << text);
  return {};
}

}  // namespace

TEST_CASE("reader splits plain records") {
  auto rows = fields_of(read_all("a,b,c\n1,2,3\n"));
  CHECK(rows == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
}

TEST_CASE("reader strips a UTF-8 BOM") {
  auto rows = fields_of(read_all("\xEF\xBB\xBFID,Name\n1,x\n"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "ID");
}

TEST_CASE("reader keeps a BOM-like prefix that is not one") {
  auto rows = fields_of(read_all("\xEF\xBBx,y\n"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == "\xEF\xBBx");
}

TEST_CASE("reader accepts CRLF, LF and CR line ends") {
  auto rows = fields_of(read_all("a,b\r\nc,d\ne,f\rg,h"));
  CHECK(rows == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}});
}

TEST_CASE("reader reads a last line without line end") {
  auto rows = fields_of(read_all("a,b\r\nc,d"));
  CHECK(rows == Rows{{"a", "b"}, {"c", "d"}});
}

TEST_CASE("quoted fields keep commas, quotes and newlines") {
  auto rows = fields_of(
      read_all("\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\nx,y,z\n"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0][0] == "a,b");
  CHECK(rows[0][1] == "say \"hi\"");
  CHECK(rows[0][2] == "two\r\nlines");
  CHECK(rows[1] == std::vector<std::string>{"x", "y", "z"});
}

TEST_CASE("empty cells and empty quoted cells") {
  auto rows = fields_of(read_all(",,\"\",x,\n"));
  CHECK(rows == Rows{{"", "", "", "x", ""}});
}

TEST_CASE("trailing comma on last line") {
  auto rows = fields_of(read_all("a,"));
  CHECK(rows == Rows{{"a", ""}});
}

TEST_CASE("blank lines are skipped") {
  auto records = read_all("a\n\n\r\nb\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields[0] == "b");
  CHECK(records[1].line == 4);
}

TEST_CASE("line numbers count newlines inside quotes") {
  auto records = read_all("h1,h2\r\n\"x\r\ny\r\nz\",1\r\nnext,2\r\n");
  REQUIRE(records.size() == 3);
  CHECK(records[0].line == 1);
  CHECK(records[1].line == 2);
  CHECK(records[2].line == 5);
}

TEST_CASE("quote inside unquoted field is text") {
  auto rows = fields_of(read_all("12\" ruler,x\n"));
  CHECK(rows == Rows{{"12\" ruler", "x"}});
}

TEST_CASE("spaces after closing quote are dropped") {
  auto rows = fields_of(read_all("\"padded\"   ,next  \n"));
  CHECK(rows == Rows{{"padded", "next  "}});
}

TEST_CASE("every chunk split gives the same records") {
  std::string text =
      "\xEF\xBB\xBFh,\"q\"\r\n\"a\"\"b\",\"c\r\nd\"\r\ne,\r\n\"\",f";
  auto whole = read_all(text);
  for (std::size_t step = 1; step <= text.size(); ++step) {
    auto parts = read_in_steps(text, step);
    REQUIRE(parts.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(parts[i].fields == whole[i].fields);
      CHECK(parts[i].line == whole[i].line);
    }
  }
}

TEST_CASE("unclosed quote is reported at its line") {
  std::int64_t line = 0;
  auto message = first_error("a,b\nc,\"open\nmore\n", &line);
  CHECK(line == 2);
  CHECK(message.find("not closed") != std::string::npos);
}

TEST_CASE("stray text after closing quote skips the record") {
  TextReader reader("\"a\"b,c\nd,e\n");
  CHECK_THROWS_AS(reader.next(), ParseError);
  auto record = reader.next();
  REQUIRE(record.has_value());
  CHECK(record->fields == std::vector<std::string>{"d", "e"});
  CHECK(record->line == 2);
}

TEST_CASE("oversized field is reported and skipped") {
  shopkit::csv::Limits limits;
  limits.max_field_bytes = 8;
  TextReader reader("ok,1\n\"0123456789\nabc\",2\nlast,3\n", limits);
  CHECK(reader.next()->fields[0] == "ok");
  try {
    reader.next();
    FAIL("no error for the long field");
  } catch (const ParseError& error) {
    CHECK(error.line() == 2);
    CHECK(std::string(error.what()).find("limit of 8 bytes") !=
          std::string::npos);
  }
  auto record = reader.next();
  REQUIRE(record.has_value());
  CHECK(record->fields[0] == "last");
  CHECK(record->line == 4);
}

TEST_CASE("oversized record and field count are reported") {
  shopkit::csv::Limits limits;
  limits.max_record_bytes = 6;
  limits.max_fields = 3;
  TextReader reader("abc,def,g\na,b,c,d\nx\n", limits);
  CHECK_THROWS_AS(reader.next(), ParseError);
  CHECK_THROWS_AS(reader.next(), ParseError);
  CHECK(reader.next()->fields[0] == "x");
}

TEST_CASE("stream reader reads in small chunks") {
  std::istringstream in("a,\"b\nc\"\r\nd,e");
  shopkit::csv::Reader reader(in, {}, 2);
  auto first = reader.next();
  REQUIRE(first.has_value());
  CHECK(first->fields[1] == "b\nc");
  auto second = reader.next();
  REQUIRE(second.has_value());
  CHECK(second->line == 3);
  CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("writer quotes only when needed") {
  std::ostringstream out;
  shopkit::csv::Writer writer(out);
  writer.write({"plain", "a,b", "say \"hi\"", "two\nlines", " pad", ""});
  CHECK(out.str() ==
        "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",\r\n");
}

TEST_CASE("writer output reads back unchanged") {
  std::vector<std::string> fields = {
      "\xEF\xBB\xBF"
      "bom",
      "",
      "x",
      "\"",
      ",",
      "\r\n",
      " a ",
      "é"};
  std::ostringstream out;
  shopkit::csv::Writer writer(out);
  writer.write(fields);
  writer.write(fields);
  auto records = read_all(out.str());
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == fields);
  CHECK(records[1].fields == fields);
}

TEST_CASE("header map finds columns in any order") {
  auto records = read_all(" Variant SKU ,handle,Title\nsku-1,h,T\n");
  shopkit::csv::HeaderMap header(records[0]);
  auto sku = header.find("variant sku");
  REQUIRE(sku.present());
  CHECK(sku.name() == "Variant SKU");
  CHECK(sku.raw(records[1]) == "sku-1");
  CHECK(header.find("Handle").raw(records[1]) == "h");
  CHECK_FALSE(header.find("Vendor").present());
  CHECK(header.find("Vendor").raw(records[1]).empty());
}

TEST_CASE("header map reads short records as empty") {
  auto records = read_all("a,b,c\n1\n");
  shopkit::csv::HeaderMap header(records[0]);
  CHECK(header.find("c").raw(records[1]).empty());
}

TEST_CASE("header map lists duplicate names") {
  auto records = read_all("Tags,tags,x\n1,2,3\n");
  shopkit::csv::HeaderMap header(records[0]);
  CHECK(header.find("tags").raw(records[1]) == "1");
  CHECK(header.duplicates() == std::vector<std::string>{"tags"});
}
