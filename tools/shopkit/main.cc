// shopkit: the command-line tool.
//   shopkit --data DIR COMMAND [options]
// Exit codes: 0 done, 1 the operation failed, 2 bad usage.
#include <algorithm>
#include <iostream>
#include <string>

#include "commands.h"
#include "shopkit/error.h"

namespace {

using shopkit::cli::Command;
using shopkit::cli::kExitFailed;
using shopkit::cli::kExitOk;
using shopkit::cli::kExitUsage;
using shopkit::cli::UsageError;

constexpr const char* kGlobalOptions =
    "global options (before or after COMMAND):\n"
    "  --data DIR              the data folder (created by init); required\n"
    "  --log-level LEVEL       debug, info, warning or error (default info)\n"
    "  --scrypt-log2-n N       password hash cost N = 2^N (default 15);\n"
    "                          lower values only for tests and demos\n"
    "  --help                  show help for shopkit or for COMMAND\n";

void print_main_help(const std::vector<Command>& commands) {
  std::cout << "usage: shopkit --data DIR COMMAND [options]\n\n"
               "Manages a shopkit data folder and runs its HTTP host.\n\n"
               "commands:\n";
  for (const Command& command : commands) {
    std::string name = "  " + command.name;
    if (name.size() < 24) name.resize(24, ' ');
    std::cout << name << command.summary << "\n";
  }
  std::cout << "\n"
            << kGlobalOptions
            << "\nRun 'shopkit COMMAND --help' for a command's options.\n"
               "Exit codes: 0 done, 1 the operation failed, 2 bad usage.\n";
}

void print_command_help(const Command& command) {
  std::cout << "usage: shopkit --data DIR " << command.name;
  if (!command.options.empty()) std::cout << " [options]";
  if (!command.arguments.empty()) std::cout << " " << command.arguments;
  std::cout << "\n\n" << command.summary << "\n";
  if (!command.details.empty()) std::cout << "\n" << command.details << "\n";
  if (!command.options.empty()) {
    std::cout << "\noptions:\n"
              << shopkit::cli::format_options(command.options);
  }
  std::cout << "\n" << kGlobalOptions;
}

shopkit::LogLevel parse_log_level(const std::string& text) {
  for (auto level : {shopkit::LogLevel::debug, shopkit::LogLevel::info,
                     shopkit::LogLevel::warning, shopkit::LogLevel::error}) {
    if (shopkit::to_string(level) == text) return level;
  }
  throw UsageError("--log-level must be debug, info, warning or error, not '" +
                   text + "'");
}

int run(int argc, char** argv) {
  auto arguments = shopkit::cli::split_arguments(argc, argv);
  std::vector<Command> commands = shopkit::cli::all_commands();

  if (arguments.command.empty()) {
    if (arguments.help) {
      print_main_help(commands);
      return kExitOk;
    }
    throw UsageError("no command given");
  }
  auto command = std::find_if(
      commands.begin(), commands.end(),
      [&](const Command& c) { return c.name == arguments.command; });
  if (command == commands.end()) {
    throw UsageError("unknown command '" + arguments.command + "'");
  }
  if (arguments.help) {
    print_command_help(*command);
    return kExitOk;
  }

  auto options =
      shopkit::cli::parse_options(arguments.command_args, command->options);
  if (!arguments.data_dir || arguments.data_dir->empty()) {
    throw UsageError("missing --data DIR");
  }
  shopkit::cli::GlobalOptions global{.data_dir = *arguments.data_dir,
                                     .log = nullptr,
                                     .scrypt_log2_n = std::nullopt};
  auto level = parse_log_level(arguments.log_level.value_or("info"));
  global.log = std::make_shared<shopkit::StderrLogSink>(level);
  if (arguments.scrypt_log2_n) {
    global.scrypt_log2_n = static_cast<int>(shopkit::cli::parse_integer(
        "scrypt-log2-n", *arguments.scrypt_log2_n, 1, 30));
  }
  return command->run(global, options);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const UsageError& error) {
    std::cerr << "shopkit: " << error.what() << "\n"
              << "usage: shopkit --data DIR COMMAND [options]; "
                 "run 'shopkit --help' for the commands\n";
    return kExitUsage;
  } catch (const shopkit::Error& error) {
    std::cerr << "shopkit: " << error.what();
    if (!error.field().empty()) std::cerr << " (field " << error.field() << ")";
    std::cerr << " [" << shopkit::to_string(error.code()) << "]\n";
    return kExitFailed;
  } catch (const std::exception& error) {
    std::cerr << "shopkit: " << error.what() << "\n";
    return kExitFailed;
  }
}
