// A store with an owner, and helpers to import CSV text into it and read
// the catalog back, for the import and export tests.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "shopkit/admin_service.h"
#include "store/store_fixture.h"

namespace shopkit::testing {

struct ImportFixture : StoreFixture {
  Principal owner = user();
  StoreId store_id = store(owner, "main-store");

  ImportReport import(std::string_view text, ImportOptions options = {}) {
    return admin().import_products(owner, store_id, text, options);
  }

  // Every product of `store`, by handle.
  std::map<std::string, Product> catalog(const StoreId& from) {
    std::map<std::string, Product> products;
    ProductSearch search;
    search.limit = 200;
    while (true) {
      Page<Product> page = admin().list_products(owner, from, search);
      for (Product& product : page.items) {
        products.emplace(product.handle, std::move(product));
      }
      if (page.next_cursor.empty()) break;
      search.cursor = page.next_cursor;
    }
    return products;
  }
  std::map<std::string, Product> catalog() { return catalog(store_id); }

  std::filesystem::path store_file() const {
    return dir.path() / "stores" / (store_id.str() + ".db");
  }
};

// Reads a whole file as bytes; empty when it does not exist.
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Returns the first listed error at `line`, or an issue with line -1.
inline ImportIssue error_at(const ImportReport& report, std::int64_t line) {
  for (const ImportIssue& issue : report.errors) {
    if (issue.line == line) return issue;
  }
  return ImportIssue{-1, "", "no error at line " + std::to_string(line), ""};
}

// Runs `call` and returns the Error it raised; fails when it raised none.
template <typename Call>
Error error_of(Call&& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  FAIL("the call raised no error");
  return Error(ErrorCode::internal, "unreachable");
}

inline bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace shopkit::testing
