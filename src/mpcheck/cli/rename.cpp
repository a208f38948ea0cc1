// mpcheck rename DIR --rules R [--unit U] [--dry-run] [--journal FILE]
// mpcheck rename --undo JOURNAL
#include <ctime>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/core/system_errors.hpp"
#include "mpcheck/layout/rename.hpp"
#include "mpcheck/pack/job.hpp"
#include "mpcheck/pack/rename.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/rules/loader.hpp"

namespace mpcheck::cli {

namespace {

namespace fs = std::filesystem;

struct RenameCommand {
  CommonOptions common;
  std::string dir;
  std::string rules;
  std::string unit;
  std::string journal;
  std::string undo;
  bool dry_run = false;
};

void print_failure(const pack::RenameFailure& f, Lang lang)
{
  print_error(lang == Lang::en
                  ? fmt::format("cannot rename '{}' to '{}': {}; undoing", f.from, f.to, f.error)
                  : fmt::format("无法把“{}”改名为“{}”：{}；正在撤销", f.from, f.to,
                                f.code ? system_error_text(f.code).zh : f.error));
}

int undo(const RenameCommand& cmd)
{
  const Lang lang = cmd.common.language();
  const pack::UndoResult r = pack::undo(cmd.undo);
  if (r.error == "not-a-journal") {
    print_error(fmt::format("{}: {}", cmd.undo,
                            lang == Lang::en ? "not a rename journal" : "不是改名记录文件"));
    return exit_usage;
  }
  if (r.error == "already-undone") {
    fmt::print(
        "{}\n",
        lang == Lang::en
            ? fmt::format("{}: already undone, the original names are in place; "
                          "nothing changed",
                          cmd.undo)
            : fmt::format("{}：这份记录已经撤销过了，文件名都已是原来的；未做任何改动", cmd.undo));
    return exit_ok;
  }
  if (r.error == "rename")
    print_failure(r.failure, lang);
  if (r.error == "manifest")
    print_error(lang == Lang::en ? "cannot restore works.yaml" : "无法恢复 works.yaml");
  if (!r.error.empty())
    return exit_runtime;
  fmt::print("{}\n", lang == Lang::en ? fmt::format("{} names restored", r.restored)
                                      : fmt::format("已恢复 {} 个文件名", r.restored));
  return exit_ok;
}

int run(const RenameCommand& cmd)
{
  if (!cmd.undo.empty())
    return undo(cmd);
  const Lang lang = cmd.common.language();
  if (cmd.dir.empty() || cmd.rules.empty()) {
    const bool both = cmd.dir.empty() && cmd.rules.empty();
    print_error(
        lang == Lang::en
            ? fmt::format("rename needs {}: mpcheck rename FOLDER --rules RULE-SET (to undo a "
                          "rename: mpcheck rename --undo JOURNAL)",
                          both              ? "the folder to rename in and --rules"
                          : cmd.dir.empty() ? "the folder to rename in"
                                            : "--rules (the rule set, see mpcheck rules list)")
            : fmt::format("缺少{}。改名的用法：mpcheck rename 文件夹 --rules 规则集"
                          "（撤销上次改名：mpcheck rename --undo 撤销记录文件）",
                          both              ? "要改名的文件夹和 --rules 规则集"
                          : cmd.dir.empty() ? "要改名的文件夹"
                                            : " --rules 规则集（见 mpcheck rules list）"));
    return exit_usage;
  }
  rules::RuleSet rules;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  // Names only: nothing needs probing. A works manifest names every file: rename after it.
  layout::RenamePlan plan;
  std::string works;
  try {
    const pack::Material material =
        pack::read_material(cmd.dir, "", "", rules, lang, /*with_names=*/true);
    if (material.manifest) {
      works = material.manifest->file;
      plan =
          layout::plan_renames_from_manifest(layout::plan_from_manifest(*material.manifest, rules),
                                             material.manifest->base_dir, material.names);
    } else {
      plan = layout::plan_renames(material.names, rules, cmd.unit);
    }
  } catch (const rules::RuleError& e) {
    print_error(std::string(e.what()) + (lang == Lang::en ? " (nothing renamed)" : "（未改名）"));
    return exit_usage;
  }
  std::string out;
  for (const auto& r : plan.renames)
    out += fmt::format("  {}\n→ {}\n", report::single_line(r.from), report::single_line(r.to));
  for (const auto& [path, why] : plan.skipped)
    out += fmt::format("  {}: {}\n", report::single_line(path), why.in(lang));
  for (const auto& [path, why] : plan.refused)
    out += fmt::format("✗ {}: {}\n", report::single_line(path), why.in(lang));
  if (!plan.refused.empty()) {
    out += lang == Lang::en ? "Nothing renamed: resolve the clashes first.\n"
                            : "未改名：请先解决重名问题。\n";
    write_text(cmd.common, out);
    return exit_findings;
  }
  // Files left with a name rename cannot read: said at the end, and the exit code is 1 — the
  // folder is not yet named as the notice asks.
  const int done = plan.skipped.empty() ? exit_ok : exit_findings;
  const std::string left =
      plan.skipped.empty() ? ""
      : lang == Lang::en
          ? fmt::format("{} files were left as they are: rename them as said above.\n",
                        plan.skipped.size())
          : fmt::format("有 {} 个文件没有改名：请按上面说的处理。\n", plan.skipped.size());
  if (cmd.dry_run || plan.renames.empty()) {
    out += lang == Lang::en
               ? fmt::format("{} files would be renamed (dry run).\n", plan.renames.size())
               : fmt::format("将改名 {} 个文件（试运行，未改动）。\n", plan.renames.size());
    return write_text(cmd.common, out + left) ? done : exit_runtime;
  }
  const std::string journal =
      cmd.journal.empty() ? pack::default_journal_name(std::time(nullptr)) : cmd.journal;
  if (int err = 0; !pack::write_journal(journal, cmd.dir, plan.renames, works, &err)) {
    const Text why = system_error_text(err);
    print_error(
        lang == Lang::en
            ? fmt::format("{}: cannot write the undo journal ({}); nothing renamed. "
                          "Name a place you may write with --journal FILE, e.g. "
                          "--journal ~/rename-journal.json",
                          journal, why.en)
            : fmt::format(
                  "{}：无法写入撤销记录（{}）；未改名。请用 --journal 指定一个能写入的位置，"
                  "例如 --journal ~/改名记录.json",
                  journal, why.zh));
    return exit_runtime;
  }
  if (pack::RenameFailure failure; !pack::apply_renames(cmd.dir, plan.renames, failure)) {
    print_failure(failure, lang);
    return exit_runtime;
  }
  if (!works.empty() && !pack::update_manifest(works, plan.renames)) {
    print_error(lang == Lang::en
                    ? "renamed, but works.yaml could not be updated: undo with the journal"
                    : "已改名，但无法更新 works.yaml：请用撤销记录恢复");
    return exit_runtime;
  }
  out += lang == Lang::en ? fmt::format("{} files renamed. Undo: mpcheck rename --undo {}\n",
                                        plan.renames.size(), journal)
                          : fmt::format("已改名 {} 个文件。撤销：mpcheck rename --undo {}\n",
                                        plan.renames.size(), journal);
  return write_text(cmd.common, out + left) ? done : exit_runtime;
}

} // namespace

void add_rename_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<RenameCommand>();
  CLI::App* sub = app.add_subcommand(
      "rename", "Rename files in place into the rule set's naming pattern (undo journal)");
  sub->add_option("dir", cmd->dir, "The folder whose files to rename");
  sub->add_option("--rules", cmd->rules, "Built-in rule set id or YAML file");
  sub->add_option("--unit", cmd->unit, "Put this unit (报送单位) into every name");
  sub->add_flag("--dry-run", cmd->dry_run, "Print the new names, rename nothing");
  sub->add_option("--journal", cmd->journal,
                  "Where to write the undo journal (default: ./mpcheck-rename-DATE-TIME.json)");
  sub->add_option("--undo", cmd->undo, "Restore the names recorded in a journal");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
