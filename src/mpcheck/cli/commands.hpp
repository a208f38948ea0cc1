#pragma once
// One function per subcommand (one file each in cli/): registers it on the app; its callback
// stores the subcommand's exit code.

#include <CLI/CLI.hpp>

#include "mpcheck/cli/cli.hpp"
#include "mpcheck/cli/common.hpp"

namespace mpcheck::cli {

void add_probe_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_rename_command(CLI::App& app, int& exit_code);
void add_init_command(CLI::App& app, int& exit_code);
void add_pack_command(CLI::App& app, int& exit_code);
void add_fix_command(CLI::App& app, int& exit_code);

} // namespace mpcheck::cli
