#pragma once
// Options shared by subcommands, and output helpers for the CLI layer.

#include <functional>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "mpcheck/core/lang.hpp"
#include "mpcheck/report/json_writer.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::cli {

struct CommonOptions {
  std::string lang;   // "", "zh" or "en"; "" = from the locale
  std::string output; // -o FILE; "" = stdout
  int jobs = 0;       // 0 = all cores
  bool quiet = false;
  bool no_color = false;

  Lang language() const;
  // NO_COLOR, --no-color and a non-terminal stdout all switch colour off.
  bool color() const;
};

// Adds --lang, -o/--output, -j/--jobs, --quiet, --no-color to a subcommand.
void add_common_options(CLI::App* sub, CommonOptions& options);

// Writes `text` to -o FILE (atomically: temp + rename) or stdout. Returns false and prints
// a plain message on failure.
bool write_output(const CommonOptions& options, const std::string& text);

// write_output for a report streamed by `render` (report/json_writer.hpp): each piece goes to
// stdout, or to -o FILE's temporary file (committed once all is written), as it is rendered,
// so that the report is never held whole in memory. Fails as write_output does, having said
// so once, when any byte could not be written.
bool write_output_streamed(const CommonOptions& options,
                           const std::function<void(report::Sink&)>& render);

// write_output for text read by people (a terminal, a .txt file): the control characters a
// hostile file name carries are shown as \x1b and the like, never obeyed (report/terminal.hpp).
bool write_text(const CommonOptions& options, const std::string& text);

// Writes `text` to stdout and flushes it. Returns false, having said so in `lang`, when any
// byte could not be written (a full disk behind a redirection, a closed pipe).
bool write_stdout(const std::string& text, Lang lang);

// True, having said so in `lang`, when stdout cannot take what was printed to it: flushes it
// and looks at its error flag. The last word of every command (exit code 3).
bool stdout_failed(Lang lang);

// Prints "mpcheck：错误：MESSAGE" ("mpcheck: error: MESSAGE" in English) to stderr, its control
// characters shown, not obeyed.
void print_error(const std::string& message);

// The language of the command line (--lang, else the locale), set once by cli::main before
// parsing: for the errors said before a command knows its options (an unknown rule set).
void set_usage_language(Lang lang);
Lang usage_language();

// Loads a rule set (built-in id or YAML path) into `out`; on failure prints the error
// (FILE:LINE:COL: MESSAGE) and returns false: the caller exits with code 2.
bool load_rules_or_report(const std::string& id_or_path, rules::RuleSet& out);

// The day given with --as-of (YYYY-MM-DD), today when none was given; nullopt, having said
// what was expected and found, when it is not a day (exit 2).
std::optional<Date> as_of_or_report(const std::string& given, Lang lang);

} // namespace mpcheck::cli
