#pragma once
// The command line in the user's language: every command's --help and every usage error
// (report/usage.hpp holds the words; this hands them to CLI11).

#include <CLI/CLI.hpp>

#include "mpcheck/core/lang.hpp"

namespace mpcheck::cli {

// Call once every command is registered, before parsing: in Chinese, replaces the help texts of
// every command and option that the table of report/usage.cpp translates and CLI11's labels;
// in both languages, sets the usage-error message (with "did you mean") that app.exit prints.
// `argc`/`argv` are the command line about to be parsed (to name the command that failed).
void localize(CLI::App& app, Lang lang, int argc, char** argv);

} // namespace mpcheck::cli
