#pragma once
// The words of the command line itself, in one place: the Chinese of every command's and
// option's help, and the usage errors (an unknown command or option, a missing value, a value
// not allowed) in the user's language, each with its "did you mean". Pure: cli/help.cpp hands
// these to CLI11.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

// The Chinese help of a command ("check", "rules show"), or nullopt when it has none.
std::optional<std::string> command_help_zh(std::string_view command);

// The Chinese help of an option ("--rules", "-o,--output" as its long name "--output", or a
// positional's name "paths") of `command` ("check", "rules lint"); the command's own row wins
// over the one shared by every command. nullopt when the table has none (the English stays).
std::optional<std::string> option_help_zh(std::string_view command, std::string_view option);

// The value an option takes as the Chinese --help shows it, from the option's name ("--rules",
// "paths") and CLI11's type name with its validators ("TEXT", "TEXT:{zh,en}",
// "INT:INT in [1 - 256]"): "规则集", "{zh,en} 之一", "整数（1 到 256）". Never TEXT or INT.
std::string value_zh(std::string_view option, std::string_view type_name);

// The labels of CLI11's help layout ("Usage", "OPTIONS", "REQUIRED", "Positionals", …) in
// Chinese; the key itself when it has no translation.
std::string help_label_zh(std::string_view key);

// What the parser knew when it refused the command line.
struct UsageContext {
  std::string command;                   // "mpcheck check" (the deepest command reached)
  std::vector<std::string> subcommands;  // the subcommands that command takes ("" = none)
  std::vector<std::string> options;      // its options' long and short names ("--rules", "-o")
  std::string typed_command;             // the word given where a subcommand was expected
  std::optional<std::string> positional; // the Chinese help of a missing positional
};

// The message for CLI11's error `kind` (Error::get_name(): "RequiredError", "ExtrasError",
// "ArgumentMismatch", "ValidationError", "ConversionError", …) whose English text is `what`,
// in `lang`, ending with where to read the usage ("mpcheck check --help"). Without the
// error_prefix() ("mpcheck：错误：").
std::string usage_error(std::string_view kind, std::string_view what, const UsageContext& context,
                        Lang lang);

} // namespace mpcheck::report
