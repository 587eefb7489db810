// Writes JSON text straight into a string, for the responses that carry
// many values (a catalog page), where building a nlohmann::json first
// costs more than the rest of the request. The output matches what
// nlohmann::json::dump(-1, ' ', false, replace) prints for the same
// document: no spaces, members in the order the caller writes them (the
// callers write them sorted, as nlohmann's std::map keeps them), bytes
// that are not valid UTF-8 replaced by U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shopkit::internal {

class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // Writes "name": and leaves the value to the next call.
  void key(std::string_view name);

  void string(std::string_view text);
  void number(std::int64_t value);
  void boolean(bool value);
  void null();

 private:
  void open(char bracket);
  void close(char bracket);
  // Writes a comma before every value but the first of its object or
  // array.
  void separate();

  std::string& out_;
  bool first_ = true;      // No value written yet in the open container.
  bool after_key_ = false;  // The next value belongs to the key just written.
};

}  // namespace shopkit::internal
