#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>

#include "http_host.h"
#include "router.h"
#include "routes.h"
#include "shopkit/error.h"

namespace shopkit::http {

namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

// When the request on this worker thread started. cpp-httplib serves a
// request on one thread from routing to logging, so the pre-routing
// handler sets it and the logger reads and clears it. Requests that fail
// before routing (a malformed request line) have none.
thread_local std::optional<SteadyTime> request_start;

bool is_sensitive_key(std::string_view key) {
  std::string lower;
  for (char c : key)
    lower.push_back(
        static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view word : {"token", "password", "secret", "key"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

// Returns the request target for the access log: the path and the query,
// with the values of token-, password-, secret- and key-like parameters
// replaced, and control characters escaped.
std::string loggable_target(const httplib::Request& req) {
  std::string_view target = req.target;
  std::size_t question = target.find('?');
  std::string out = escape_for_log(target.substr(0, question));
  if (question == std::string_view::npos) return out;

  std::string_view query = target.substr(question + 1);
  char separator = '?';
  while (!query.empty()) {
    std::size_t end = query.find('&');
    std::string_view pair = query.substr(0, end);
    std::size_t equals = pair.find('=');
    std::string_view key = pair.substr(0, equals);
    out.push_back(separator);
    separator = '&';
    if (is_sensitive_key(key) && equals != std::string_view::npos) {
      out += escape_for_log(key) + "=[redacted]";
    } else {
      out += escape_for_log(pair);
    }
    if (end == std::string_view::npos) break;
    query.remove_prefix(end + 1);
  }
  return out;
}

// Returns the body for an error response that cpp-httplib made itself
// (a body over the limit, a malformed request line, an unknown method).
Reply transport_error_reply(int status) {
  switch (status) {
    case 413:
      return host_error_reply(413, "payload_too_large",
                              "the request body is larger than the limit "
                              "this server accepts");
    case 414:
      return host_error_reply(414, "uri_too_long",
                              "the request target is too long");
    default:
      return host_error_reply(status, "bad_request",
                              "the request is not valid HTTP/1.1");
  }
}

}  // namespace

class Server::Impl {
 public:
  Impl(Platform& platform, ServerOptions options)
      : options_(std::move(options)),
        outbox_(options_.mail_dir, options_.log),
        router_(platform, options_.log) {
    RouteContext context{.platform = platform, .outbox = outbox_};
    add_health_routes(router_);
    add_auth_routes(router_, context);
    add_theme_routes(router_, context);
    add_admin_panel_routes(router_, context);
    add_store_routes(router_, context);
    add_admin_routes(router_, context);
    add_super_admin_routes(router_, context);
    configure();
  }

  int bind() {
    int port = options_.port == 0
                   ? server_.bind_to_any_port(options_.bind_address)
                   : (server_.bind_to_port(options_.bind_address, options_.port)
                          ? options_.port
                          : -1);
    if (port < 0) {
      throw Error(ErrorCode::failed_precondition,
                  "cannot listen on " + options_.bind_address + ":" +
                      std::to_string(options_.port) +
                      " (address in use or not available)",
                  "port");
    }
    // cpp-httplib 0.11 listens with a backlog of 5, fixed when Debian
    // built it. Clients that reconnect together (each connection closes
    // after keep_alive_max_requests) then overflow the queue, and the
    // kernel drops their handshakes: the client resends after 200 ms to
    // a second. Linux lets listen() on a listening socket set a new
    // backlog (capped by net.core.somaxconn).
    if (listen_socket_ >= 0 && ::listen(listen_socket_, kListenBacklog) != 0) {
      const std::string reason = std::strerror(errno);
      throw Error(ErrorCode::internal,
                  "cannot set the listen backlog on " + options_.bind_address +
                      ":" + std::to_string(port) + ": " + reason);
    }
    port_ = port;
    return port;
  }

  void serve() {
    {
      std::lock_guard lock(mutex_);
      if (stop_requested_) return;
      serving_ = true;
    }
    if (options_.log) {
      options_.log->write(LogLevel::info, "http listening on " +
                                              options_.bind_address + ":" +
                                              std::to_string(port_));
    }
    if (options_.on_ready) options_.on_ready(options_.bind_address, port_);
    server_.listen_after_bind();
    {
      std::lock_guard lock(mutex_);
      serving_ = false;
    }
    if (options_.log) options_.log->write(LogLevel::info, "http stopped");
  }

  // NOTE: cpp-httplib 0.11 closes a connection that was accepted but not
  // yet picked up by a worker, or that sits idle between two requests,
  // without a response once stop() runs. A request whose head a worker
  // has started reading always completes.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      if (stop_requested_) return;
      stop_requested_ = true;
    }
    // httplib's stop() does nothing until listen_after_bind() has marked
    // the server running, so wait for that while serve() is under way.
    while (true) {
      if (server_.is_running()) {
        server_.stop();
        return;
      }
      {
        std::lock_guard lock(mutex_);
        if (!serving_) return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  const Router& router() const { return router_; }

 private:
  void configure() {
    int threads = options_.threads;
    server_.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    server_.set_payload_max_length(options_.max_body_bytes);
    // cpp-httplib writes the head and the body of a response separately.
    // With Nagle's algorithm on, the body waits for the client's delayed
    // ACK of the head, which adds about 40 ms to every response on Linux.
    server_.set_tcp_nodelay(true);
    // Records the listening socket, which bind() needs for its backlog.
    // cpp-httplib's default options set SO_REUSEPORT on Linux, with which
    // another process of the same user could bind the same port and take
    // a share of the connections. SO_REUSEADDR takes its place, so the
    // host can restart on a port with connections in TIME_WAIT.
    server_.set_socket_options([this](socket_t socket) {
      int yes = 1;
      ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      listen_socket_ = socket;
    });
    server_.set_keep_alive_timeout(options_.keep_alive_timeout.count());
    server_.set_keep_alive_max_count(
        static_cast<std::size_t>(options_.keep_alive_max_requests));

    server_.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response& res) {
          request_start = std::chrono::steady_clock::now();
          res.set_header("X-Request-Id",
                         request_id_for(req.get_header_value("X-Request-Id")));
          // A POST, PUT or PATCH without Content-Length or
          // Transfer-Encoding has no body (RFC 9112, section 6.3), but
          // cpp-httplib 0.11 would read until the client closes or the
          // read timeout passes. Route it here, before any body read.
          bool may_have_body = req.method == "POST" || req.method == "PUT" ||
                               req.method == "PATCH";
          if (may_have_body && !req.has_header("Content-Length") &&
              !req.has_header("Transfer-Encoding")) {
            router_.dispatch(req, res);
            return httplib::Server::HandlerResponse::Handled;
          }
          return httplib::Server::HandlerResponse::Unhandled;
        });

    // One catch-all handler per method lets the Router do the matching,
    // so it can return 405 with Allow as well as 404.
    auto dispatch = [this](const httplib::Request& req,
                           httplib::Response& res) {
      router_.dispatch(req, res);
    };
    server_.Get(".*", dispatch);
    server_.Options(".*", dispatch);

    // Methods with a body read it here rather than through cpp-httplib,
    // which in 0.11 applies the body limit to Content-Length bodies only
    // and would buffer a chunked body of any size.
    auto read_and_dispatch = [this](const httplib::Request& req,
                                    httplib::Response& res,
                                    const httplib::ContentReader& reader) {
      std::string body;
      if (read_body(req, res, reader, body)) router_.dispatch(req, body, res);
    };
    server_.Post(".*", read_and_dispatch);
    server_.Put(".*", read_and_dispatch);
    server_.Patch(".*", read_and_dispatch);
    server_.Delete(".*", read_and_dispatch);

    // Called for every response of 400 or more. Responses from the Router
    // already have a body, and the others come from cpp-httplib itself.
    httplib::Server::HandlerWithResponse fill_error_body =
        [this](const httplib::Request& req, httplib::Response& res) {
          if (!res.body.empty()) {
            return httplib::Server::HandlerResponse::Unhandled;
          }
          if (res.status == 404) {
            // cpp-httplib routes no handler for TRACE or CONNECT.
            router_.dispatch(req, res);
          } else {
            Reply reply = transport_error_reply(res.status);
            res.set_content(reply.body, reply.content_type);
          }
          return httplib::Server::HandlerResponse::Handled;
        };
    server_.set_error_handler(std::move(fill_error_body));

    server_.set_exception_handler([this](const httplib::Request&,
                                         httplib::Response& res,
                                         std::exception_ptr error) {
      std::string description = "unknown exception";
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& caught) {
        description = caught.what();
      } catch (...) {
      }
      std::string request_id = res.get_header_value("X-Request-Id");
      if (options_.log) {
        options_.log->write(LogLevel::error, "http request " + request_id +
                                                 " failed: " + description);
      }
      Reply reply =
          error_reply(Error(ErrorCode::internal, description), request_id);
      res.status = reply.status;
      res.set_content(reply.body, reply.content_type);
    });

    server_.set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) {
          log_access(req, res);
        });
  }

  // Reads the request body into `body` up to max_body_bytes. Returns
  // false after writing the error response when the body is too large,
  // multipart (no route takes one) or cannot be read.
  bool read_body(const httplib::Request& req, httplib::Response& res,
                 const httplib::ContentReader& reader, std::string& body) {
    auto fail = [&](int status, std::string_view code,
                    std::string_view message) {
      Reply reply = host_error_reply(status, code, message);
      res.status = reply.status;
      res.set_content(reply.body, reply.content_type);
      // The rest of the body is still unread, so the connection cannot
      // carry another request.
      res.set_header("Connection", "close");
      return false;
    };

    if (req.is_multipart_form_data()) {
      return fail(400, "bad_request",
                  "multipart bodies are not accepted; send application/json");
    }
    bool too_large = false;
    bool complete = reader([&](const char* data, std::size_t length) {
      if (body.size() + length > options_.max_body_bytes) {
        too_large = true;
        return false;
      }
      body.append(data, length);
      return true;
    });
    if (too_large || res.status == 413) {
      return fail(413, "payload_too_large",
                  "the request body is larger than " +
                      std::to_string(options_.max_body_bytes) + " bytes");
    }
    if (!complete) {
      return fail(400, "bad_request", "the request body could not be read");
    }
    return true;
  }

  // Writes the access line. The Authorization header and request bodies
  // are never logged.
  void log_access(const httplib::Request& req, const httplib::Response& res) {
    std::optional<SteadyTime> start = request_start;
    request_start.reset();
    if (!options_.log) return;

    char duration[32] = "-";
    if (start) {
      auto elapsed = std::chrono::steady_clock::now() - *start;
      double millis =
          std::chrono::duration<double, std::milli>(elapsed).count();
      std::snprintf(duration, sizeof duration, "%.3fms", millis);
    }
    std::string request_id = res.get_header_value("X-Request-Id");
    options_.log->write(LogLevel::info,
                        "http " + escape_for_log(req.method) + " " +
                            loggable_target(req) + " " +
                            std::to_string(res.status) + " " + duration +
                            " id=" + (request_id.empty() ? "-" : request_id));
  }

  ServerOptions options_;
  MailOutbox outbox_;
  Router router_;
  static constexpr int kListenBacklog = 4096;

  httplib::Server server_;
  int listen_socket_ = -1;  // Set while bind() runs.
  int port_ = 0;
  std::mutex mutex_;
  bool stop_requested_ = false;  // Guarded by mutex_.
  bool serving_ = false;         // Guarded by mutex_.
};

Server::Server(Platform& platform, ServerOptions options) {
  if (options.port < 0 || options.port > 65535) {
    throw Error(ErrorCode::invalid_argument,
                "port " + std::to_string(options.port) + " is outside 0..65535",
                "port");
  }
  if (options.threads < 1) {
    throw Error(
        ErrorCode::invalid_argument,
        "threads must be at least 1, not " + std::to_string(options.threads),
        "threads");
  }
  if (options.max_body_bytes == 0) {
    throw Error(ErrorCode::invalid_argument, "max_body_bytes must be above 0",
                "max_body_bytes");
  }
  if (options.keep_alive_max_requests < 1) {
    throw Error(ErrorCode::invalid_argument,
                "keep_alive_max_requests must be at least 1",
                "keep_alive_max_requests");
  }
  impl_ = std::make_unique<Impl>(platform, std::move(options));
}

Server::~Server() = default;

int Server::bind() { return impl_->bind(); }

void Server::serve() { impl_->serve(); }

void Server::stop() { impl_->stop(); }

std::vector<std::pair<std::string, std::string>> Server::routes() const {
  return impl_->router().routes();
}

void run_server(Platform& platform, ServerOptions options) {
  // Block SIGINT and SIGTERM before any worker thread exists, so the
  // threads inherit the mask and only the waiter below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  std::signal(SIGPIPE, SIG_IGN);

  std::shared_ptr<LogSink> log = options.log;
  Server server(platform, std::move(options));
  server.bind();

  std::atomic<bool> finished{false};
  std::thread waiter([&] {
    timespec poll{.tv_sec = 0, .tv_nsec = 200 * 1000 * 1000};
    while (!finished) {
      int signal_number = sigtimedwait(&stop_signals, nullptr, &poll);
      if (signal_number < 0) continue;  // Timed out or interrupted.
      if (log) {
        log->write(LogLevel::info,
                   std::string("http received ") +
                       (signal_number == SIGINT ? "SIGINT" : "SIGTERM") +
                       "; finishing requests in progress");
      }
      server.stop();
      return;
    }
  });

  auto restore_signals = [&] {
    finished = true;
    waiter.join();
    // Consume a signal that came after the first, so unblocking does not
    // deliver it and kill the process on its way out.
    timespec no_wait{.tv_sec = 0, .tv_nsec = 0};
    while (sigtimedwait(&stop_signals, nullptr, &no_wait) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  };
  try {
    server.serve();
  } catch (...) {
    restore_signals();
    throw;
  }
  restore_signals();
}

}  // namespace shopkit::http
