#include "csv/header_map.h"

#include <algorithm>

namespace shopkit::csv {

std::string_view trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string_view Column::raw(const Record& record) const {
  if (!present_ || index_ >= record.fields.size()) return {};
  return record.fields[index_];
}

std::string_view Column::trimmed(const Record& record) const {
  return trim(raw(record));
}

HeaderMap::HeaderMap(const Record& header) {
  for (const std::string& field : header.fields) {
    std::string name(trim(field));
    std::string key = ascii_lower(name);
    if (std::find(keys_.begin(), keys_.end(), key) != keys_.end() &&
        std::find(duplicates_.begin(), duplicates_.end(), name) ==
            duplicates_.end()) {
      duplicates_.push_back(name);
    }
    names_.push_back(std::move(name));
    keys_.push_back(std::move(key));
  }
}

Column HeaderMap::find(std::string_view name) const {
  std::string key = ascii_lower(trim(name));
  auto it = std::find(keys_.begin(), keys_.end(), key);
  if (it == keys_.end()) return Column();
  auto index = static_cast<std::size_t>(it - keys_.begin());
  return Column(index, names_[index]);
}

}  // namespace shopkit::csv
