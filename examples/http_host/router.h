// The host's route table: matches a method and a path to a handler,
// authenticates the caller, and turns shopkit::Error into the JSON error
// body and HTTP status that clients see.
#pragma once

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shopkit/catalog.h"
#include "shopkit/environment.h"
#include "shopkit/error.h"
#include "shopkit/platform.h"
#include "shopkit/types.h"

namespace shopkit::http {

// The use a route makes of the Authorization header.
enum class Auth {
  none,      // The header is ignored and the principal is anonymous.
  optional,  // A valid bearer token signs the caller in, no header means
             // anonymous, and a malformed or invalid token gets 401.
  required,  // A valid bearer token is required, otherwise 401.
};

// A matched request, as passed to its handler.
class RouteRequest {
 public:
  RouteRequest(const httplib::Request& raw, std::string_view body,
               std::vector<std::pair<std::string, std::string>> path_params,
               Principal principal, std::string request_id);

  const httplib::Request& raw() const { return raw_; }
  // The request body as received, whatever its media type.
  std::string_view body() const { return body_; }
  const Principal& principal() const { return principal_; }
  const std::string& request_id() const { return request_id_; }

  // Returns the percent-decoded path segment captured as {name}.
  const std::string& path_param(std::string_view name) const;

  // Returns the query parameter `name`, or nullopt when it is absent.
  std::optional<std::string> query(std::string_view name) const;

  // Returns the body parsed as a JSON object. Raises invalid_argument
  // (field "body") when the body is empty, not JSON, nested deeper than
  // kMaxJsonDepth, or not an object. Parsed once and cached.
  const nlohmann::json& json_body() const;

  // Like json_body(), but an empty body gives an empty object, for
  // routes whose body is optional.
  const nlohmann::json& json_body_or_empty() const;

  // Returns the header `name`, or nullopt when it is absent.
  std::optional<std::string> header(std::string_view name) const;

 private:
  const httplib::Request& raw_;
  std::string_view body_;
  std::vector<std::pair<std::string, std::string>> path_params_;
  Principal principal_;
  std::string request_id_;
  mutable std::optional<nlohmann::json> json_body_;
};

// A handler's response: a status, a body with its content type, and
// extra headers.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;
};

// Returns a reply with `body` serialized as JSON.
Reply json_reply(int status, const nlohmann::json& body);
// The same for products and product pages, written straight to text
// (the same bytes, without building a nlohmann::json first).
Reply product_reply(int status, const Product& product);
Reply product_page_reply(int status, const Page<Product>& page);

// Returns {"items": [...], "next_cursor": null}, the list format, for a
// list that the library returns whole rather than in pages.
template <typename T>
nlohmann::json whole_list_json(const std::vector<T>& items) {
  nlohmann::json array = nlohmann::json::array();
  for (const T& item : items) array.push_back(item);
  return nlohmann::json{{"items", std::move(array)}, {"next_cursor", nullptr}};
}

// Returns 204 No Content.
Reply no_content();

// Returns an error body for a failure of HTTP itself rather than of a
// shopkit call, with a code that is not an ErrorCode:
// "method_not_allowed" (405) or "payload_too_large" (413).
Reply host_error_reply(int status, std::string_view code,
                       std::string_view message);

// Maps an ErrorCode to its HTTP status. failed_precondition maps to 409
// (the target's state forbids the call), not 412, which HTTP reserves
// for failed conditional headers such as If-Match.
int http_status(ErrorCode code);

// Returns the JSON error reply for `error` (the body of error_to_json).
// Internal errors get a generic message that names only the request id,
// so the caller must log the detail.
Reply error_reply(const Error& error, std::string_view request_id);

using Handler = std::function<Reply(const RouteRequest&)>;

// Routes by method and path pattern, where a segment "{name}" captures
// one path segment. Register every route before serving, because
// dispatch() is safe from many threads only while the table is fixed.
class Router {
 public:
  Router(Platform& platform, std::shared_ptr<LogSink> log);

  void add(std::string method, std::string pattern, Auth auth, Handler handler);

  // Handles one request end to end and fills `res` with the handler's
  // reply or an error body. The errors are 404 when no pattern matches
  // the path, 405 with an Allow header when the path matches only under
  // other methods, 401 when authentication fails, and the mapped status
  // of any Error the handler raises.
  void dispatch(const httplib::Request& req, std::string_view body,
                httplib::Response& res) const;
  // As above, with the body cpp-httplib read into `req`.
  void dispatch(const httplib::Request& req, httplib::Response& res) const {
    dispatch(req, req.body, res);
  }

  // Returns every registered (method, pattern) in registration order.
  // A test compares them with docs/http-api.md.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    int literal_segments = 0;
    Auth auth = Auth::none;
    Handler handler;
  };

  Principal authenticate(const httplib::Request& req, Auth auth) const;

  Platform& platform_;
  std::shared_ptr<LogSink> log_;
  std::vector<Route> routes_;
};

// The maximum JSON nesting of a request body. Real bodies (a product
// with variants) nest about four levels, and the limit keeps parsing and
// destroying hostile input cheap.
inline constexpr int kMaxJsonDepth = 32;

// Splits the path of a request target ("/a/b%2Fc?x=1") into
// percent-decoded segments {"a", "b/c"}. Returns nullopt when a segment
// is empty (a doubled or trailing slash) or has a bad escape.
std::optional<std::vector<std::string>> split_path(std::string_view target);

// Returns the deepest nesting of arrays and objects in `text`, counting
// only brackets outside strings. Stops counting past `limit`.
int json_depth(std::string_view text, int limit);

// Extracts the token from "Authorization: Bearer <token>". Raises
// unauthenticated when the header is not a bearer credential.
std::string bearer_token(std::string_view authorization);

// Returns the request id to use: the client's X-Request-Id when it is 1
// to 64 characters of [A-Za-z0-9._-], otherwise a fresh one.
std::string request_id_for(std::string_view client_value);

// Returns `text` with control characters and non-ASCII bytes escaped as
// \xNN, so a client-chosen path cannot forge or split log lines.
std::string escape_for_log(std::string_view text);

}  // namespace shopkit::http
