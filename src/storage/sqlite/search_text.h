// The rows of products_fts, the full-text index of a store's catalog,
// and changes to them that wait to be made later.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/sqlite/connection.h"

namespace shopkit::storage::sqlite {

// The columns of one products_fts row.
struct SearchText {
  std::string title;
  std::string description;
  std::string tags;    // Joined with spaces.
  std::string vendor;
  std::string skus;    // Joined with spaces.
};

// Changes to products_fts in the order they were made, kept to be made
// together. SQLite's FTS5 writes its pending changes out as a new
// segment at every savepoint boundary, so rows written inside many
// savepoints cost a segment each. Made after the savepoints, they share
// one segment.
class SearchTextChanges {
 public:
  // Inserts `text` as the row of `seq`.
  void insert(std::int64_t seq, SearchText text);
  // Removes the row of `seq`.
  void remove(std::int64_t seq);
  // Moves the changes of `later` after these.
  void append(SearchTextChanges&& later);
  // Makes the changes in order, then clears the list.
  void apply(Connection& connection);
  void clear() { changes_.clear(); }
  std::size_t size() const { return changes_.size(); }
  // Forgets the changes after the first `count`.
  void truncate(std::size_t count) {
    if (count < changes_.size()) changes_.resize(count);
  }

 private:
  struct Change {
    std::int64_t seq = 0;
    bool remove = false;
    SearchText text;
  };
  std::vector<Change> changes_;
};

void insert_search_row(Connection& connection, std::int64_t seq,
                       const SearchText& text);
void delete_search_row(Connection& connection, std::int64_t seq);

}  // namespace shopkit::storage::sqlite
