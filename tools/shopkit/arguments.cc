#include "arguments.h"

#include <algorithm>
#include <charconv>

namespace shopkit::cli {

namespace {

// Splits "--name=value" into its parts. "--name" alone has no value.
std::pair<std::string, std::optional<std::string>> split_option(
    std::string_view arg) {
  arg.remove_prefix(2);
  std::size_t equals = arg.find('=');
  if (equals == std::string_view::npos) return {std::string(arg), {}};
  return {std::string(arg.substr(0, equals)),
          std::string(arg.substr(equals + 1))};
}

bool is_option(std::string_view arg) {
  return arg.size() > 2 && arg.substr(0, 2) == "--";
}

}  // namespace

Arguments split_arguments(int argc, char** argv) {
  Arguments out;
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (options_ended) {
      if (out.command.empty()) {
        out.command = arg;
      } else {
        out.command_args.emplace_back(arg);
      }
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      out.command_args.emplace_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    if (is_option(arg)) {
      auto [name, value] = split_option(arg);
      std::optional<std::string>* target = nullptr;
      if (name == "data") target = &out.data_dir;
      if (name == "log-level") target = &out.log_level;
      if (name == "scrypt-log2-n") target = &out.scrypt_log2_n;
      if (target) {
        if (!value) {
          if (i + 1 >= argc) {
            throw UsageError("option --" + name + " needs a value");
          }
          value = argv[++i];
        }
        *target = *value;
        continue;
      }
    }
    if (out.command.empty() && !is_option(arg)) {
      out.command = arg;
    } else {
      out.command_args.emplace_back(arg);
    }
  }
  return out;
}

bool ParsedOptions::has(std::string_view name) const {
  return values_.find(name) != values_.end();
}

std::optional<std::string> ParsedOptions::value(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

long long ParsedOptions::integer(std::string_view name, long long fallback,
                                 long long min, long long max) const {
  auto text = value(name);
  if (!text) return fallback;
  return parse_integer(name, *text, min, max);
}

long long parse_integer(std::string_view option, const std::string& text,
                        long long min, long long max) {
  long long parsed = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), parsed);
  if (error != std::errc() || end != text.data() + text.size() ||
      parsed < min || parsed > max) {
    throw UsageError("option --" + std::string(option) +
                     " must be an integer from " + std::to_string(min) +
                     " to " + std::to_string(max) + ", not '" + text + "'");
  }
  return parsed;
}

ParsedOptions parse_options(const std::vector<std::string>& args,
                            const std::vector<OptionSpec>& specs) {
  ParsedOptions out;
  bool options_ended = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (options_ended || !is_option(arg)) {
      if (arg == "--" && !options_ended) {
        options_ended = true;
        continue;
      }
      out.positional_.push_back(arg);
      continue;
    }

    auto [name, value] = split_option(arg);
    // A named copy, because C++20 lambdas cannot capture a structured
    // binding under clang 14.
    const std::string& option_name = name;
    auto spec = std::find_if(
        specs.begin(), specs.end(),
        [&](const OptionSpec& s) { return s.name == option_name; });
    if (spec == specs.end()) {
      throw UsageError("unknown option --" + name);
    }
    if (spec->value_name.empty()) {
      if (value) throw UsageError("option --" + name + " takes no value");
      out.values_[name] = "";
      continue;
    }
    if (!value) {
      if (i + 1 >= args.size()) {
        throw UsageError("option --" + name + " needs a value (" +
                         spec->value_name + ")");
      }
      value = args[++i];
    }
    out.values_[name] = *value;
  }
  return out;
}

std::string format_options(const std::vector<OptionSpec>& specs) {
  // Descriptions start in column 26 and wrap at 80 columns.
  constexpr std::size_t kIndent = 26;
  constexpr std::size_t kWidth = 80;
  std::string out;
  for (const OptionSpec& spec : specs) {
    std::string line = "  --" + spec.name;
    if (!spec.value_name.empty()) line += " " + spec.value_name;
    if (line.size() + 2 > kIndent) {
      out += line + "\n";
      line.clear();
    }
    line.resize(kIndent, ' ');
    std::string_view words = spec.description;
    bool first_word = true;
    while (!words.empty()) {
      std::size_t end = words.find(' ');
      std::string_view word = words.substr(0, end);
      if (!first_word && line.size() + 1 + word.size() > kWidth) {
        out += line + "\n";
        line.assign(kIndent, ' ');
        first_word = true;
      }
      if (!first_word) line += ' ';
      line += word;
      first_word = false;
      if (end == std::string_view::npos) break;
      words.remove_prefix(end + 1);
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace shopkit::cli
