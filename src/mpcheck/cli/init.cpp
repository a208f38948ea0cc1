// mpcheck init SRC --rules R [--unit U] [-o FILE] [--force]
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/cli/commands.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/manifest/guess.hpp"
#include "mpcheck/rules/loader.hpp"

namespace mpcheck::cli {

namespace {

struct InitCommand {
  CommonOptions common;
  std::string src;
  std::string rules;
  std::string unit;
  bool force = false;
};

// SRC as seen from the folder of the works.yaml written to `output` ("" when that folder is
// SRC itself, or the text goes to stdout: it is then meant for SRC).
std::string folder_from_output(const std::string& src, const std::string& output)
{
  namespace fs = std::filesystem;
  if (output == "-")
    return "";
  std::error_code ec;
  const fs::path from = fs::weakly_canonical(fs::absolute(output, ec).parent_path(), ec);
  const fs::path rel = fs::weakly_canonical(src, ec).lexically_relative(from);
  return rel.empty() || rel == "." ? "" : rel.generic_string();
}

int run(InitCommand cmd)
{
  const Lang lang = cmd.common.language();
  rules::RuleSet rules;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  if (!std::filesystem::is_directory(cmd.src)) {
    print_error(fmt::format("{}: {}", cmd.src, lang == Lang::en ? "not a folder" : "不是文件夹"));
    return exit_usage;
  }
  if (cmd.common.output.empty())
    cmd.common.output = (std::filesystem::path(cmd.src) / "works.yaml").string();
  if (cmd.common.output != "-" && std::filesystem::exists(cmd.common.output) && !cmd.force) {
    print_error(lang == Lang::en
                    ? fmt::format("{} exists; use --force to replace it", cmd.common.output)
                    : fmt::format("{} 已存在；要覆盖请加 --force", cmd.common.output));
    return exit_usage;
  }
  Submission sub = gather::gather({cmd.src}, rules, cmd.common.jobs);
  // Paths in works.yaml are relative to the folder it is in (what pack reads them from):
  // written elsewhere with -o, they lead from there into SRC.
  if (const std::string base = folder_from_output(cmd.src, cmd.common.output); !base.empty())
    for (SubmissionFile& f : sub.files)
      f.path = base + "/" + f.path;
  const std::string yaml = manifest::guess_manifest(sub, rules, cmd.unit, lang);
  if (!write_output(cmd.common, yaml))
    return exit_runtime;
  if (cmd.common.output != "-" && !cmd.common.quiet) {
    // The whole pack command, to paste once the TODOs are filled (QA N1: a bare "mpcheck pack"
    // exited 2, its folder missing). works.yaml elsewhere than SRC is named with --manifest.
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool beside = fs::equivalent(cmd.common.output, fs::path(cmd.src) / "works.yaml", ec);
    // The drive's placeholder beside where mpcheck runs; run inside SRC (`init .`), beside
    // SRC instead: pack refuses a drive inside its material (QA R1).
    const std::string name = lang == Lang::en ? "USB DRIVE" : "U盘";
    const fs::path src = fs::weakly_canonical(fs::absolute(cmd.src), ec);
    const fs::path here = fs::current_path(ec);
    const fs::path rel = here.lexically_relative(src);
    const bool inside = !rel.empty() && *rel.begin() != "..";
    const std::string out =
        inside ? (src.parent_path() / name).lexically_relative(here).generic_string() : name;
    const std::string pack =
        "mpcheck pack " + checks::shell_quote(cmd.src) + " --rules " +
        checks::shell_quote(cmd.rules) +
        (cmd.unit.empty() ? "" : " --unit " + checks::shell_quote(cmd.unit)) +
        (beside ? "" : " --manifest " + checks::shell_quote(cmd.common.output)) +
        (lang == Lang::en ? " --lang en" : "") + " --out " + checks::shell_quote(out);
    fmt::print(stderr, "{}\n",
               lang == Lang::en
                   ? fmt::format("wrote {}: fill in every TODO, then run {} (put the drive or an "
                                 "empty folder in place of USB DRIVE)",
                                 cmd.common.output, pack)
                   : fmt::format("已写入 {}：请填写所有 TODO，然后运行 {}（把“U盘”换成U盘或一个"
                                 "空文件夹）",
                                 cmd.common.output, pack));
  }
  return exit_ok;
}

} // namespace

void add_init_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<InitCommand>();
  CLI::App* sub =
      app.add_subcommand("init", "Write a works.yaml guessed from a folder, for you to complete");
  sub->add_option("src", cmd->src, "The folder holding the unit's material")->required();
  sub->add_option("--rules", cmd->rules, "Built-in rule set id or YAML file")->required();
  sub->add_option("--unit", cmd->unit, "The submitting unit (报送单位)");
  sub->add_flag("--force", cmd->force, "Replace an existing works.yaml");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
