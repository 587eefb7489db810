// The example HTTP host: shopkit's five services as a REST API with JSON
// bodies under /api/v1, served by cpp-httplib. It contains no business
// rules, because every route only parses the request, calls the library
// and writes JSON. docs/http-api.md lists the routes.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "shopkit/environment.h"
#include "shopkit/platform.h"

namespace shopkit::http {

struct ServerOptions {
  // The address to listen on. The default accepts local clients only.
  std::string bind_address = "127.0.0.1";
  // The TCP port, or 0 to let the operating system pick a free one.
  int port = 8080;
  // The maximum request body in bytes. A longer body gets status 413.
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  // Worker threads. cpp-httplib keeps a connection on one worker while
  // it is kept alive, so this is also the number of connections served
  // at once. Further connections wait for a free worker.
  int threads = 64;
  // How long an idle kept-alive connection keeps its worker, and how
  // many requests one connection may send before the host closes it.
  std::chrono::seconds keep_alive_timeout{5};
  int keep_alive_max_requests = 1000;
  // The folder for password reset and email verification tokens, one
  // file per message, because the example host sends no mail. When it is
  // empty, tokens are dropped and only the drop is logged.
  std::filesystem::path mail_dir;
  // The sink for one access line per request and every internal error.
  // Null logs nothing.
  std::shared_ptr<LogSink> log;
  // Called once the socket listens, with the bound address and port.
  std::function<void(const std::string& address, int port)> on_ready;
};

// One HTTP server over a Platform. The Platform must outlive it.
class Server {
 public:
  // Registers every route. Raises invalid_argument for a port outside
  // 0..65535, a thread count below 1 or a zero body limit.
  Server(Platform& platform, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket and returns the port. Raises
  // failed_precondition naming the address when it cannot be bound.
  int bind();

  // Calls on_ready and then serves until stop(). Returns once every
  // request that had started when stop() was called has its response.
  void serve();

  // Stops accepting connections and makes serve() return after the
  // requests in progress finish. Safe from any thread, also before
  // serve() starts, and more than once.
  void stop();

  // Returns every (method, path pattern) that the server routes.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Binds, calls on_ready and serves until the process receives SIGINT or
// SIGTERM. Then it stops accepting and returns once the requests in
// progress have their responses. Ignores SIGPIPE for the whole process,
// so a client that disconnects during a response cannot kill it. Raises like
// Server::Server and Server::bind.
void run_server(Platform& platform, ServerOptions options);

}  // namespace shopkit::http
