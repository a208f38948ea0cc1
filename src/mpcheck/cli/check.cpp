// mpcheck check PATH… --rules R [--format text|json|jsonl|html|junit|sarif] [-o FILE]
//                [--as-of DATE] [--unit U] [--waive ID]… [--strict | --fail-on error|warning]
//                [--exit-zero] [--fat32] [--fast] [--quiet] [--no-color] [--lang zh|en] [-j N]
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/progress.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/pack/outputs.hpp"
#include "mpcheck/report/check_html.hpp"
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/report/words.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/rules/loader.hpp"

namespace mpcheck::cli {

namespace {

struct CheckCommand {
  CommonOptions common;
  std::vector<std::string> paths;
  std::string rules;
  std::string format = "text";
  std::string as_of;
  std::string unit;
  std::vector<std::string> waive;
  bool strict = false;
  std::string fail_on = "error";
  bool exit_zero = false;
  bool fat32 = false;
  bool fast = false;
};

// 1 when findings at or above the --fail-on level exist (--strict is --fail-on warning);
// --exit-zero reports without failing (usage and runtime errors still exit 2 and 3).
int exit_code_for(const checks::CheckReport& report, const CheckCommand& cmd)
{
  if (cmd.exit_zero)
    return exit_ok;
  const bool strict = cmd.strict || cmd.fail_on == "warning";
  if (report.count(Severity::error) > 0)
    return exit_findings;
  if (strict && report.count(Severity::warning) > 0)
    return exit_findings;
  return exit_ok;
}

// The JSON formats are streamed to the output as they are rendered (a report of 10 000 files
// is never held whole in memory); the others are rendered, then written.
bool write_report(report::Reports reports, const CheckCommand& cmd, Lang lang)
{
  if (cmd.format == "json")
    return write_output_streamed(
        cmd.common, [&](report::Sink& out) { report::write_check_json(reports, lang, out); });
  if (cmd.format == "jsonl")
    return write_output_streamed(
        cmd.common, [&](report::Sink& out) { report::write_check_jsonl(reports, lang, out); });
  if (cmd.format == "sarif")
    return write_output_streamed(
        cmd.common, [&](report::Sink& out) { report::write_check_sarif(reports, lang, out); });
  if (cmd.format == "junit")
    return write_output(cmd.common, report::check_junit(reports, lang));
  if (cmd.format == "html")
    return write_output(cmd.common, report::check_html(reports, lang));
  return write_text(cmd.common,
                    report::check_text(reports, {lang, cmd.common.color(), cmd.common.quiet}));
}

// What one report of `check` covers: a target (-1: none could be read) and the PATHs of it
// that could not be read.
struct Entry {
  int target = -1;
  checks::UnreadPath unread_drive; // a folder (or a PATH of unknown type) that could not be read
  std::vector<checks::UnreadPath> unread; // loose files that could not be read
};

// The reports `check` gives, in command-line order, one per PATH whether it could be read or
// not (the loose files together are one, where the first of them is): the shape of the
// machine-readable reports never depends on a PATH failing. An unreadable file PATH joins the
// loose files' report; an unreadable folder has a report of its own.
std::vector<Entry> plan_entries(const std::vector<std::string>& paths,
                                const gather::Targets& planned)
{
  std::map<std::string, int> target_of;
  for (size_t t = 0; t < planned.targets.size(); ++t)
    for (const auto& p : planned.targets[t].paths)
      target_of.emplace(p, int(t));
  std::map<std::string, const gather::PathError*> error_of;
  for (const auto& e : planned.errors)
    error_of.emplace(e.path, &e);
  std::vector<Entry> entries;
  std::set<int> placed;
  int files_entry = -1;
  const auto files_entry_here = [&] {
    if (files_entry < 0) {
      files_entry = int(entries.size());
      entries.emplace_back();
    }
    return &entries[size_t(files_entry)];
  };
  std::set<std::string> seen;
  for (const auto& p : paths) {
    if (!seen.insert(p).second)
      continue;
    if (auto t = target_of.find(p); t != target_of.end() && placed.insert(t->second).second) {
      if (planned.targets[size_t(t->second)].scope == Scope::files)
        files_entry_here()->target = t->second;
      else
        entries.push_back({t->second, {}, {}});
    } else if (auto e = error_of.find(p); e != error_of.end()) {
      std::error_code ec;
      const checks::UnreadPath unread{p, e->second->error};
      if (std::filesystem::is_regular_file(p, ec))
        files_entry_here()->unread.push_back(unread);
      else
        entries.push_back({-1, unread, {}});
    }
  }
  return entries;
}

// The report of an entry no file of which could be read: only the PATHs and why.
checks::CheckReport unread_report(const Entry& entry, const rules::RuleSet& rules, Date as_of)
{
  checks::CheckReport report;
  report.rules = &rules;
  report.as_of = as_of;
  if (!entry.unread_drive.path.empty()) {
    report.submission.scope = Scope::drive;
    report.submission.root = entry.unread_drive.path;
    report.submission.label = entry.unread_drive.path;
    report.unread.push_back(entry.unread_drive);
  } else {
    report.submission.scope = Scope::files;
    std::string label;
    for (const auto& u : entry.unread)
      label += (label.empty() ? "" : ", ") + u.path;
    report.submission.label = label;
  }
  return report;
}

// Why -o may not be written (exit 2), or "": inside a checked folder or one of the checked
// files (a report written into the drive being checked changes it), the rule file, or (hard
// links, known once the files are listed) the same file as one checked. Replacing another
// existing file, such as last run's report, is allowed: that is the normal CI use.
std::string output_problem(const CheckCommand& cmd, const Submission* checked)
{
  pack::OutputGuard guard;
  guard.read_only = cmd.paths;
  guard.read_only_name = {"被检查的", "the checked"};
  guard.replace = true;
  std::error_code ec;
  if (std::filesystem::is_regular_file(cmd.rules, ec))
    guard.sources.push_back(cmd.rules);
  if (checked)
    for (const auto& f : checked->files)
      guard.read_files.push_back(f.abs_path);
  return pack::output_problem(guard, "-o", cmd.common.output, cmd.common.language());
}

// Why a --waive value cannot be right (it names no check id of the catalogue), or "": a typo
// would otherwise waive nothing, silently.
std::string waive_problem(const std::vector<std::string>& waive, Lang lang)
{
  for (const auto& id : waive) {
    if (rules::is_waivable(id))
      continue;
    const auto best = rules::closest_waivable(id);
    if (lang == Lang::en)
      return fmt::format("--waive: unknown check id '{}'{} (the ids: man mpcheck, CHECK IDS)", id,
                         best ? fmt::format(", did you mean '{}'?", *best) : "");
    return fmt::format("--waive：未知的检查编号“{}”{}（所有编号见 man mpcheck 的 CHECK IDS）", id,
                       best ? fmt::format("，您是不是要用“{}”？", *best) : "");
  }
  return "";
}

int run(const CheckCommand& cmd)
{
  const Lang lang = cmd.common.language();
  gather::RunOptions options;
  const std::optional<Date> as_of = as_of_or_report(cmd.as_of, lang);
  if (!as_of)
    return exit_usage;
  options.checks.as_of = *as_of;
  options.checks.unit = cmd.unit;
  options.checks.target_fat32 = cmd.fat32;
  options.waive = cmd.waive;
  options.jobs = cmd.common.jobs;
  options.decode = !cmd.fast;
  // The HTML report shows each video as a strip of thumbnails taken from its samples.
  options.thumbnails = cmd.format == "html" ? 6 : 0;
  if (const std::string problem = waive_problem(cmd.waive, lang); !problem.empty()) {
    print_error(problem);
    return exit_usage;
  }
  rules::RuleSet rules;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  if (const std::string problem = output_problem(cmd, nullptr); !problem.empty()) {
    print_error(problem);
    return exit_usage;
  }
  // Each PATH is a submission of its own (loose files together are one). One that cannot be
  // read, or among others that can be checked one that does not exist (a typo, a drive pulled
  // out in a batch of hundreds), is a runtime error: it has its entry in the report saying
  // why, the others are checked and reported, and the exit code is 3. When not one PATH
  // exists (and is no fifo or device), it is a usage error: nothing is checked, exit 2.
  const gather::Targets planned = gather::plan_targets(cmd.paths);
  const bool usage =
      planned.targets.empty() && std::any_of(planned.errors.begin(), planned.errors.end(),
                                             [](const gather::PathError& e) { return e.usage(); });
  for (const auto& e : planned.errors)
    if (e.usage() || !usage)
      print_error(report::unread_text({e.path, e.error}, lang));
  if (usage)
    return exit_usage;
  // A folder holding works.yaml is the material pack works from, not a drive: its names and
  // folders are what pack renames and sorts. Said once, on stderr; the report is of the folder
  // as it is, but its works.yaml is no stray file and its fix hints are pack's for the
  // material (checks::Options::material).
  if (!cmd.common.quiet)
    for (const auto& target : planned.targets)
      if (!gather::works_yaml_of(target).empty()) {
        const std::string& folder = target.paths[0];
        const std::string quoted = checks::shell_quote(folder);
        fmt::print(stderr, "{}\n",
                   report::terminal_safe(
                       lang == Lang::en
                           ? fmt::format("{3}{0} holds works.yaml: it is the material "
                                         "`mpcheck pack` sorts and renames by it. To see the "
                                         "drive it makes: mpcheck pack {2} --rules {1} --out "
                                         "usb --dry-run. Checked below as it is now.",
                                         folder, cmd.rules, quoted, note_prefix(lang))
                           : fmt::format("{3}{0} 里有 works.yaml，是打包前的材料："
                                         "mpcheck pack 会按它改名、分文件夹。想看打包后的样子："
                                         "mpcheck pack {2} --rules {1} --out U盘 --dry-run。"
                                         "下面按现在的样子检查。",
                                         folder, cmd.rules, quoted, note_prefix(lang))));
      }
  std::vector<checks::CheckReport> reports;
  for (const Entry& entry : plan_entries(cmd.paths, planned)) {
    if (entry.target < 0) {
      reports.push_back(unread_report(entry, rules, *as_of));
    } else {
      ProgressLine progress(cmd.common, {"已检查", "checked"});
      options.on_progress = progress.callback();
      const gather::Target& target = planned.targets[size_t(entry.target)];
      options.checks.material = !gather::works_yaml_of(target).empty();
      reports.push_back(gather::run_check(target, rules, options));
      progress.clear();
    }
    for (const auto& u : entry.unread)
      reports.back().unread.push_back(u);
  }
  for (const auto& report : reports)
    if (const std::string problem = output_problem(cmd, &report.submission); !problem.empty()) {
      print_error(problem);
      return exit_usage;
    }
  if (!reports.empty() && !write_report(reports, cmd, lang))
    return exit_runtime;
  int code = planned.errors.empty() ? exit_ok : exit_runtime;
  for (const auto& report : reports)
    code = std::max(code, exit_code_for(report, cmd));
  return code;
}

} // namespace

void add_check_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<CheckCommand>();
  CLI::App* sub = app.add_subcommand("check", "Check folders, files or a drive against a rule set");
  sub->add_option("paths", cmd->paths,
                  "Drives or unit folders (each its own submission), or media files (checked "
                  "as files: together one submission)")
      ->required();
  sub->add_option("--rules", cmd->rules, "Built-in rule set id (mpcheck rules list) or a YAML file")
      ->required();
  sub->add_option("--format", cmd->format,
                  "Report format: text, json (an array when several PATHs), jsonl (one line per "
                  "PATH), html (one self-contained page with thumbnails), junit or sarif")
      ->check(CLI::IsMember({"text", "json", "jsonl", "html", "junit", "sarif"}));
  sub->add_option("--as-of", cmd->as_of,
                  "Judge deadlines and the age of works as of this day (YYYY-MM-DD)");
  sub->add_option("--unit", cmd->unit, "The submitting unit (报送单位) every name must carry");
  sub->add_option("--waive", cmd->waive,
                  "Drop findings of this check id (repeatable; 'video.*' for a family)");
  sub->add_flag("--strict", cmd->strict,
                "Warnings count as errors for the exit code (= --fail-on warning)");
  sub->add_option("--fail-on", cmd->fail_on,
                  "Exit 1 on findings of this severity or worse: error (default) or warning")
      ->check(CLI::IsMember({"error", "warning"}));
  sub->add_flag("--exit-zero", cmd->exit_zero,
                "Exit 0 whatever the findings (usage and runtime errors still 2 and 3)");
  sub->add_flag("--fat32", cmd->fat32, "The drive is FAT32: files of 4 GiB or more are errors");
  sub->add_flag("--fast", cmd->fast,
                "Skip the checks that decode pictures or sound (QR codes); they claim nothing");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
