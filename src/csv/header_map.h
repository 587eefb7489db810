// Finds columns of a CSV file by their header names, so files whose
// columns come in any order, or with columns added or missing, read the
// same way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "csv/reader.h"

namespace shopkit::csv {

// A column looked up by name: its index in the records, or absent.
class Column {
 public:
  Column() = default;
  Column(std::size_t index, std::string name)
      : index_(index), name_(std::move(name)), present_(true) {}

  bool present() const noexcept { return present_; }
  std::size_t index() const noexcept { return index_; }
  // The header as the file spells it, for error reports.
  const std::string& name() const noexcept { return name_; }

  // The cell of this column in `record`: empty when the column is
  // absent or the record is shorter than the header.
  std::string_view raw(const Record& record) const;
  // As raw(), with leading and trailing spaces and tabs removed.
  std::string_view trimmed(const Record& record) const;

 private:
  std::size_t index_ = 0;
  std::string name_;
  bool present_ = false;
};

// Header names are matched ignoring ASCII case and surrounding spaces,
// so "variant sku " finds "Variant SKU". When a name occurs twice, the
// first column wins and duplicates() lists the name.
class HeaderMap {
 public:
  explicit HeaderMap(const Record& header);

  // The column called `name`, or an absent Column.
  Column find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name).present(); }

  // Header names as the file spells them, in file order.
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<std::string>& duplicates() const { return duplicates_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> keys_;  // Lower case, trimmed.
  std::vector<std::string> duplicates_;
};

// Returns `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

// Returns `text` in ASCII lower case; other bytes stay as they are.
std::string ascii_lower(std::string_view text);

}  // namespace shopkit::csv
