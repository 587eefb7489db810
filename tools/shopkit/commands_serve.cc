// shopkit serve: runs the example HTTP host on the data folder.
#include <sys/resource.h>

#include <iostream>

#include "commands.h"
#include "http_host.h"

namespace shopkit::cli {

namespace {

// Raises the soft descriptor limit to the hard one. An open store uses up
// to eleven descriptors and each client one, so the usual soft limit of
// 1,024 can run out before max_open_stores does.
void raise_descriptor_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

int run_serve(const GlobalOptions& global, const ParsedOptions& options) {
  if (!options.positional().empty()) {
    throw UsageError("serve takes no arguments, got '" +
                     options.positional().front() + "'");
  }
  http::ServerOptions server;
  server.bind_address = options.value("bind").value_or("127.0.0.1");
  server.port = static_cast<int>(options.integer("port", 8080, 0, 65535));
  server.threads = static_cast<int>(options.integer("threads", 64, 1, 1024));
  server.max_body_bytes = static_cast<std::size_t>(options.integer(
      "max-body-bytes", 16 * 1024 * 1024, 1, 1024LL * 1024 * 1024));
  if (auto mail_dir = options.value("mail-dir")) server.mail_dir = *mail_dir;
  server.log = global.log;
  server.on_ready = [](const std::string& address, int port) {
    bool ipv6 = address.find(':') != std::string::npos;
    std::string host = ipv6 ? "[" + address + "]" : address;
    // Scripts and tests wait for exactly this line.
    std::cout << "listening on http://" << host << ":" << port << std::endl;
  };

  raise_descriptor_limit();
  auto platform = open_platform(global);
  http::run_server(*platform, std::move(server));
  return kExitOk;
}

}  // namespace

std::vector<Command> serve_commands() {
  return {Command{
      .name = "serve",
      .arguments = "",
      .summary = "run the example HTTP host (REST API under /api/v1)",
      .details =
          "Prints one line 'listening on http://ADDR:PORT' to stdout once it "
          "accepts\nconnections, and one access log line per request to "
          "stderr. SIGINT or\nSIGTERM stops it after the requests in "
          "progress are answered.",
      .options =
          {{"bind", "ADDR", "address to listen on (default 127.0.0.1)"},
           {"port", "N", "TCP port; 0 picks a free one (default 8080)"},
           {"threads", "N",
            "worker threads, also the most connections served at once "
            "(default 64)"},
           {"max-body-bytes", "N",
            "largest request body; larger ones get 413 (default 16777216)"},
           {"mail-dir", "DIR",
            "write password reset and email verification tokens there, one "
            "file per message (default: drop them, since no mail is sent)"}},
      .run = run_serve}};
}

}  // namespace shopkit::cli
