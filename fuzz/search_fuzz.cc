// StoreService::search_products on arbitrary queries, against a real
// store in a temporary folder. The first bytes pick the sort, limit,
// flags and price bounds, and the rest is split at NUL bytes into q,
// category, tag, vendor and cursor. A search must return a page or raise
// invalid_argument, a page must hold at most `limit` products, an
// anonymous caller must see only active products, and following
// next_cursor must work.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/crypto.h"
#include "shopkit/admin_service.h"
#include "shopkit/auth_service.h"
#include "shopkit/platform.h"
#include "shopkit/store_service.h"

namespace {

namespace fs = std::filesystem;

struct SearchWorld {
  fs::path dir;
  std::unique_ptr<shopkit::Platform> platform;
  std::optional<shopkit::Principal> owner;
};

shopkit::ProductInput product(std::string title, std::string sku,
                              std::int64_t price, std::int64_t stock,
                              shopkit::ProductStatus status) {
  shopkit::ProductInput input;
  input.title = std::move(title);
  input.description = "<p>Soft cotton, \"quoted\" and plain</p>";
  input.status = status;
  input.vendor = "Acme";
  input.tags = {"summer", "sale"};
  input.categories = {"shirts"};
  shopkit::VariantInput variant;
  variant.sku = std::move(sku);
  variant.price = shopkit::Money(price, "USD");
  variant.stock = stock;
  input.variants.push_back(std::move(variant));
  return input;
}

void remove_world_dir();

// One platform for the whole run: a merchant's store "fuzz" with a few
// products of each status.
SearchWorld& world() {
  static SearchWorld* instance = [] {
    auto* created = new SearchWorld;
    created->dir = fs::temp_directory_path() /
                ("shopkit-search-fuzz-" + std::to_string(::getpid()));
    fs::remove_all(created->dir);
    std::atexit(remove_world_dir);
    shopkit::Options options;
    options.data_dir = created->dir;
    options.auth.scrypt_log2_n = 4;
    created->platform = shopkit::Platform::open(std::move(options));

    auto& auth = created->platform->auth();
    auth.register_user({"owner@example.com", "correct horse battery",
                        "Owner", shopkit::PlatformRole::merchant});
    auto login =
        auth.login({"owner@example.com", "correct horse battery", {}});
    created->owner = auth.authenticate(login.access_token);
    auto store = created->platform->stores().create_store(
        *created->owner, {"Fuzz Store", "fuzz", "USD", "US"});
    const std::vector<std::string> titles = {
        "Linen Shirt", "Café Crème Mug", "Wool \"Winter\" Hat",
        "NEAR AND OR NOT", "Sale* Socks", "日本の茶碗"};
    for (std::size_t i = 0; i < titles.size(); ++i) {
      auto status = i % 3 == 2 ? shopkit::ProductStatus::draft
                               : shopkit::ProductStatus::active;
      created->platform->admin().create_product(
          *created->owner, store.id,
          product(titles[i], "SKU-" + std::to_string(i),
                  static_cast<std::int64_t>(500 * (i + 1)),
                  static_cast<std::int64_t>(i % 2), status));
    }
    return created;
  }();
  return *instance;
}

void remove_world_dir() {
  std::error_code ignored;
  fs::remove_all(world().dir, ignored);
}

// Splits `text` at NUL bytes into at most `count` parts.
std::vector<std::string> split_parts(std::string_view text,
                                     std::size_t count) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < count) {
    std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) break;
    parts.emplace_back(text.substr(0, nul));
    text.remove_prefix(nul + 1);
  }
  parts.emplace_back(text);
  parts.resize(count);
  return parts;
}

shopkit::ProductSearch make_search(const std::uint8_t* data,
                                   std::string_view rest) {
  shopkit::ProductSearch search;
  search.sort = static_cast<shopkit::ProductSort>(data[0] % 4);
  // Mostly valid limits, with 0 and 201 now and then.
  search.limit = data[1] % 203;
  search.in_stock = (data[2] & 1) != 0;
  if (data[2] & 2) search.min_price = shopkit::Money(data[3] * 20, "USD");
  if (data[2] & 4) search.max_price = shopkit::Money(data[3] * 40, "USD");
  if (data[2] & 8) search.min_price = shopkit::Money(data[3], "EUR");

  std::vector<std::string> parts = split_parts(rest, 5);
  search.q = parts[0];
  if (data[2] & 16) search.category = parts[1];
  if (data[2] & 32) search.tag = parts[2];
  if (data[2] & 64) search.vendor = parts[3];
  // Cursors are base64url text, so the fuzzer also gets to write the
  // text inside one.
  search.cursor = (data[2] & 128) ? shopkit::internal::base64url_encode(
                                        std::string_view(parts[4]))
                                  : parts[4];
  return search;
}

// Runs the search and the page after it; checks each page's items.
void search_twice(const shopkit::Principal& principal,
                  shopkit::ProductSearch search) {
  auto& stores = world().platform->stores();
  for (int page_number = 0; page_number < 2; ++page_number) {
    shopkit::Page<shopkit::Product> page;
    try {
      page = stores.search_products(principal, "fuzz", search);
    } catch (const shopkit::Error& error) {
      if (error.code() != shopkit::ErrorCode::invalid_argument) std::abort();
      // A cursor created by the library must never be rejected.
      if (page_number > 0) std::abort();
      return;
    }
    if (page.items.size() > static_cast<std::size_t>(search.limit)) {
      std::abort();
    }
    if (principal.is_anonymous()) {
      for (const auto& item : page.items) {
        if (item.status != shopkit::ProductStatus::active) std::abort();
      }
    }
    if (page.next_cursor.empty()) return;
    search.cursor = page.next_cursor;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 4) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data + 4), size - 4);
  shopkit::ProductSearch search = make_search(data, rest);

  search_twice(shopkit::Principal::anonymous(), search);
  search_twice(*world().owner, search);
  return 0;
}
