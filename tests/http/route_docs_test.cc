#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "http_host.h"
#include "support/test_support.h"

namespace {

using RouteSet = std::set<std::pair<std::string, std::string>>;

// Reads the "### METHOD /path" headings of docs/http-api.md.
RouteSet documented_routes() {
  std::ifstream docs(SHOPKIT_HTTP_DOCS);
  REQUIRE(docs.good());
  RouteSet routes;
  std::string line;
  while (std::getline(docs, line)) {
    std::istringstream words(line);
    std::string hashes, method, path, rest;
    words >> hashes >> method >> path;
    bool is_method = method == "GET" || method == "POST" || method == "PUT" ||
                     method == "PATCH" || method == "DELETE";
    if (hashes == "###" && is_method && path.starts_with("/") &&
        !(words >> rest)) {
      routes.emplace(method, path);
    }
  }
  return routes;
}

RouteSet served_routes() {
  shopkit::testing::TempDir dir;
  auto test = shopkit::testing::open_test_platform(dir.path());
  shopkit::http::Server server(*test.platform, {});
  auto routes = server.routes();
  return RouteSet(routes.begin(), routes.end());
}

}  // namespace

TEST_CASE("every served route is documented") {
  RouteSet documented = documented_routes();
  for (const auto& [method, pattern] : served_routes()) {
    CAPTURE(method);
    CAPTURE(pattern);
    CHECK(documented.count({method, pattern}) == 1);
  }
}

TEST_CASE("every documented route is served") {
  RouteSet served = served_routes();
  for (const auto& [method, pattern] : documented_routes()) {
    CAPTURE(method);
    CAPTURE(pattern);
    CHECK(served.count({method, pattern}) == 1);
  }
}
