#include "router.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.h"

namespace http = shopkit::http;
using shopkit::ErrorCode;
using shopkit::testing::TempDir;

namespace {

httplib::Request make_request(std::string method, std::string target) {
  httplib::Request req;
  req.method = std::move(method);
  req.target = std::move(target);
  req.path = req.target.substr(0, req.target.find('?'));
  return req;
}

nlohmann::json body_of(const httplib::Response& res) {
  return nlohmann::json::parse(res.body);
}

// A router with routes that echo what they receive.
struct RouterFixture {
  TempDir dir;
  shopkit::testing::TestPlatform test =
      shopkit::testing::open_test_platform(dir.path());
  http::Router router{*test.platform, test.log};

  RouterFixture() {
    router.add(
        "GET", "/items/{id}", http::Auth::none,
        [](const http::RouteRequest& request) {
          return http::json_reply(200, {{"id", request.path_param("id")}});
        });
    router.add("GET", "/items/special", http::Auth::none,
               [](const http::RouteRequest&) {
                 return http::json_reply(200, {{"special", true}});
               });
    router.add("DELETE", "/items/{id}", http::Auth::required,
               [](const http::RouteRequest&) { return http::no_content(); });
    router.add("POST", "/echo", http::Auth::none,
               [](const http::RouteRequest& request) {
                 return http::json_reply(200, request.json_body());
               });
  }

  httplib::Response call(httplib::Request req) const {
    httplib::Response res;
    router.dispatch(req, res);
    return res;
  }
};

}  // namespace

TEST_CASE("split_path decodes each segment") {
  auto segments = http::split_path("/a/b%2Fc/d%20e?x=%2F");
  REQUIRE(segments.has_value());
  CHECK(*segments == std::vector<std::string>{"a", "b/c", "d e"});
}

TEST_CASE("split_path rejects empty segments") {
  CHECK_FALSE(http::split_path("/a//b").has_value());
  CHECK_FALSE(http::split_path("/a/").has_value());
}

TEST_CASE("split_path rejects bad escapes") {
  CHECK_FALSE(http::split_path("/a%2").has_value());
  CHECK_FALSE(http::split_path("/a%zz").has_value());
}

TEST_CASE("json_depth ignores brackets in strings") {
  CHECK(http::json_depth(R"({"a": "[[[{{{", "b": [1]})", 100) == 2);
  CHECK(http::json_depth(R"({"a": "\"[[["})", 100) == 1);
  CHECK(http::json_depth("42", 100) == 0);
}

TEST_CASE("json_depth stops past the limit") {
  std::string deep(100000, '[');
  CHECK(http::json_depth(deep, 32) == 33);
}

TEST_CASE("bearer_token accepts any scheme case") {
  CHECK(http::bearer_token("Bearer abc.def") == "abc.def");
  CHECK(http::bearer_token("bearer  abc ") == "abc");
}

TEST_CASE("bearer_token rejects other schemes") {
  for (const char* header :
       {"Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "abc.def", ""}) {
    CAPTURE(header);
    try {
      http::bearer_token(header);
      FAIL("no error raised");
    } catch (const shopkit::Error& error) {
      CHECK(error.code() == ErrorCode::unauthenticated);
    }
  }
}

TEST_CASE("request_id_for keeps a safe client id") {
  CHECK(http::request_id_for("abc-1.2_3") == "abc-1.2_3");
}

TEST_CASE("request_id_for replaces an unsafe client id") {
  std::string replaced = http::request_id_for("a b\nc");
  CHECK(replaced.rfind("req-", 0) == 0);
  CHECK(http::request_id_for(std::string(65, 'a')).rfind("req-", 0) == 0);
  CHECK(http::request_id_for("") != http::request_id_for(""));
}

TEST_CASE("escape_for_log escapes control bytes") {
  CHECK(http::escape_for_log("/a\nb\\c\xff") == "/a\\x0ab\\x5cc\\xff");
}

TEST_CASE("http_status maps every error code") {
  CHECK(http::http_status(ErrorCode::invalid_argument) == 400);
  CHECK(http::http_status(ErrorCode::unauthenticated) == 401);
  CHECK(http::http_status(ErrorCode::permission_denied) == 403);
  CHECK(http::http_status(ErrorCode::not_found) == 404);
  CHECK(http::http_status(ErrorCode::already_exists) == 409);
  CHECK(http::http_status(ErrorCode::conflict) == 409);
  CHECK(http::http_status(ErrorCode::failed_precondition) == 409);
  CHECK(http::http_status(ErrorCode::resource_exhausted) == 429);
  CHECK(http::http_status(ErrorCode::internal) == 500);
}

TEST_CASE("error_reply hides internal details") {
  shopkit::Error error(ErrorCode::internal, "disk I/O error on /secret/x.db");
  http::Reply reply = http::error_reply(error, "req-7");
  auto body = nlohmann::json::parse(reply.body);
  CHECK(reply.status == 500);
  CHECK(body["error"]["code"] == "internal");
  CHECK(body["error"]["message"].get<std::string>().find("/secret") ==
        std::string::npos);
  CHECK(body["error"]["message"].get<std::string>().find("req-7") !=
        std::string::npos);
}

TEST_CASE("error_reply names the field") {
  shopkit::Error error(ErrorCode::invalid_argument, "bad sku 'x'", "sku");
  http::Reply reply = http::error_reply(error, "req-1");
  auto body = nlohmann::json::parse(reply.body);
  CHECK(reply.status == 400);
  CHECK(body["error"]["field"] == "sku");
  CHECK(body["error"]["message"] == "bad sku 'x'");
}

TEST_CASE("router prefers literal segments") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("GET", "/items/special"));
  CHECK(res.status == 200);
  CHECK(body_of(res)["special"] == true);
}

TEST_CASE("router captures a decoded segment") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("GET", "/items/a%2Fb"));
  CHECK(res.status == 200);
  CHECK(body_of(res)["id"] == "a/b");
}

TEST_CASE("router returns 404 for unknown paths") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("GET", "/nothing/here"));
  CHECK(res.status == 404);
  CHECK(body_of(res)["error"]["code"] == "not_found");
}

TEST_CASE("router returns 405 with Allow") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("PUT", "/items/7"));
  CHECK(res.status == 405);
  CHECK(res.get_header_value("Allow") == "GET, DELETE, HEAD");
  CHECK(body_of(res)["error"]["code"] == "method_not_allowed");
}

TEST_CASE("router treats HEAD as GET") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("HEAD", "/items/7"));
  CHECK(res.status == 200);
}

TEST_CASE("router requires a bearer token") {
  RouterFixture fixture;
  auto res = fixture.call(make_request("DELETE", "/items/7"));
  CHECK(res.status == 401);
  CHECK(res.get_header_value("WWW-Authenticate") == "Bearer");
  CHECK(body_of(res)["error"]["code"] == "unauthenticated");
}

TEST_CASE("router rejects a malformed bearer header") {
  RouterFixture fixture;
  auto req = make_request("DELETE", "/items/7");
  req.set_header("Authorization", "Basic dXNlcjpwYXNz");
  auto res = fixture.call(req);
  CHECK(res.status == 401);
  CHECK(body_of(res)["error"]["field"] == "authorization");
}

TEST_CASE("json body rejects malformed JSON") {
  RouterFixture fixture;
  for (const char* text : {"{", "{\"a\": }", "nul", "{\"a\": \"\xff\"}"}) {
    CAPTURE(text);
    auto req = make_request("POST", "/echo");
    req.body = text;
    auto res = fixture.call(req);
    CHECK(res.status == 400);
    CHECK(body_of(res)["error"]["field"] == "body");
  }
}

TEST_CASE("json body must be an object") {
  RouterFixture fixture;
  auto req = make_request("POST", "/echo");
  req.body = "[1, 2]";
  auto res = fixture.call(req);
  CHECK(res.status == 400);
  CHECK(body_of(res)["error"]["code"] == "invalid_argument");
}

TEST_CASE("json body rejects deep nesting") {
  RouterFixture fixture;
  auto req = make_request("POST", "/echo");
  req.body = "{\"a\":" + std::string(1000, '[') + std::string(1000, ']') + "}";
  auto res = fixture.call(req);
  CHECK(res.status == 400);
  CHECK(body_of(res)["error"]["message"].get<std::string>().find("deeper") !=
        std::string::npos);
}

TEST_CASE("json body rejects other media types") {
  RouterFixture fixture;
  auto req = make_request("POST", "/echo");
  req.set_header("Content-Type", "text/plain");
  req.body = "{}";
  auto res = fixture.call(req);
  CHECK(res.status == 400);
}

TEST_CASE("json body accepts a charset parameter") {
  RouterFixture fixture;
  auto req = make_request("POST", "/echo");
  req.set_header("Content-Type", "application/json; charset=utf-8");
  req.body = R"({"a": 1})";
  auto res = fixture.call(req);
  CHECK(res.status == 200);
  CHECK(body_of(res)["a"] == 1);
}

TEST_CASE("router turns exceptions into 500") {
  TempDir dir;
  auto test = shopkit::testing::open_test_platform(dir.path());
  http::Router router(*test.platform, test.log);
  router.add("GET", "/boom", http::Auth::none,
             [](const http::RouteRequest&) -> http::Reply {
               throw std::runtime_error("secret detail");
             });
  httplib::Response res;
  router.dispatch(make_request("GET", "/boom"), res);
  CHECK(res.status == 500);
  CHECK(res.body.find("secret detail") == std::string::npos);
  CHECK(test.log->text().find("secret detail") != std::string::npos);
}
