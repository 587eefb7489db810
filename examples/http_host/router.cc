#include "router.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <random>
#include <stdexcept>

#include "shopkit/auth_service.h"
#include "shopkit/json.h"

namespace shopkit::http {

namespace {

constexpr std::string_view kJsonType = "application/json";
constexpr std::string_view kSuperAdminPrefix = "/api/v1/super-admin/";

Error bad_body(const std::string& message) {
  return Error(ErrorCode::invalid_argument, message, "body");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = hex_value(text[i + 1]);
    int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

// Splits a pattern such as "/api/v1/stores/{handle}" into its segments.
std::vector<std::string> split_pattern(std::string_view pattern) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    std::size_t end = pattern.find('/', start);
    if (end == std::string_view::npos) end = pattern.size();
    segments.emplace_back(pattern.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool is_capture(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

void write_reply(const Reply& reply, httplib::Response& res) {
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (!reply.body.empty() || !reply.content_type.empty()) {
    res.set_content(reply.body, reply.content_type);
  }
}

}  // namespace

// --- Free helpers ---

std::optional<std::vector<std::string>> split_path(std::string_view target) {
  std::string_view path = target.substr(0, target.find('?'));
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  if (path.size() == 1) return segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end == start) return std::nullopt;
    auto decoded = percent_decode(path.substr(start, end - start));
    if (!decoded) return std::nullopt;
    segments.push_back(std::move(*decoded));
    start = end + 1;
  }
  return segments;
}

int json_depth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string bearer_token(std::string_view authorization) {
  // The scheme name is case-insensitive (RFC 9110, section 11.1).
  constexpr std::string_view kScheme = "bearer ";
  bool has_scheme =
      authorization.size() > kScheme.size() &&
      std::equal(kScheme.begin(), kScheme.end(), authorization.begin(),
                 [](char expected, char actual) {
                   return expected ==
                          std::tolower(static_cast<unsigned char>(actual));
                 });
  if (!has_scheme) {
    throw Error(ErrorCode::unauthenticated,
                "the Authorization header must be 'Bearer <access token>'",
                "authorization");
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) {
    throw Error(ErrorCode::unauthenticated,
                "the bearer token in the Authorization header is empty",
                "authorization");
  }
  return std::string(token);
}

std::string request_id_for(std::string_view client_value) {
  bool acceptable =
      !client_value.empty() && client_value.size() <= 64 &&
      std::all_of(client_value.begin(), client_value.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' ||
               c == '_' || c == '-';
      });
  if (acceptable) return std::string(client_value);

  // A random per-process prefix keeps ids of two hosts apart; the counter
  // keeps them unique within this process.
  static const std::string prefix = [] {
    std::random_device device;
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%08x", device());
    return std::string(buffer);
  }();
  static std::atomic<std::uint64_t> counter{0};
  return "req-" + prefix + "-" + std::to_string(++counter);
}

std::string escape_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '\\') {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
      out += buffer;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// --- Replies ---

Reply json_reply(int status, const nlohmann::json& body) {
  // Replacing invalid UTF-8 keeps one stored bad byte from turning a
  // valid response into a 500.
  return Reply{.status = status,
               .body = body.dump(-1, ' ', false,
                                 nlohmann::json::error_handler_t::replace),
               .content_type = std::string(kJsonType),
               .headers = {}};
}

Reply product_reply(int status, const Product& product) {
  return Reply{.status = status,
               .body = to_json_text(product),
               .content_type = std::string(kJsonType),
               .headers = {}};
}

Reply product_page_reply(int status, const Page<Product>& page) {
  return Reply{.status = status,
               .body = page_to_json_text(page),
               .content_type = std::string(kJsonType),
               .headers = {}};
}

Reply no_content() {
  Reply reply;
  reply.status = 204;
  return reply;
}

Reply host_error_reply(int status, std::string_view code,
                       std::string_view message) {
  nlohmann::json body{{"code", code}, {"message", message}};
  return json_reply(status, nlohmann::json{{"error", std::move(body)}});
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument:
      return 400;
    case ErrorCode::unauthenticated:
      return 401;
    case ErrorCode::permission_denied:
      return 403;
    case ErrorCode::not_found:
      return 404;
    case ErrorCode::already_exists:
    case ErrorCode::conflict:
    case ErrorCode::failed_precondition:
      return 409;
    case ErrorCode::resource_exhausted:
      return 429;
    case ErrorCode::internal:
      return 500;
  }
  return 500;
}

Reply error_reply(const Error& error, std::string_view request_id) {
  if (error.code() == ErrorCode::internal) {
    Error generic(ErrorCode::internal,
                  "internal error; the server log has the details under "
                  "request id " +
                      std::string(request_id));
    return json_reply(500, error_to_json(generic));
  }
  Reply reply = json_reply(http_status(error.code()), error_to_json(error));
  if (error.code() == ErrorCode::unauthenticated) {
    reply.headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  if (auto* throttled = dynamic_cast<const LoginThrottledError*>(&error)) {
    reply.headers.emplace_back(
        "Retry-After", std::to_string(throttled->retry_after().count()));
  }
  return reply;
}

// --- RouteRequest ---

RouteRequest::RouteRequest(
    const httplib::Request& raw, std::string_view body,
    std::vector<std::pair<std::string, std::string>> path_params,
    Principal principal, std::string request_id)
    : raw_(raw),
      body_(body),
      path_params_(std::move(path_params)),
      principal_(std::move(principal)),
      request_id_(std::move(request_id)) {}

const std::string& RouteRequest::path_param(std::string_view name) const {
  for (const auto& [key, value] : path_params_) {
    if (key == name) return value;
  }
  // The handler requested a capture that its pattern lacks, which is a
  // bug in the route table.
  throw Error(ErrorCode::internal,
              "route has no path parameter '" + std::string(name) + "'");
}

std::optional<std::string> RouteRequest::query(std::string_view name) const {
  std::string key(name);
  if (!raw_.has_param(key)) return std::nullopt;
  return raw_.get_param_value(key);
}

std::optional<std::string> RouteRequest::header(std::string_view name) const {
  std::string key(name);
  if (!raw_.has_header(key)) return std::nullopt;
  return raw_.get_header_value(key);
}

const nlohmann::json& RouteRequest::json_body() const {
  if (json_body_) return *json_body_;

  std::string content_type = raw_.get_header_value("Content-Type");
  std::string media_type = content_type.substr(0, content_type.find(';'));
  if (!media_type.empty() && media_type != kJsonType) {
    throw bad_body("the request body must be application/json, not '" +
                   media_type + "'");
  }
  if (body_.empty()) throw bad_body("the request body is empty");
  if (json_depth(body_, kMaxJsonDepth) > kMaxJsonDepth) {
    throw bad_body("the request body nests deeper than " +
                   std::to_string(kMaxJsonDepth) + " levels");
  }

  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(body_);
  } catch (const nlohmann::json::parse_error& error) {
    throw bad_body("the request body is not valid JSON (error at byte " +
                   std::to_string(error.byte) + ")");
  } catch (const nlohmann::json::exception&) {
    // A number beyond the range of a double, such as 1e999.
    throw bad_body("the request body has a number out of range");
  }
  if (!parsed.is_object()) {
    throw bad_body("the request body must be a JSON object");
  }
  json_body_ = std::move(parsed);
  return *json_body_;
}

const nlohmann::json& RouteRequest::json_body_or_empty() const {
  if (body_.empty() && !json_body_) json_body_ = nlohmann::json::object();
  return json_body();
}

// --- Router ---

Router::Router(Platform& platform, std::shared_ptr<LogSink> log)
    : platform_(platform), log_(std::move(log)) {}

void Router::add(std::string method, std::string pattern, Auth auth,
                 Handler handler) {
  Route route{.method = std::move(method),
              .pattern = std::move(pattern),
              .segments = {},
              .literal_segments = 0,
              .auth = auth,
              .handler = std::move(handler)};
  route.segments = split_pattern(route.pattern);
  route.literal_segments = static_cast<int>(
      std::count_if(route.segments.begin(), route.segments.end(),
                    [](const std::string& s) { return !is_capture(s); }));
  routes_.push_back(std::move(route));
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Route& route : routes_)
    out.emplace_back(route.method, route.pattern);
  return out;
}

Principal Router::authenticate(const httplib::Request& req, Auth auth) const {
  if (auth == Auth::none) return Principal::anonymous();
  if (!req.has_header("Authorization")) {
    if (auth == Auth::optional) return Principal::anonymous();
    throw Error(ErrorCode::unauthenticated,
                "this route needs an 'Authorization: Bearer <access token>' "
                "header",
                "authorization");
  }
  return platform_.auth().authenticate(
      bearer_token(req.get_header_value("Authorization")));
}

void Router::dispatch(const httplib::Request& req, std::string_view body,
                      httplib::Response& res) const {
  std::string request_id = res.get_header_value("X-Request-Id");
  std::string method = req.method == "HEAD" ? "GET" : req.method;

  try {
    // Among the patterns that match the path, the one with the most
    // literal segments wins, so "/users/me" beats "/users/{id}".
    auto segments = split_path(req.target);
    const Route* best = nullptr;
    std::vector<std::string> allowed;
    std::vector<std::pair<std::string, std::string>> params;
    for (const Route& route : routes_) {
      if (!segments || route.segments.size() != segments->size()) continue;
      std::vector<std::pair<std::string, std::string>> captured;
      bool matches = true;
      for (std::size_t i = 0; i < route.segments.size() && matches; ++i) {
        const std::string& part = route.segments[i];
        if (is_capture(part)) {
          captured.emplace_back(part.substr(1, part.size() - 2),
                                (*segments)[i]);
        } else {
          matches = part == (*segments)[i];
        }
      }
      if (!matches) continue;
      if (route.method != method) {
        if (std::find(allowed.begin(), allowed.end(), route.method) ==
            allowed.end()) {
          allowed.push_back(route.method);
        }
        continue;
      }
      if (!best || route.literal_segments > best->literal_segments) {
        best = &route;
        params = std::move(captured);
      }
    }

    if (!best && !allowed.empty()) {
      std::string allow;
      for (const std::string& name : allowed) {
        allow += (allow.empty() ? "" : ", ") + name;
      }
      if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) {
        allow += ", HEAD";
      }
      Reply reply = host_error_reply(
          405, "method_not_allowed",
          "method " + req.method +
              " is not allowed on this path; allowed: " + allow);
      reply.headers.emplace_back("Allow", allow);
      write_reply(reply, res);
      return;
    }
    if (!best) {
      Error error(ErrorCode::not_found, "no route for " + req.method + " " +
                                            escape_for_log(req.path));
      write_reply(json_reply(404, error_to_json(error)), res);
      return;
    }

    Principal principal = authenticate(req, best->auth);
    // Super-admin routes turn others away before the body is read, so a
    // caller without the role learns nothing of its shape. Each library
    // call checks the role again.
    if (best->pattern.rfind(kSuperAdminPrefix, 0) == 0 &&
        !principal.is_super_admin()) {
      throw Error(ErrorCode::permission_denied,
                  "only a super admin may call " + req.method + " " +
                      best->pattern);
    }
    RouteRequest request(req, body, std::move(params), std::move(principal),
                         request_id);
    write_reply(best->handler(request), res);
  } catch (const Error& error) {
    if (error.code() == ErrorCode::internal && log_) {
      log_->write(LogLevel::error,
                  "http request " + request_id + " failed: " + error.what());
    }
    write_reply(error_reply(error, request_id), res);
  } catch (const std::exception& error) {
    if (log_) {
      log_->write(LogLevel::error,
                  "http request " + request_id + " failed: " + error.what());
    }
    write_reply(
        error_reply(Error(ErrorCode::internal, error.what()), request_id), res);
  }
}

}  // namespace shopkit::http
