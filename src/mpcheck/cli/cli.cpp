#include "mpcheck/cli/cli.hpp"

#include <exception>

#include <CLI/CLI.hpp>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/common.hpp"
#include "mpcheck/cli/help.hpp"

namespace mpcheck::cli {

namespace {

// The language the command line asks for (--lang en, --lang=en), else the locale's: for the
// words said after the command has run.
Lang language_of(int argc, char** argv)
{
  Lang lang = lang_from_environment();
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lang" && i + 1 < argc)
      parse_lang(argv[i + 1], lang);
    else if (arg.starts_with("--lang="))
      parse_lang(arg.substr(7), lang);
  }
  return lang;
}

} // namespace

int main(int argc, char** argv)
{
  CLI::App app{"mpcheck: checks party-education video submissions (微党课/党员教育作品) against "
               "the rules of a campaign notice, and packs a compliant USB drive."};
  app.set_version_flag("--version", std::string("mpcheck ") + MPCHECK_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 no errors, 1 errors found, 2 usage or rule-file error, 3 runtime "
             "failure.\nSee man mpcheck.");
  int exit_code = exit_ok;
  add_check_command(app, exit_code);
  add_rules_command(app, exit_code);
  add_rename_command(app, exit_code);
  add_pack_command(app, exit_code);
  add_fix_command(app, exit_code);
  add_init_command(app, exit_code);
  add_probe_command(app, exit_code);
  const Lang lang = language_of(argc, argv);
  set_usage_language(lang);
  localize(app, lang, argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  } catch (const std::exception& e) {
    print_error(e.what());
    return exit_runtime;
  }
  // Whatever a command printed with fmt::print must have reached its file: a report cut
  // short by a full disk is not a report (exit 3, not 0).
  if (stdout_failed(lang))
    return exit_runtime;
  return exit_code;
}

} // namespace mpcheck::cli
