#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "error_check.h"
#include "shopkit/super_admin_service.h"
#include "store_fixture.h"

using shopkit::ErrorCode;
using shopkit::Money;
using shopkit::Principal;
using shopkit::ProductSearch;
using shopkit::ProductSort;
using shopkit::ProductStatus;
using shopkit::testing::error_of;
using shopkit::testing::simple_product;
using shopkit::testing::StoreFixture;

namespace {

struct CatalogFixture : StoreFixture {
  Principal owner = user();
  shopkit::StoreId shop = store(owner, "market");

  shopkit::Product add(const std::string& title, const std::string& sku,
                       std::int64_t price, std::int64_t stock = 5,
                       ProductStatus status = ProductStatus::active) {
    auto input = simple_product(title, sku, price, stock);
    input.status = status;
    return admin().create_product(owner, shop, input);
  }

  std::vector<std::string> titles(const ProductSearch& search,
                                  const Principal& caller = Principal::anonymous()) {
    std::vector<std::string> out;
    for (const auto& product : stores().search_products(caller, "market", search).items) {
      out.push_back(product.title);
    }
    return out;
  }
};

ProductSearch query(const std::string& q, ProductSort sort = ProductSort::title) {
  ProductSearch search;
  search.q = q;
  search.sort = sort;
  return search;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("search matches words and prefixes") {
  CatalogFixture f;
  f.add("Linen Shirt", "LS-BLUE", 4999);
  f.add("Wool Sweater", "WS-1", 8999);
  f.add("Café Crème Mug", "MUG-1", 1200);
  using V = std::vector<std::string>;
  CHECK(f.titles(query("shirt")) == V{"Linen Shirt"});
  CHECK(f.titles(query("lin")) == V{"Linen Shirt"});
  CHECK(f.titles(query("creme")) == V{"Café Crème Mug"});
  CHECK(f.titles(query("CAFÉ")) == V{"Café Crème Mug"});
  CHECK(f.titles(query("ls-blue")) == V{"Linen Shirt"});
  CHECK(f.titles(query("shirt wool")).empty());
  CHECK(f.titles(query("")).size() == 3);
}

TEST_CASE("search finds vendor tags and description") {
  CatalogFixture f;
  auto input = simple_product("Plain Tee", "PT", 1000);
  input.status = ProductStatus::active;
  input.vendor = "Northwind";
  input.tags = {"organic"};
  input.description = "<p>Made of bamboo fibre</p>";
  f.admin().create_product(f.owner, f.shop, input);
  f.add("Other", "O", 1000);
  using V = std::vector<std::string>;
  CHECK(f.titles(query("northwind")) == V{"Plain Tee"});
  CHECK(f.titles(query("organic")) == V{"Plain Tee"});
  CHECK(f.titles(query("bamboo")) == V{"Plain Tee"});
}

TEST_CASE("hostile queries are plain data") {
  CatalogFixture f;
  f.add("Linen Shirt", "LS-1", 4999);
  f.add("Drop Table Lamp", "LAMP", 2999);
  const auto file = f.dir.path() / "stores" / (f.shop.str() + ".db");
  const std::string before = read_bytes(file) + read_bytes(file.string() + "-wal");
  const std::string hostile[] = {
      "\"", "*", "NEAR(", "'); DROP TABLE products; --", "shirt\" OR \"",
      "title:shirt", "NOT shirt", "shirt AND", "(((", ")", "^shirt", "+", "-",
      "{title description}: shirt", "NEAR(shirt lamp, 2)", "\"\"", "\\",
      "“shirt”", "shirt*", "**", ":", "'", "; --", std::string("a\0b", 3),
      std::string("\xFF\xFE", 2), std::string(500, '"'), "OR", "AND AND",
  };
  for (const std::string& q : hostile) {
    CAPTURE(q);
    for (ProductSort sort : {ProductSort::relevance, ProductSort::price}) {
      std::vector<std::string> found;
      CHECK_NOTHROW(found = f.titles(query(q, sort)));
      CHECK(found.size() <= 2);
    }
  }
  using V = std::vector<std::string>;
  CHECK(f.titles(query("'); DROP TABLE --")) == V{"Drop Table Lamp"});
  CHECK(f.titles(query("'); DROP TABLE products; --")).empty());
  CHECK(f.titles(query("NEAR(")).empty());
  CHECK(f.titles(query("shirt*")) == V{"Linen Shirt"});
  CHECK(read_bytes(file) + read_bytes(file.string() + "-wal") == before);
  CHECK(f.titles(query("")).size() == 2);
}

TEST_CASE("overlong query is rejected") {
  CatalogFixture f;
  auto error = error_of([&] { f.titles(query(std::string(513, 'a'))); });
  CHECK(error.code() == ErrorCode::invalid_argument);
  CHECK(error.field() == "q");
}

TEST_CASE("search filters combine") {
  CatalogFixture f;
  auto tagged = simple_product("Red Cap", "RC", 1500);
  tagged.status = ProductStatus::active;
  tagged.tags = {"sale"};
  tagged.categories = {"hats"};
  tagged.vendor = "Acme";
  f.admin().create_product(f.owner, f.shop, tagged);
  f.add("Blue Cap", "BC", 2500, 0);
  f.add("Green Cap", "GC", 3500);
  using V = std::vector<std::string>;
  ProductSearch search = query("");
  search.tag = "sale";
  CHECK(f.titles(search) == V{"Red Cap"});
  search = query("");
  search.category = "hats";
  CHECK(f.titles(search) == V{"Red Cap"});
  search = query("");
  search.vendor = "ACME";
  CHECK(f.titles(search) == V{"Red Cap"});
  search = query("cap");
  search.min_price = Money(2000, "USD");
  search.max_price = Money(3500, "USD");
  CHECK(f.titles(search) == V{"Blue Cap", "Green Cap"});
  search.in_stock = true;
  CHECK(f.titles(search) == V{"Green Cap"});
  search = query("");
  search.min_price = Money(1, "EUR");
  CHECK(error_of([&] { f.titles(search); }).field() == "min_price");
}

TEST_CASE("in stock follows checkout") {
  CatalogFixture f;
  f.add("Last One", "LAST", 1000, 1);
  ProductSearch search = query("");
  search.in_stock = true;
  CHECK(f.titles(search).size() == 1);
  shopkit::CheckoutRequest request;
  request.lines = {{"LAST", 1}};
  request.email = "a@example.com";
  request.shipping_address = {"A", "1 St", "", "Town", "", "", "US", ""};
  request.idempotency_key = "k";
  f.stores().checkout(Principal::anonymous(), "market", request);
  CHECK(f.titles(search).empty());
}

TEST_CASE("drafts visible to members only") {
  CatalogFixture f;
  f.add("Public", "P", 1000);
  f.add("Secret", "S", 1000, 5, ProductStatus::draft);
  f.add("Old", "O", 1000, 5, ProductStatus::archived);
  auto customer = f.user(shopkit::PlatformRole::customer);
  using V = std::vector<std::string>;
  CHECK(f.titles(query("")) == V{"Public"});
  CHECK(f.titles(query(""), customer) == V{"Public"});
  CHECK(f.titles(query(""), f.owner) == V{"Old", "Public", "Secret"});
  ProductSearch drafts = query("");
  drafts.status = ProductStatus::draft;
  CHECK(f.titles(drafts).empty());
  CHECK(f.titles(drafts, f.owner) == V{"Secret"});
  auto hidden = error_of(
      [&] { f.stores().get_product(customer, "market", "secret"); });
  CHECK(hidden.code() == ErrorCode::not_found);
  CHECK(f.stores().get_product(f.owner, "market", "secret").title == "Secret");
  CHECK(f.stores().get_product(customer, "market", "public").title == "Public");
}

TEST_CASE("cursor of another sort is rejected") {
  CatalogFixture f;
  for (int i = 0; i < 3; ++i) f.add("P" + std::to_string(i), "S" + std::to_string(i), 100);
  ProductSearch search = query("", ProductSort::price);
  search.limit = 1;
  auto page = f.stores().search_products(Principal::anonymous(), "market", search);
  REQUIRE_FALSE(page.next_cursor.empty());
  search.sort = ProductSort::title;
  search.cursor = page.next_cursor;
  CHECK(error_of([&] { f.titles(search); }).field() == "cursor");
  search.cursor = "not-a-cursor!";
  CHECK(error_of([&] { f.titles(search); }).field() == "cursor");
}

TEST_CASE("every sort order pages completely") {
  CatalogFixture f;
  for (int i = 0; i < 23; ++i) {
    f.test.clock->advance(std::chrono::milliseconds(i % 3));
    f.add("Item " + std::to_string(i % 7), "SKU" + std::to_string(i),
          100 * (i % 4));
  }
  for (ProductSort sort : {ProductSort::newest, ProductSort::price,
                           ProductSort::title, ProductSort::relevance}) {
    CAPTURE(shopkit::to_string(sort));
    ProductSearch search = query(sort == ProductSort::relevance ? "item" : "", sort);
    search.limit = 4;
    std::set<std::string> seen;
    int pages = 0;
    for (;;) {
      auto page = f.stores().search_products(Principal::anonymous(), "market", search);
      for (const auto& product : page.items) {
        CHECK(seen.insert(product.id.str()).second);
      }
      ++pages;
      if (page.next_cursor.empty()) break;
      search.cursor = page.next_cursor;
    }
    CHECK(seen.size() == 23);
    CHECK(pages == 6);
  }
}

// A page reads the children of all its products with one query per
// table. Each product must get its own rows, in its own order, and its
// option names back as written, whatever characters they contain.
TEST_CASE("page products keep own children") {
  CatalogFixture f;
  auto input = simple_product("Shirt", "SHIRT-Z", 900);
  input.options = {"Size \"EU\"", "Colour, shade", "Back\\slash [x]"};
  input.variants.front().options = {"42", "red", "a"};
  for (const char* sku : {"SHIRT-A", "SHIRT-M"}) {
    auto variant = input.variants.front();
    variant.sku = sku;
    variant.options = {"40", sku, "b"};
    input.variants.push_back(variant);
  }
  input.tags = {"summer", "cotton", "Zebra"};
  input.categories = {"tops", "new"};
  input.images = {{"https://example.com/b.jpg", "back", 0},
                  {"https://example.com/a.jpg", "front", 0}};
  const auto shirt = f.admin().create_product(f.owner, f.shop, input);
  auto other = simple_product("Hat", "HAT", 500);
  other.options = {"Größe", "Colour, shade", "[x]"};
  other.variants.front().options = {"M", "grey", "y"};
  other.tags = {"wool"};
  const auto hat = f.admin().create_product(f.owner, f.shop, other);
  const auto plain = f.add("Plain", "PLAIN", 300);

  ProductSearch search;
  search.sort = ProductSort::title;
  const auto page =
      f.stores().search_products(Principal::anonymous(), "market", search);
  REQUIRE(page.items.size() == 3);
  auto on_page = [&](const shopkit::Product& expected) {
    return *std::find_if(
        page.items.begin(), page.items.end(),
        [&](const auto& product) { return product.id == expected.id; });
  };
  for (const auto& expected : {hat, plain, shirt}) {
    const auto found = on_page(expected);
    CAPTURE(expected.title);
    CHECK(found.options == expected.options);
    CHECK(found.tags == expected.tags);
    CHECK(found.categories == expected.categories);
    REQUIRE(found.variants.size() == expected.variants.size());
    for (std::size_t i = 0; i < found.variants.size(); ++i) {
      CHECK(found.variants[i].id == expected.variants[i].id);
      CHECK(found.variants[i].sku == expected.variants[i].sku);
      CHECK(found.variants[i].options == expected.variants[i].options);
    }
    REQUIRE(found.images.size() == expected.images.size());
    for (std::size_t i = 0; i < found.images.size(); ++i) {
      CHECK(found.images[i].url == expected.images[i].url);
      CHECK(found.images[i].position == expected.images[i].position);
    }
  }
  // The same values, spelled out, so a change to both sides shows.
  const auto shirt_found = on_page(shirt);
  CHECK(shirt_found.options[0] == "Size \"EU\"");
  CHECK(shirt_found.options[2] == "Back\\slash [x]");
  CHECK(shirt_found.variants[1].sku == "SHIRT-A");
  CHECK(shirt_found.tags ==
        std::vector<std::string>{"summer", "cotton", "Zebra"});
  CHECK(shirt_found.categories == std::vector<std::string>{"tops", "new"});
  CHECK(shirt_found.images[0].alt == "back");
  CHECK(on_page(hat).options ==
        std::vector<std::string>{"Größe", "Colour, shade", "[x]"});
  CHECK(on_page(plain).options.empty());
}

// A member's list covers every status: it merges the first rows of each
// status from the status-first sort indexes. The merged pages must give
// the same order as sorting the whole catalog, across page boundaries,
// with ties in the sort key and titles that differ only in case.
TEST_CASE("member pages over every status follow one order") {
  CatalogFixture f;
  const std::vector<std::string> names = {"apple", "Apple", "APPLE pie", "b",
                                          "Banana", "banana", "Zed", "zed",
                                          "item", "Item"};
  const ProductStatus statuses[] = {ProductStatus::draft, ProductStatus::active,
                                    ProductStatus::archived,
                                    ProductStatus::active};
  std::vector<shopkit::Product> all;
  for (int i = 0; i < 37; ++i) {
    f.test.clock->advance(std::chrono::milliseconds(i % 3 == 0 ? 1 : 0));
    all.push_back(f.add(names[static_cast<std::size_t>(i) % names.size()] +
                            " item",
                        "SKU" + std::to_string(i), 100 * (i % 5), 5,
                        statuses[i % 4]));
  }
  // SQLite's NOCASE: ASCII letters fold to lower case, then the shorter
  // text of two that agree sorts first.
  auto nocase_less = [](const std::string& a, const std::string& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
      auto fold = [](char c) {
        return static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      };
      if (fold(a[i]) != fold(b[i])) return fold(a[i]) < fold(b[i]);
    }
    return a.size() < b.size();
  };
  auto price = [](const shopkit::Product& p) {
    return p.variants.at(0).price.minor_units();
  };
  auto expected_order = [&](ProductSort sort, bool members) {
    std::vector<shopkit::Product> rows;
    for (const auto& p : all) {
      if (members || p.status == ProductStatus::active) rows.push_back(p);
    }
    std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      const std::string ia = a.id.str();
      const std::string ib = b.id.str();
      switch (sort) {
        case ProductSort::newest:
          if (a.created_at != b.created_at) return a.created_at > b.created_at;
          return ia > ib;
        case ProductSort::price:
          if (price(a) != price(b)) return price(a) < price(b);
          return ia < ib;
        default:
          if (nocase_less(a.title, b.title)) return true;
          if (nocase_less(b.title, a.title)) return false;
          return ia < ib;
      }
    });
    std::vector<std::string> ids;
    for (const auto& p : rows) ids.push_back(p.id.str());
    return ids;
  };

  for (ProductSort sort :
       {ProductSort::newest, ProductSort::price, ProductSort::title}) {
    for (bool members : {true, false}) {
      for (int limit : {1, 4, 50}) {
        for (const char* q : {"", "item"}) {
          CAPTURE(shopkit::to_string(sort));
          CAPTURE(members);
          CAPTURE(limit);
          CAPTURE(q);
          ProductSearch search = query(q, sort);
          search.limit = limit;
          const Principal caller = members ? f.owner : Principal::anonymous();
          std::vector<std::string> ids;
          for (int pages = 0; pages < 100; ++pages) {
            auto page = f.stores().search_products(caller, "market", search);
            for (const auto& product : page.items) {
              ids.push_back(product.id.str());
            }
            if (page.next_cursor.empty()) break;
            search.cursor = page.next_cursor;
          }
          CHECK(ids == expected_order(sort, members));
        }
      }
    }
  }
}

TEST_CASE("price pages stable under concurrent writes") {
  CatalogFixture f;
  constexpr int kStable = 5000;
  std::set<std::string> stable;
  for (int i = 0; i < kStable; ++i) {
    // 40 distinct prices, so most rows tie on the sort key.
    auto product = f.add("Stable " + std::to_string(i), "ST" + std::to_string(i),
                         100 * (i % 40));
    stable.insert(product.id.str());
  }

  // The writer inserts products at every price and deletes them again
  // while the reader walks the pages.
  std::atomic<bool> done{false};
  std::atomic<int> writes{0};
  std::thread writer([&] {
    std::vector<shopkit::ProductId> added;
    for (int i = 0; !done; ++i) {
      added.push_back(f.add("Churn " + std::to_string(i),
                            "CH" + std::to_string(i), 100 * (i % 41))
                          .id);
      if (i % 2 == 1) {
        f.admin().delete_product(f.owner, f.shop, added.front());
        added.erase(added.begin());
      }
      ++writes;
    }
  });

  ProductSearch search = query("", ProductSort::price);
  search.limit = 50;
  std::set<std::string> seen;
  int repeats = 0;
  std::int64_t last_price = -1;
  int out_of_order = 0;
  for (;;) {
    auto page = f.stores().search_products(Principal::anonymous(), "market", search);
    for (const auto& product : page.items) {
      if (!seen.insert(product.id.str()).second) ++repeats;
      const auto price = product.variants[0].price.minor_units();
      if (price < last_price) ++out_of_order;
      last_price = price;
    }
    if (page.next_cursor.empty()) break;
    search.cursor = page.next_cursor;
    // Let at least one more write land between this page and the next.
    const int seen_writes = writes.load();
    while (writes.load() == seen_writes) std::this_thread::yield();
  }
  done = true;
  writer.join();

  int missing = 0;
  for (const auto& id : stable) {
    if (!seen.contains(id)) ++missing;
  }
  CHECK(writes.load() >= kStable / 50);
  CHECK(repeats == 0);
  CHECK(missing == 0);
  CHECK(out_of_order == 0);
}

TEST_CASE("suspended store hides its catalog") {
  CatalogFixture f;
  f.add("Linen Shirt", "LS-1", 4999);
  auto admin = shopkit::testing::make_super_admin(f.platform(), "root@example.com");
  f.platform().super_admin().suspend_store(admin, f.shop, "review");
  auto customer = f.user(shopkit::PlatformRole::customer);

  auto search = error_of([&] { f.titles(query("")); });
  CHECK(search.code() == ErrorCode::not_found);
  auto as_customer = error_of([&] { f.titles(query(""), customer); });
  CHECK(as_customer.code() == ErrorCode::not_found);
  auto product = error_of(
      [&] { f.stores().get_product(customer, "market", "linen-shirt"); });
  CHECK(product.code() == ErrorCode::not_found);
  shopkit::CheckoutRequest request;
  request.lines = {{"LS-1", 1}};
  request.email = "a@example.com";
  request.shipping_address = {"A", "1 St", "", "Town", "", "", "US", ""};
  request.idempotency_key = "k";
  auto checkout = error_of(
      [&] { f.stores().checkout(Principal::anonymous(), "market", request); });
  CHECK(checkout.code() == ErrorCode::not_found);
  CHECK(f.admin().get_stock(f.owner, f.shop, "LS-1").stock == 5);
}
