// Benchmarks of the commerce core, most next to a raw SQLite baseline
// that runs the same SQL statements through the sqlite3 C API with
// prepared statements, on the same files, in the same run. The ratio
// of the two is the cost of shopkit's layers (authorization, value
// types, validation, transactions through the storage abstraction).
//
// Run: build/bench/bin/store_bench (see docs/benchmarks.md).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "shopkit/shopkit.h"

namespace fs = std::filesystem;

namespace {

constexpr int kProducts = 2000;
constexpr const char* kPassword = "benchmark password";

// --- A thin raw SQLite connection for the baselines ---

class RawDb {
 public:
  explicit RawDb(const fs::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
      throw std::runtime_error("cannot open " + path.string());
    }
    exec("PRAGMA journal_mode=WAL");
    exec("PRAGMA foreign_keys=ON");
    exec("PRAGMA synchronous=NORMAL");
    sqlite3_busy_timeout(db_, 10000);
  }
  ~RawDb() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw std::runtime_error(text + " in " + sql);
    }
  }

  // A cached statement, reset and with bindings cleared.
  sqlite3_stmt* statement(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* prepared = nullptr;
      if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &prepared, nullptr) !=
          SQLITE_OK) {
        throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + " in " +
                                 sql);
      }
      it = cache_.emplace(sql, prepared).first;
    }
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }

  // Resets every cached statement, as the library's statement leases do
  // when released, then commits.
  void commit() {
    for (auto& [sql, statement] : cache_) sqlite3_reset(statement);
    exec("COMMIT");
  }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
  sqlite3_bind_text(statement, index, text.data(),
                    static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* text = sqlite3_column_text(statement, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
}

// Steps through every row, copying every column as the library does when
// it builds its value types.
std::size_t read_rows(sqlite3_stmt* statement) {
  std::size_t bytes = 0;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    for (int column = 0; column < sqlite3_column_count(statement); ++column) {
      if (sqlite3_column_type(statement, column) == SQLITE_TEXT) {
        bytes += column_text(statement, column).size();
      } else {
        bytes += static_cast<std::size_t>(sqlite3_column_int64(statement, column));
      }
    }
  }
  return bytes;
}

void step_done(sqlite3_stmt* statement) {
  const int result = sqlite3_step(statement);
  if (result != SQLITE_DONE && result != SQLITE_ROW) {
    throw std::runtime_error(sqlite3_errmsg(sqlite3_db_handle(statement)));
  }
}

// --- The shared world: one platform, one store, a catalog ---

struct World {
  fs::path dir;
  std::unique_ptr<shopkit::Platform> platform;
  shopkit::Principal owner = shopkit::Principal::anonymous();
  shopkit::StoreId store;
  std::vector<shopkit::ProductId> products;
  std::unique_ptr<RawDb> raw_platform;
  std::unique_ptr<RawDb> raw_store;
  std::atomic<int> sequence{0};

  World() {
    char pattern[] = "/tmp/shopkit-bench-XXXXXX";
    dir = ::mkdtemp(pattern);
    shopkit::Options options;
    options.data_dir = dir;
    options.auth.scrypt_log2_n = 10;
    // Without caches, so the shopkit side reads the rights check from
    // platform.db on every call, as the raw baselines do.
    options.auth.session_cache_ttl = std::chrono::milliseconds(0);
    platform = shopkit::Platform::open(options);

    auto& auth = platform->auth();
    auth.register_user({"owner@example.com", kPassword, "Owner",
                        shopkit::PlatformRole::merchant});
    auto login = auth.login({"owner@example.com", kPassword, {}});
    owner = auth.authenticate(login.access_token);
    store = platform->stores()
                .create_store(owner, {"Bench", "bench", "USD", "US"})
                .id;

    const char* words[] = {"linen", "wool", "cotton", "shirt", "scarf",
                           "mug",   "cap",  "blue",   "red",   "green"};
    for (int i = 0; i < kProducts; ++i) {
      shopkit::ProductInput input;
      input.title = std::string(words[i % 10]) + " " + words[(i / 10) % 10] +
                    " " + std::to_string(i);
      input.description = "<p>A " + std::string(words[(i / 3) % 10]) +
                          " thing, item " + std::to_string(i) + "</p>";
      input.status = shopkit::ProductStatus::active;
      input.vendor = i % 2 ? "Acme" : "Northwind";
      input.tags = {words[(i / 7) % 10], "all"};
      input.categories = {words[(i / 11) % 10]};
      input.images = {{"https://example.com/" + std::to_string(i) + ".jpg",
                       "Front", 0}};
      shopkit::VariantInput variant;
      variant.sku = "SKU-" + std::to_string(i);
      variant.price = shopkit::Money(100 + (i % 97) * 50, "USD");
      variant.stock = 1000000000;
      input.variants.push_back(variant);
      products.push_back(
          platform->admin().create_product(owner, store, input).id);
    }
    raw_platform = std::make_unique<RawDb>(dir / "platform.db");
    raw_store = std::make_unique<RawDb>(dir / "stores" / (store.str() + ".db"));
  }

  ~World() {
    raw_store.reset();
    raw_platform.reset();
    platform.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

World& world() {
  static World instance;
  return instance;
}

// --- Get a product by id ---

void BM_GetProduct_Shopkit(benchmark::State& state) {
  World& w = world();
  std::size_t i = 0;
  for (auto _ : state) {
    auto product = w.platform->admin().get_product(
        w.owner, w.store, w.products[i++ % w.products.size()]);
    benchmark::DoNotOptimize(product);
  }
}

// The statements of AdminService::get_product: the rights check in
// platform.db, then the currency setting and the product with its
// variants, images, tags and categories in the store file.
void BM_GetProduct_Raw(benchmark::State& state) {
  World& w = world();
  RawDb& platform = *w.raw_platform;
  RawDb& store = *w.raw_store;
  std::size_t i = 0;
  for (auto _ : state) {
    std::size_t bytes = 0;
    platform.exec("BEGIN");
    auto* find_store = platform.statement(
        "SELECT id, handle, name, owner_id, currency, country, status, "
        "created_at, updated_at, deleted_at FROM stores WHERE id = ?");
    bind_text(find_store, 1, w.store.str());
    bytes += read_rows(find_store);
    auto* member = platform.statement(
        "SELECT store_id, user_id, role, created_at FROM store_members "
        "WHERE store_id = ? AND user_id = ?");
    bind_text(member, 1, w.store.str());
    bind_text(member, 2, w.owner.user_id().str());
    bytes += read_rows(member);
    platform.commit();

    const std::string id = w.products[i++ % w.products.size()].str();
    store.exec("BEGIN");
    auto* currency =
        store.statement("SELECT value FROM store_settings WHERE key = ?");
    bind_text(currency, 1, "currency");
    bytes += read_rows(currency);
    for (const char* sql :
         {"SELECT seq, id, handle, title, description, status, vendor, "
          "product_type, options, created_at, updated_at FROM products "
          "WHERE id = ?",
          "SELECT id, sku, option1, option2, option3, price, "
          "compare_at_price, stock, allow_backorder, weight_grams, barcode "
          "FROM variants WHERE product_id = ? ORDER BY position",
          "SELECT url, alt, position FROM images WHERE product_id = ? ORDER "
          "BY position",
          "SELECT tag FROM product_tags WHERE product_id = ? ORDER BY "
          "position",
          "SELECT category FROM product_categories WHERE product_id = ? "
          "ORDER BY position"}) {
      auto* statement = store.statement(sql);
      bind_text(statement, 1, id);
      bytes += read_rows(statement);
    }
    store.commit();
    benchmark::DoNotOptimize(bytes);
  }
}

// --- Search: one page of 20 by price ---

void BM_SearchPage_Shopkit(benchmark::State& state) {
  World& w = world();
  shopkit::ProductSearch search;
  search.q = "shirt";
  search.sort = shopkit::ProductSort::price;
  search.limit = 20;
  for (auto _ : state) {
    auto page = w.platform->stores().search_products(
        shopkit::Principal::anonymous(), "bench", search);
    benchmark::DoNotOptimize(page);
  }
}

// The statements of StoreService::search_products for an anonymous
// caller: the store by handle, the currency, the page query and then
// each product's rows.
void BM_SearchPage_Raw(benchmark::State& state) {
  World& w = world();
  RawDb& platform = *w.raw_platform;
  RawDb& store = *w.raw_store;
  for (auto _ : state) {
    std::size_t bytes = 0;
    platform.exec("BEGIN");
    auto* find_store = platform.statement(
        "SELECT id, handle, name, owner_id, currency, country, status, "
        "created_at, updated_at, deleted_at FROM stores WHERE handle = ?");
    bind_text(find_store, 1, "bench");
    bytes += read_rows(find_store);
    platform.commit();

    store.exec("BEGIN");
    auto* currency =
        store.statement("SELECT value FROM store_settings WHERE key = ?");
    bind_text(currency, 1, "currency");
    bytes += read_rows(currency);
    auto* page = store.statement(
        "SELECT p.id, p.min_price FROM products p WHERE 1 AND p.seq IN "
        "(SELECT rowid FROM products_fts WHERE products_fts MATCH ?) AND "
        "p.status = ? ORDER BY p.min_price, p.id LIMIT ?");
    bind_text(page, 1, "\"shirt\"*");
    bind_text(page, 2, "active");
    sqlite3_bind_int(page, 3, 21);
    std::vector<std::string> ids;
    while (sqlite3_step(page) == SQLITE_ROW) ids.push_back(column_text(page, 0));
    if (ids.size() > 20) ids.resize(20);
    for (const std::string& id : ids) {
      for (const char* sql :
           {"SELECT seq, id, handle, title, description, status, vendor, "
            "product_type, options, created_at, updated_at FROM products "
            "WHERE id = ?",
            "SELECT id, sku, option1, option2, option3, price, "
            "compare_at_price, stock, allow_backorder, weight_grams, barcode "
            "FROM variants WHERE product_id = ? ORDER BY position",
            "SELECT url, alt, position FROM images WHERE product_id = ? "
            "ORDER BY position",
            "SELECT tag FROM product_tags WHERE product_id = ? ORDER BY "
            "position",
            "SELECT category FROM product_categories WHERE product_id = ? "
            "ORDER BY position"}) {
        auto* statement = store.statement(sql);
        bind_text(statement, 1, id);
        bytes += read_rows(statement);
      }
    }
    store.commit();
    benchmark::DoNotOptimize(bytes);
  }
}

// --- Checkout of three lines ---

void BM_Checkout3_Shopkit(benchmark::State& state) {
  World& w = world();
  shopkit::CheckoutRequest request;
  request.lines = {{"SKU-1", 1}, {"SKU-2", 2}, {"SKU-3", 1}};
  request.email = "buyer@example.com";
  request.shipping_address = {"Ann", "1 Main St", "", "Town", "", "",
                              "US",  ""};
  for (auto _ : state) {
    request.idempotency_key = "shopkit-" + std::to_string(w.sequence++);
    auto order = w.platform->stores().checkout(
        shopkit::Principal::anonymous(), "bench", request);
    benchmark::DoNotOptimize(order);
  }
}

// The statements of StoreService::checkout for a returning guest. First
// the store by handle. Then one write transaction with the idempotency
// lookup, the settings, the three variants, the next number, the
// customer, the order and its lines, three stock updates with ledger
// rows and product summaries, and the key. Last, the platform counters.
void BM_Checkout3_Raw(benchmark::State& state) {
  World& w = world();
  RawDb& platform = *w.raw_platform;
  RawDb& store = *w.raw_store;
  const std::vector<std::pair<std::string, int>> lines = {
      {"SKU-1", 1}, {"SKU-2", 2}, {"SKU-3", 1}};
  for (auto _ : state) {
    const std::string suffix = std::to_string(w.sequence++);
    const std::string key = "raw-" + suffix;
    const std::string order_id = "ord_raw" + suffix;
    platform.exec("BEGIN");
    auto* find_store = platform.statement(
        "SELECT id, handle, name, owner_id, currency, country, status, "
        "created_at, updated_at, deleted_at FROM stores WHERE handle = ?");
    bind_text(find_store, 1, "bench");
    read_rows(find_store);
    platform.commit();

    store.exec("BEGIN IMMEDIATE");
    auto* idempotency = store.statement(
        "SELECT request_hash, order_id FROM idempotency_keys WHERE key = ?");
    bind_text(idempotency, 1, key);
    read_rows(idempotency);
    for (const char* setting :
         {"currency", "contact_email", "tax_rate_bps", "flat_shipping"}) {
      auto* statement =
          store.statement("SELECT value FROM store_settings WHERE key = ?");
      bind_text(statement, 1, setting);
      read_rows(statement);
    }
    struct Line {
      std::string variant, product, sku, title;
      std::int64_t price = 0;
      int quantity = 0;
    };
    std::vector<Line> priced;
    for (const auto& [sku, quantity] : lines) {
      auto* variant = store.statement(
          "SELECT v.id, v.product_id, v.sku, p.title, p.status, v.option1, "
          "v.option2, v.option3, v.price, v.stock, v.allow_backorder FROM "
          "variants v JOIN products p ON p.id = v.product_id WHERE v.sku = ?");
      bind_text(variant, 1, sku);
      if (sqlite3_step(variant) != SQLITE_ROW) throw std::runtime_error(sku);
      priced.push_back({column_text(variant, 0), column_text(variant, 1),
                        column_text(variant, 2), column_text(variant, 3),
                        sqlite3_column_int64(variant, 8), quantity});
    }
    auto* number =
        store.statement("SELECT COALESCE(MAX(number), 0) + 1 FROM orders");
    sqlite3_step(number);
    const std::int64_t order_number = sqlite3_column_int64(number, 0);
    auto* customer = store.statement(
        "SELECT id, email, name, user_id, created_at, updated_at FROM "
        "customers WHERE email = ?");
    bind_text(customer, 1, "buyer@example.com");
    std::string customer_id = "cus_raw";
    if (sqlite3_step(customer) == SQLITE_ROW) {
      customer_id = column_text(customer, 0);
    } else {
      auto* insert = store.statement(
          "INSERT INTO customers (id, email, name, user_id, created_at, "
          "updated_at) VALUES (?, ?, '', NULL, 0, 0)");
      bind_text(insert, 1, customer_id);
      bind_text(insert, 2, "buyer@example.com");
      step_done(insert);
    }
    std::int64_t subtotal = 0;
    for (const Line& line : priced) subtotal += line.price * line.quantity;
    auto* order = store.statement(
        "INSERT INTO orders (id, number, status, customer_id, user_id, "
        "email, currency, subtotal, shipping, tax, total, refunded, "
        "shipping_address, created_at, updated_at, paid_at, fulfilled_at, "
        "cancelled_at) VALUES (?, ?, 'pending', ?, NULL, ?, 'USD', ?, 0, 0, "
        "?, 0, ?, 0, 0, NULL, NULL, NULL)");
    bind_text(order, 1, order_id);
    sqlite3_bind_int64(order, 2, order_number);
    bind_text(order, 3, customer_id);
    bind_text(order, 4, "buyer@example.com");
    sqlite3_bind_int64(order, 5, subtotal);
    sqlite3_bind_int64(order, 6, subtotal);
    bind_text(order, 7,
              "{\"city\":\"Town\",\"country\":\"US\",\"line1\":\"1 Main "
              "St\",\"line2\":\"\",\"name\":\"Ann\",\"phone\":\"\","
              "\"postal_code\":\"\",\"region\":\"\"}");
    step_done(order);
    for (std::size_t i = 0; i < priced.size(); ++i) {
      const Line& line = priced[i];
      auto* insert = store.statement(
          "INSERT INTO order_lines (order_id, line_no, product_id, "
          "variant_id, sku, title, variant_title, unit_price, quantity, "
          "line_total) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)");
      bind_text(insert, 1, order_id);
      sqlite3_bind_int(insert, 2, static_cast<int>(i) + 1);
      bind_text(insert, 3, line.product);
      bind_text(insert, 4, line.variant);
      bind_text(insert, 5, line.sku);
      bind_text(insert, 6, line.title);
      sqlite3_bind_int64(insert, 7, line.price);
      sqlite3_bind_int64(insert, 8, line.quantity);
      sqlite3_bind_int64(insert, 9, line.price * line.quantity);
      step_done(insert);
    }
    for (const Line& line : priced) {
      auto* take = store.statement(
          "UPDATE variants SET stock = stock + ?1 WHERE id = ?2 AND "
          "(allow_backorder = 1 OR stock + ?1 >= 0) RETURNING stock");
      sqlite3_bind_int64(take, 1, -line.quantity);
      bind_text(take, 2, line.variant);
      if (sqlite3_step(take) != SQLITE_ROW) throw std::runtime_error("stock");
      const std::int64_t stock_after = sqlite3_column_int64(take, 0);
      auto* ledger = store.statement(
          "INSERT INTO inventory_ledger (variant_id, sku, delta, "
          "stock_after, reason, order_id, actor_id, created_at) VALUES (?, "
          "?, ?, ?, 'order', ?, NULL, 0)");
      bind_text(ledger, 1, line.variant);
      bind_text(ledger, 2, line.sku);
      sqlite3_bind_int64(ledger, 3, -line.quantity);
      sqlite3_bind_int64(ledger, 4, stock_after);
      bind_text(ledger, 5, order_id);
      step_done(ledger);
      auto* summary = store.statement(
          "UPDATE products SET min_price = COALESCE((SELECT MIN(price) FROM "
          "variants   WHERE product_id = ?1), 0), total_stock = "
          "COALESCE((SELECT SUM(MAX(stock, 0)) FROM variants   WHERE "
          "product_id = ?1), 0), sellable = EXISTS (SELECT 1 FROM variants "
          "WHERE product_id = ?1   AND (stock > 0 OR allow_backorder = 1)) "
          "WHERE id = ?1");
      bind_text(summary, 1, line.product);
      step_done(summary);
    }
    auto* remember = store.statement(
        "INSERT INTO idempotency_keys (key, request_hash, order_id, "
        "created_at) VALUES (?, ?, ?, 0)");
    bind_text(remember, 1, key);
    sqlite3_bind_blob(remember, 2, "0123456789abcdef0123456789abcdef", 32,
                      SQLITE_STATIC);
    bind_text(remember, 3, order_id);
    step_done(remember);
    store.commit();

    platform.exec("BEGIN IMMEDIATE");
    auto* counters = platform.statement(
        "INSERT INTO store_order_counters (store_id, currency, orders, "
        "paid_orders, revenue, refunded) VALUES (?1, 'USD', 1, 0, 0, 0) ON "
        "CONFLICT (store_id, currency) DO UPDATE SET orders = orders + 1");
    bind_text(counters, 1, w.store.str());
    step_done(counters);
    platform.commit();
  }
}

// --- Store provisioning ---

void BM_Provision_Shopkit(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    const std::string handle = "shop-" + std::to_string(w.sequence++);
    auto store = w.platform->stores().create_store(
        w.owner, {"Bench shop", handle, "USD", "US"});
    benchmark::DoNotOptimize(store);
  }
}

// The file and SQL work of StoreService::create_store: copy the
// template, stamp the id with the journal off, rename, then commit the
// registry row, the owner and the audit entry.
void BM_Provision_Raw(benchmark::State& state) {
  World& w = world();
  RawDb& platform = *w.raw_platform;
  const fs::path template_path = w.dir / "templates" / "store-v1.db";
  for (auto _ : state) {
    const std::string suffix = std::to_string(w.sequence++);
    const std::string id = "sto_raw" + suffix;
    const fs::path final_path = w.dir / "stores" / (id + ".db");
    const fs::path temporary(final_path.string() + ".tmp");
    fs::copy_file(template_path, temporary,
                  fs::copy_options::overwrite_existing);
    {
      sqlite3* db = nullptr;
      sqlite3_open_v2(temporary.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
      sqlite3_exec(db, "PRAGMA journal_mode=OFF", nullptr, nullptr, nullptr);
      sqlite3_exec(db, "PRAGMA synchronous=OFF", nullptr, nullptr, nullptr);
      const std::string stamp =
          "INSERT INTO store_meta (key, value) VALUES ('store_id', '" + id +
          "')";
      sqlite3_exec(db, stamp.c_str(), nullptr, nullptr, nullptr);
      sqlite3_close(db);
    }
    fs::rename(temporary, final_path);

    platform.exec("BEGIN IMMEDIATE");
    auto* insert = platform.statement(
        "INSERT INTO stores (id, handle, name, owner_id, currency, country, "
        "status, created_at, updated_at, deleted_at) VALUES (?, ?, 'Raw', "
        "?, 'USD', 'US', 'active', 0, 0, NULL)");
    bind_text(insert, 1, id);
    bind_text(insert, 2, "raw-" + suffix);
    bind_text(insert, 3, w.owner.user_id().str());
    step_done(insert);
    auto* member = platform.statement(
        "INSERT INTO store_members (store_id, user_id, role, created_at) "
        "VALUES (?, ?, 'owner', 0)");
    bind_text(member, 1, id);
    bind_text(member, 2, w.owner.user_id().str());
    step_done(member);
    auto* audit = platform.statement(
        "INSERT INTO audit_log (id, actor_id, action, target_type, "
        "target_id, detail, created_at) VALUES (?, ?, 'store.created', "
        "'store', ?, '{}', 0)");
    bind_text(audit, 1, "aud_raw" + suffix);
    bind_text(audit, 2, w.owner.user_id().str());
    bind_text(audit, 3, id);
    step_done(audit);
    platform.commit();
  }
}

// --- Create a product ---

// The product that bench/http/create_product.lua posts: one variant with
// an option, a vendor and a tag. It has no raw baseline. With several
// threads the creates share commits, as the host's requests do.
void BM_CreateProduct_Shopkit(benchmark::State& state) {
  World& w = world();
  shopkit::ProductInput input;
  input.status = shopkit::ProductStatus::active;
  input.vendor = "Bench";
  input.tags = {"bench"};
  input.options = {"Size"};
  shopkit::VariantInput variant;
  variant.options = {"M"};
  variant.price = shopkit::Money(1999, "USD");
  variant.stock = 10;
  input.variants.push_back(variant);
  for (auto _ : state) {
    const std::string sku = "NEW-" + std::to_string(w.sequence++);
    input.title = "Bench " + sku;
    input.variants[0].sku = sku;
    auto product = w.platform->admin().create_product(w.owner, w.store, input);
    benchmark::DoNotOptimize(product);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_GetProduct_Shopkit);
BENCHMARK(BM_GetProduct_Raw);
BENCHMARK(BM_SearchPage_Shopkit);
BENCHMARK(BM_SearchPage_Raw);
BENCHMARK(BM_Checkout3_Shopkit);
BENCHMARK(BM_Checkout3_Raw);
// Last of the store benchmarks, since it grows the catalog.
BENCHMARK(BM_CreateProduct_Shopkit)->Threads(1)->Threads(4)->UseRealTime();
BENCHMARK(BM_Provision_Shopkit)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Provision_Raw)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
