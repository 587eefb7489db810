#include "json/json_text.h"

#include <charconv>
#include <cstddef>

namespace shopkit::internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The UTF-8 sequence that starts at `text[i]` (a byte of 0x80 or more):
// its length, and whether it is valid. An invalid one is the lead byte
// and the continuation bytes that still fit it (the "maximal subpart"
// of Unicode's chapter 3, which nlohmann's decoder also follows), so it
// becomes one U+FFFD. Overlong forms, surrogates and values past
// U+10FFFF are invalid.
struct Sequence {
  std::size_t length;
  bool valid;
};

bool needs_no_escape(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\';
}

Sequence utf8_sequence(std::string_view text, std::size_t i) {
  const auto byte = [&text](std::size_t at) {
    return static_cast<unsigned char>(text[at]);
  };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {1, false};
  }
  std::size_t fitting = 1;
  while (fitting < length && i + fitting < text.size()) {
    const unsigned char next = byte(i + fitting);
    const unsigned char min = fitting == 1 ? low : 0x80;
    const unsigned char max = fitting == 1 ? high : 0xBF;
    if (next < min || next > max) break;
    ++fitting;
  }
  return {fitting, fitting == length};
}

}  // namespace

void JsonText::key(std::string_view name) {
  string(name);
  out_ += ':';
  after_key_ = true;
}

void JsonText::string(std::string_view text) {
  separate();
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of printable ASCII other than '"' and '\\' is copied as it
    // is, in one append.
    std::size_t plain_end = i;
    while (plain_end < text.size() && needs_no_escape(text[plain_end])) {
      ++plain_end;
    }
    if (plain_end > i) {
      out_.append(text.data() + i, plain_end - i);
      i = plain_end;
      continue;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const Sequence sequence = utf8_sequence(text, i);
      if (sequence.valid) {
        out_.append(text.substr(i, sequence.length));
      } else {
        out_ += kReplacement;
      }
      i += sequence.length;
      continue;
    }
    switch (byte) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out_ += "\\u00";
          out_ += kHex[byte >> 4];
          out_ += kHex[byte & 0x0F];
        } else {
          out_ += static_cast<char>(byte);
        }
    }
    ++i;
  }
  out_ += '"';
}

void JsonText::number(std::int64_t value) {
  separate();
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, result.ptr);
}

void JsonText::boolean(bool value) {
  separate();
  out_ += value ? "true" : "false";
}

void JsonText::null() {
  separate();
  out_ += "null";
}

void JsonText::open(char bracket) {
  separate();
  out_ += bracket;
  first_ = true;
}

void JsonText::close(char bracket) {
  out_ += bracket;
  first_ = false;
}

void JsonText::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_) out_ += ',';
  first_ = false;
}

}  // namespace shopkit::internal
