#include "csv/reader.h"

#include <algorithm>
#include <utility>

namespace shopkit::csv {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string line_text(std::int64_t line) {
  return "line " + std::to_string(line);
}

}  // namespace

ParseError::ParseError(std::int64_t line, const std::string& message)
    : Error(ErrorCode::invalid_argument, message), line_(line) {}

Parser::Parser(Limits limits) : limits_(limits) {}

void Parser::feed(std::string_view chunk) {
  if (finished_) {
    throw Error(ErrorCode::internal, "CSV parser fed after finish()");
  }
  if (!bom_checked_) {
    // The byte order mark may arrive split over several chunks, so the
    // first three bytes are collected before any is parsed.
    std::size_t take = std::min(chunk.size(), 3 - bom_prefix_.size());
    bom_prefix_.append(chunk.substr(0, take));
    chunk.remove_prefix(take);
    if (bom_prefix_.size() < 3) return;
    bom_checked_ = true;
    if (bom_prefix_ != kUtf8Bom) process(bom_prefix_);
    bom_prefix_.clear();
  }
  process(chunk);
}

void Parser::finish() {
  if (finished_) return;
  if (!bom_checked_) {
    bom_checked_ = true;
    if (bom_prefix_ != kUtf8Bom) process(bom_prefix_);
    bom_prefix_.clear();
  }
  finished_ = true;
  switch (state_) {
    case State::record_start:
      break;
    case State::quoted:
      fail("quoted field that starts on " + line_text(quote_line_) +
           " is not closed at the end of the input; a '\"' is missing");
      end_record();
      break;
    default:
      end_field();
      end_record();
      break;
  }
}

bool Parser::next(Record& out) {
  if (ready_.empty()) return false;
  auto entry = std::move(ready_.front());
  ready_.pop_front();
  if (auto* failure = std::get_if<Failure>(&entry)) {
    throw ParseError(failure->line, failure->message);
  }
  out = std::move(std::get<Record>(entry));
  return true;
}

void Parser::process(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (skip_lf_) {
      // The LF of a CRLF pair: the CR already ended the line.
      skip_lf_ = false;
      if (c == '\n') {
        ++i;
        continue;
      }
    }
    switch (state_) {
      case State::record_start:
        if (c == '\r' || c == '\n') {
          begin_line_break(c);  // A blank line: no record.
          ++i;
          continue;
        }
        record_line_ = line_;
        state_ = State::field_start;
        [[fallthrough]];
      case State::field_start:
        if (c == '"') {
          quote_line_ = line_;
          state_ = State::quoted;
          ++i;
        } else if (c == ',') {
          end_field();
          ++i;
        } else if (c == '\r' || c == '\n') {
          end_field();
          end_record();
          begin_line_break(c);
          ++i;
        } else {
          state_ = State::unquoted;
        }
        break;
      case State::unquoted:
        i = scan_unquoted(text, i);
        break;
      case State::quoted:
        i = scan_quoted(text, i);
        break;
      case State::quote_in_quoted:
        if (c == '"') {
          append("\"");  // An escaped quote.
          state_ = State::quoted;
          ++i;
          break;
        }
        state_ = State::after_closing_quote;
        [[fallthrough]];
      case State::after_closing_quote:
        if (c == ',') {
          end_field();
          state_ = State::field_start;
        } else if (c == '\r' || c == '\n') {
          end_field();
          end_record();
          begin_line_break(c);
        } else if (c != ' ' && c != '\t') {
          // Padding spaces after a closing quote are dropped; anything
          // else means the quotes inside the field were not doubled.
          fail("unexpected character '" + std::string(1, c) +
               "' after the closing quote of a field on " + line_text(line_) +
               "; quotes inside a field must be doubled");
          state_ = State::unquoted;
          break;
        }
        ++i;
        break;
    }
  }
}

std::size_t Parser::scan_unquoted(std::string_view text, std::size_t i) {
  // A '"' inside an unquoted field (12" ruler) is kept as text.
  std::size_t end = text.find_first_of(",\r\n", i);
  if (end == std::string_view::npos) end = text.size();
  append(text.substr(i, end - i));
  if (end == text.size()) return end;
  end_field();
  if (text[end] == ',') {
    state_ = State::field_start;
  } else {
    end_record();
    begin_line_break(text[end]);
  }
  return end + 1;
}

std::size_t Parser::scan_quoted(std::string_view text, std::size_t i) {
  std::size_t end = text.find('"', i);
  if (end == std::string_view::npos) end = text.size();
  std::string_view run = text.substr(i, end - i);
  line_ += std::count(run.begin(), run.end(), '\n');
  append(run);
  if (end == text.size()) return end;
  state_ = State::quote_in_quoted;
  return end + 1;
}

void Parser::append(std::string_view text) {
  if (failure_ || text.empty()) return;
  if (field_.size() + text.size() > limits_.max_field_bytes) {
    fail("field " + std::to_string(fields_.size() + 1) + " of the record on " +
         line_text(record_line_) + " is longer than the limit of " +
         std::to_string(limits_.max_field_bytes) + " bytes");
    return;
  }
  if (record_bytes_ + text.size() > limits_.max_record_bytes) {
    fail("record on " + line_text(record_line_) +
         " is longer than the limit of " +
         std::to_string(limits_.max_record_bytes) + " bytes");
    return;
  }
  record_bytes_ += text.size();
  field_.append(text);
}

void Parser::end_field() {
  if (failure_) return;
  if (fields_.size() == limits_.max_fields) {
    fail("record on " + line_text(record_line_) + " has more than " +
         std::to_string(limits_.max_fields) + " fields");
    return;
  }
  fields_.push_back(std::move(field_));
  field_.clear();
}

void Parser::end_record() {
  if (failure_) {
    ready_.emplace_back(Failure{record_line_, std::move(*failure_)});
    failure_.reset();
  } else {
    ready_.emplace_back(Record{std::move(fields_), record_line_});
  }
  fields_.clear();
  field_.clear();
  record_bytes_ = 0;
  state_ = State::record_start;
}

void Parser::fail(std::string message) {
  if (failure_) return;  // The first cause is the one reported.
  failure_ = std::move(message);
  field_.clear();
  fields_.clear();
}

void Parser::begin_line_break(char c) {
  ++line_;
  skip_lf_ = c == '\r';
}

Reader::Reader(std::istream& in, Limits limits, std::size_t chunk_bytes)
    : in_(in), parser_(limits), chunk_(chunk_bytes, '\0') {}

std::optional<Record> Reader::next() {
  Record record;
  if (!next(record)) return std::nullopt;
  return record;
}

bool Reader::next(Record& out) {
  while (!parser_.next(out)) {
    if (eof_) return false;
    in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    const auto count = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) {
      throw Error(ErrorCode::internal, "reading the CSV input failed");
    }
    parser_.feed(std::string_view(chunk_.data(), count));
    if (in_.eof()) {
      eof_ = true;
      parser_.finish();
    }
  }
  return true;
}

TextReader::TextReader(std::string_view text, Limits limits)
    : parser_(limits), rest_(text) {}

std::optional<Record> TextReader::next() {
  Record record;
  if (!next(record)) return std::nullopt;
  return record;
}

bool TextReader::next(Record& out) {
  // Slices bound how many parsed records wait in the parser at once.
  constexpr std::size_t kSliceBytes = 64 * 1024;
  while (!parser_.next(out)) {
    if (done_) return false;
    std::size_t take = std::min(rest_.size(), kSliceBytes);
    parser_.feed(rest_.substr(0, take));
    rest_.remove_prefix(take);
    if (rest_.empty()) {
      done_ = true;
      parser_.finish();
    }
  }
  return true;
}

}  // namespace shopkit::csv
