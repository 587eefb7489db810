// The shopkit tool's commands. Each one only calls the library (and the
// example HTTP host for `serve`), while main() parses the command line
// and maps failures to exit codes.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "arguments.h"
#include "shopkit/environment.h"
#include "shopkit/platform.h"

namespace shopkit::cli {

// Exit codes: 0 done, 1 the operation failed, 2 bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

// The options every command shares, besides its own.
struct GlobalOptions {
  std::filesystem::path data_dir;
  std::shared_ptr<LogSink> log;
  // scrypt cost override (N = 2^value); empty keeps the library default.
  std::optional<int> scrypt_log2_n;
};

// Opens the data folder with the global options applied.
std::unique_ptr<Platform> open_platform(const GlobalOptions& global);

struct Command {
  std::string name;
  std::string arguments;  // After the name in the usage line: "FILE".
  std::string summary;    // One line for the command list.
  std::string details;    // More paragraphs for the command's --help.
  std::vector<OptionSpec> options;
  std::function<int(const GlobalOptions&, const ParsedOptions&)> run;
};

// Commands in the order `shopkit --help` lists them.
std::vector<Command> all_commands();

// Per-area command lists that all_commands() joins.
std::vector<Command> platform_commands();
std::vector<Command> account_commands();
std::vector<Command> store_commands();
std::vector<Command> catalog_commands();
std::vector<Command> serve_commands();

// A session opened by the CLI on a user's behalf, ended on destruction so
// the CLI leaves no live session behind.
class SignedIn {
 public:
  // Logs in as `email` with the password from read_password(). Raises
  // like AuthService::login (unauthenticated for wrong credentials).
  SignedIn(Platform& platform, const std::string& email);
  ~SignedIn();
  SignedIn(const SignedIn&) = delete;
  SignedIn& operator=(const SignedIn&) = delete;

  const Principal& principal() const { return principal_; }

 private:
  Platform& platform_;
  Principal principal_;
};

// Returns the value of a required option. Raises UsageError when it is
// absent or empty.
std::string required_option(const ParsedOptions& options,
                            std::string_view name);

// Raises UsageError when `command` got positional arguments.
void reject_arguments(const ParsedOptions& options, std::string_view command);

// Reads a password: SHOPKIT_PASSWORD when set,
// otherwise one line of stdin (without echo when stdin is a terminal).
// Raises UsageError when neither gives a non-empty password.
std::string read_password(const std::string& prompt);

}  // namespace shopkit::cli
