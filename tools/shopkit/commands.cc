#include "commands.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "shopkit/auth_service.h"

namespace shopkit::cli {

std::unique_ptr<Platform> open_platform(const GlobalOptions& global) {
  Options options;
  options.data_dir = global.data_dir;
  // The CLI's process uses SQLite only through shopkit.
  options.disable_sqlite_memory_statistics = true;
  options.log = global.log;
  if (global.scrypt_log2_n) options.auth.scrypt_log2_n = *global.scrypt_log2_n;
  return Platform::open(std::move(options));
}

std::vector<Command> all_commands() {
  std::vector<Command> out;
  for (auto group : {platform_commands(), account_commands(), store_commands(),
                     catalog_commands(), serve_commands()}) {
    for (Command& command : group) out.push_back(std::move(command));
  }
  return out;
}

SignedIn::SignedIn(Platform& platform, const std::string& email)
    : platform_(platform), principal_(Principal::anonymous()) {
  LoginRequest request;
  request.email = email;
  request.password = read_password("password for " + email + ": ");
  request.client_key = "shopkit-cli";
  LoginResult result = platform_.auth().login(request);
  principal_ = platform_.auth().authenticate(result.access_token);
}

SignedIn::~SignedIn() {
  try {
    platform_.auth().logout(principal_);
  } catch (const Error&) {
    // The session expires by itself, so the command still succeeds.
  }
}

std::string required_option(const ParsedOptions& options,
                            std::string_view name) {
  auto value = options.value(name);
  if (!value || value->empty()) {
    throw UsageError("missing --" + std::string(name));
  }
  return *value;
}

void reject_arguments(const ParsedOptions& options, std::string_view command) {
  if (!options.positional().empty()) {
    throw UsageError(std::string(command) + " takes no arguments, got '" +
                     options.positional().front() + "'");
  }
}

std::string read_password(const std::string& prompt) {
  if (const char* from_env = std::getenv("SHOPKIT_PASSWORD")) {
    if (*from_env != '\0') return from_env;
  }

  // Turn echo off while a person types at a terminal, and back on after.
  bool terminal = isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) {
    throw UsageError(
        "missing password: set SHOPKIT_PASSWORD or write it to stdin");
  }
  return password;
}

}  // namespace shopkit::cli
