// Rows per second of the product CSV import on a generated Shopify file.
//
// docs/benchmarks.md (Product CSV import) has the commands that build
// and run it.
//
// Each iteration imports into a new store in a new data folder under the
// system temp folder. The disk and the page cache decide much of the
// result, so run it on the disk the data folder will use.
#include <benchmark/benchmark.h>

#include <string>

#include "csv/header_map.h"
#include "csv/product_rows.h"
#include "csv/reader.h"
#include "shopkit/admin_service.h"
#include "shopkit/environment.h"
#include "shopkit/platform.h"
#include "shopkit/store_service.h"
#include "support/auth_helpers.h"
#include "support/test_support.h"

namespace {

constexpr int kRows = 100'000;

// A Shopify product CSV of `rows` data rows. Each product takes four
// rows: three variants (Size S, M, L) and one image-only row, so the
// file has rows / 4 products, 3 variants and 2 images each. The variant
// prices start at `base_price` units.
std::string generate_shopify_csv(int rows, int base_price) {
  std::string text =
      "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
      "Option1 Value,Variant SKU,Variant Grams,Variant Inventory Qty,"
      "Variant Inventory Policy,Variant Price,Variant Compare At Price,"
      "Image Src,Image Position,Image Alt Text\r\n";
  text.reserve(static_cast<std::size_t>(rows) * 160);
  const char* sizes[] = {"S", "M", "L"};
  for (int product = 0; product * 4 < rows; ++product) {
    const std::string handle = "product-" + std::to_string(product);
    const std::string image = "https://example.com/img/" + handle;
    for (int row = 0; row < 4 && product * 4 + row < rows; ++row) {
      text += handle;
      if (row == 0) {
        text += ",Product " + std::to_string(product) +
                ",\"<p>A generated product, with a comma and\r\na line "
                "break.</p>\",Bench Co,Shirts,\"cotton, bench\",true,Size";
      } else {
        text += ",,,,,,,";
      }
      if (row < 3) {
        text += std::string(",") + sizes[row] + "," + handle + "-" +
                sizes[row] + ",200," + std::to_string(row + 5) + ",deny," +
                std::to_string(base_price + row) + ".99,";
        if (row == 0) text += "19.99";
      } else {
        text += ",,,,,,,";
      }
      if (row == 0) text += "," + image + "-1.jpg,1,Front";
      if (row == 1) text += ",,,";
      if (row == 2) text += ",,,";
      if (row == 3) text += "," + image + "-2.jpg,2,Back";
      text += "\r\n";
    }
  }
  return text;
}

const std::string& bench_csv() {
  static const std::string text = generate_shopify_csv(kRows, 10);
  return text;
}

// The same products with other prices: importing it after bench_csv()
// updates every product.
const std::string& repriced_csv() {
  static const std::string text = generate_shopify_csv(kRows, 12);
  return text;
}

// The test options (cheap password hashing, silent log) with the system
// clock, so ids are time-ordered as in production.
std::unique_ptr<shopkit::Platform> open_platform(
    const std::filesystem::path& dir) {
  shopkit::Options options = shopkit::testing::test_options(dir);
  options.clock = std::make_shared<shopkit::SystemClock>();
  return shopkit::Platform::open(std::move(options));
}

struct BenchStore {
  shopkit::testing::TempDir dir;
  std::unique_ptr<shopkit::Platform> platform = open_platform(dir.path());
  shopkit::Principal owner = shopkit::testing::sign_up(
      *platform, "bench@example.com", shopkit::PlatformRole::merchant);
  shopkit::StoreId store =
      platform->stores()
          .create_store(
              owner,
              shopkit::CreateStoreRequest{"Bench", "bench-store", "USD", "US"})
          .id;

  shopkit::ImportReport import(bool dry_run = false,
                               const std::string& text = bench_csv()) {
    shopkit::ImportOptions options;
    options.dry_run = dry_run;
    return platform->admin().import_products(owner, store, text, options);
  }
};

void report_rows(benchmark::State& state, std::int64_t rows) {
  state.counters["rows_per_second"] = benchmark::Counter(
      static_cast<double>(rows), benchmark::Counter::kIsRate);
  state.counters["rows"] = static_cast<double>(rows);
}

// A new store: every product is created.
void BM_ImportCreate(benchmark::State& state) {
  std::int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto store = std::make_unique<BenchStore>();
    state.ResumeTiming();
    shopkit::ImportReport report = store->import();
    rows += report.rows_read;
    if (report.products_created != kRows / 4 || report.error_count != 0) {
      state.SkipWithError("the import did not create every product");
    }
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  report_rows(state, rows);
}

// Imports bench_csv() into a new store untimed, then times importing
// `second` into it. `counted` is the report field that must reach every
// product.
void time_second_import(benchmark::State& state, const std::string& second,
                        std::int64_t shopkit::ImportReport::*counted) {
  std::int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto store = std::make_unique<BenchStore>();
    store->import();
    state.ResumeTiming();
    shopkit::ImportReport report = store->import(false, second);
    rows += report.rows_read;
    if (report.*counted != kRows / 4) {
      state.SkipWithError("the second import did not reach every product");
    }
    state.PauseTiming();
    store.reset();
    state.ResumeTiming();
  }
  report_rows(state, rows);
}

// The same products with new prices: every product is updated in place.
void BM_ImportUpdate(benchmark::State& state) {
  time_second_import(state, repriced_csv(),
                     &shopkit::ImportReport::products_updated);
}

// The same file again: every product is found unchanged, nothing is
// written.
void BM_ImportUnchanged(benchmark::State& state) {
  time_second_import(state, bench_csv(),
                     &shopkit::ImportReport::products_unchanged);
}

// A dry run into an empty store: reading and checking only.
void BM_ImportDryRun(benchmark::State& state) {
  BenchStore store;
  std::int64_t rows = 0;
  for (auto _ : state) {
    rows += store.import(true).rows_read;
  }
  report_rows(state, rows);
}

// The CSV reader and the Shopify row mapper alone, without the store.
void BM_ParseAndMap(benchmark::State& state) {
  std::int64_t rows = 0;
  for (auto _ : state) {
    shopkit::csv::TextReader reader(bench_csv());
    shopkit::csv::Record record;
    reader.next(record);
    shopkit::csv::HeaderMap header(record);
    auto mapper = shopkit::csv::make_row_mapper(shopkit::ImportFormat::shopify,
                                                header, "USD");
    shopkit::csv::MappedRows mapped;
    while (reader.next(record)) {
      mapper->add(record, mapped);
      mapped.products.clear();
      ++rows;
    }
    mapper->finish(mapped);
    benchmark::DoNotOptimize(mapped);
  }
  report_rows(state, rows);
}

BENCHMARK(BM_ImportCreate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ImportUpdate)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ImportUnchanged)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ImportDryRun)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ParseAndMap)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
