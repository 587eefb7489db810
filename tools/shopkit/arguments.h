// Command-line parsing for the shopkit tool: global options, the
// command name and each command's own options.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace shopkit::cli {

// Bad usage: an unknown command or option, a missing or malformed value.
// main() prints the message and the usage line and exits with 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One option a command accepts, for parsing and for --help.
struct OptionSpec {
  std::string name;         // Without dashes: "port" for --port.
  std::string value_name;   // "N", "ADDR"; empty for a flag.
  std::string description;  // One line for --help.
};

// The command line split into its parts. Global options (--data,
// --log-level, --scrypt-log2-n, --help) may come before or after the
// command name.
struct Arguments {
  std::optional<std::string> data_dir;
  std::optional<std::string> log_level;
  std::optional<std::string> scrypt_log2_n;
  bool help = false;
  std::string command;                    // Empty when none was given.
  std::vector<std::string> command_args;  // Everything else, in order.
};

// Splits argv into global options, the command and its arguments.
// Raises UsageError for a global option without its value.
Arguments split_arguments(int argc, char** argv);

// A command's options and positional arguments after parsing.
class ParsedOptions {
 public:
  bool has(std::string_view name) const;
  std::optional<std::string> value(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // Returns the option's value as an integer in [min, max], or
  // `fallback` when it is absent. Raises UsageError naming the option
  // and the text when it is not such an integer.
  long long integer(std::string_view name, long long fallback, long long min,
                    long long max) const;

 private:
  friend ParsedOptions parse_options(const std::vector<std::string>& args,
                                     const std::vector<OptionSpec>& specs);
  std::map<std::string, std::string, std::less<>> values_;
  std::vector<std::string> positional_;
};

// Parses `text`, the value of option --`option`, as an integer in
// [min, max]. Raises UsageError naming the option and the text
// otherwise.
long long parse_integer(std::string_view option, const std::string& text,
                        long long min, long long max);

// Parses `args` against `specs`; "--name VALUE" and "--name=VALUE" are
// both accepted. Raises UsageError for an unknown option, a flag given a
// value, or an option missing its value.
ParsedOptions parse_options(const std::vector<std::string>& args,
                            const std::vector<OptionSpec>& specs);

// Formats the option list for --help, one option per line.
std::string format_options(const std::vector<OptionSpec>& specs);

}  // namespace shopkit::cli
