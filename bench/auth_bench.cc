// authenticate() throughput on one thread, next to the raw cost of one
// HMAC-SHA256 over an input of the same size, measured in the same run.
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include "auth/jwt.h"
#include "common/crypto.h"
#include "shopkit/auth_service.h"
#include "shopkit/platform.h"

namespace {

namespace fs = std::filesystem;

// A data folder with one user who has logged in once.
struct Fixture {
  fs::path dir;
  std::unique_ptr<shopkit::Platform> platform;
  std::string access_token;

  explicit Fixture(std::chrono::milliseconds session_cache_ttl) {
    static std::atomic<int> counter{0};
    dir = fs::temp_directory_path() /
          ("shopkit-bench-" + std::to_string(std::random_device{}()) + "-" +
           std::to_string(counter++));
    shopkit::Options options;
    options.data_dir = dir;
    options.auth.session_cache_ttl = session_cache_ttl;
    platform = shopkit::Platform::open(options);
    platform->auth().register_user(
        {"bench@example.com", "bench password", "Bench",
         shopkit::PlatformRole::customer});
    access_token = platform->auth()
                       .login({"bench@example.com", "bench password", {}})
                       .access_token;
  }
  ~Fixture() {
    platform.reset();
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

// The part of the token that its signature covers: "header.payload".
std::string signing_input(const std::string& token) {
  return token.substr(0, token.rfind('.'));
}

void BM_Authenticate(benchmark::State& state) {
  Fixture fixture(std::chrono::milliseconds(1000));
  auto& auth = fixture.platform->auth();
  for (auto _ : state) {
    benchmark::DoNotOptimize(auth.authenticate(fixture.access_token));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["token_bytes"] =
      static_cast<double>(fixture.access_token.size());
}

// session_cache_ttl = 0: every call reads the session and user rows.
void BM_AuthenticateNoCache(benchmark::State& state) {
  Fixture fixture(std::chrono::milliseconds(0));
  auto& auth = fixture.platform->auth();
  for (auto _ : state) {
    benchmark::DoNotOptimize(auth.authenticate(fixture.access_token));
  }
  state.SetItemsProcessed(state.iterations());
}

// A token of the size authenticate() sees: the fixture's real token.
std::string sample_input() {
  static const std::string input = [] {
    Fixture fixture(std::chrono::milliseconds(1000));
    return signing_input(fixture.access_token);
  }();
  return input;
}

// One-shot HMAC-SHA256 through OpenSSL's HMAC(), key set up every call.
void BM_HmacSha256OneShot(benchmark::State& state) {
  std::string key(32, 'k');
  std::string input = sample_input();
  for (auto _ : state) {
    benchmark::DoNotOptimize(shopkit::internal::hmac_sha256(key, input));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["input_bytes"] = static_cast<double>(input.size());
}

// HMAC-SHA256 with the key prepared once, as authenticate() uses it.
void BM_HmacSha256Prekeyed(benchmark::State& state) {
  shopkit::internal::HmacSha256Key key(std::string(32, 'k'));
  std::string input = sample_input();
  for (auto _ : state) {
    benchmark::DoNotOptimize(key.sign(input));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["input_bytes"] = static_cast<double>(input.size());
}

}  // namespace

BENCHMARK(BM_HmacSha256OneShot);
BENCHMARK(BM_HmacSha256Prekeyed);
BENCHMARK(BM_Authenticate);
BENCHMARK(BM_AuthenticateNoCache);

BENCHMARK_MAIN();
