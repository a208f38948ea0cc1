#pragma once
// The command line: parses arguments, dispatches to one subcommand per file in cli/.

namespace mpcheck::cli {

// Exit codes (man page, EXIT STATUS).
enum ExitCode : int {
  exit_ok = 0,       // no errors (warnings allowed unless --strict)
  exit_findings = 1, // errors found
  exit_usage = 2,    // usage or rule-file error
  exit_runtime = 3,  // I/O failure, out of space
};

int main(int argc, char** argv);

} // namespace mpcheck::cli
