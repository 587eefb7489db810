#include "storage/sqlite/search_text.h"

#include <iterator>
#include <utility>

namespace shopkit::storage::sqlite {

void SearchTextChanges::insert(std::int64_t seq, SearchText text) {
  changes_.push_back(Change{seq, false, std::move(text)});
}

void SearchTextChanges::remove(std::int64_t seq) {
  changes_.push_back(Change{seq, true, {}});
}

void SearchTextChanges::append(SearchTextChanges&& later) {
  if (changes_.empty()) {
    changes_ = std::move(later.changes_);
  } else {
    changes_.insert(changes_.end(),
                    std::make_move_iterator(later.changes_.begin()),
                    std::make_move_iterator(later.changes_.end()));
  }
  later.changes_.clear();
}

void SearchTextChanges::apply(Connection& connection) {
  for (const Change& change : changes_) {
    if (change.remove) {
      delete_search_row(connection, change.seq);
    } else {
      insert_search_row(connection, change.seq, change.text);
    }
  }
  changes_.clear();
}

void insert_search_row(Connection& connection, std::int64_t seq,
                       const SearchText& text) {
  auto statement = connection.prepare(
      "INSERT INTO products_fts (rowid, title, description, tags, vendor, "
      "skus) VALUES (?, ?, ?, ?, ?, ?)");
  statement->bind(1, static_cast<int64_t>(seq));
  statement->bindNoCopy(2, text.title);
  statement->bindNoCopy(3, text.description);
  statement->bindNoCopy(4, text.tags);
  statement->bindNoCopy(5, text.vendor);
  statement->bindNoCopy(6, text.skus);
  statement->exec();
}

void delete_search_row(Connection& connection, std::int64_t seq) {
  auto statement =
      connection.prepare("DELETE FROM products_fts WHERE rowid = ?");
  statement->bind(1, static_cast<int64_t>(seq));
  statement->exec();
}

}  // namespace shopkit::storage::sqlite
