#include "mpcheck/cli/cli.hpp"

#include <CLI/CLI.hpp>

namespace mpcheck::cli {

int main(int argc, char** argv)
{
  CLI::App app{"mpcheck: checks party-education video submissions against campaign rules"};
  app.set_version_flag("--version", std::string("mpcheck ") + MPCHECK_VERSION);
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return exit_ok;
}

} // namespace mpcheck::cli
