// mpcheck pack SRC --rules R --unit U --out DIR [--manifest FILE] [--dry-run] [--verify]
//              [--zip FILE] [--force] [--as-of DATE] [--format text|json] [--fast]
//              [--lang zh|en] [-j N] [--quiet]
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/outputs.hpp"
#include "mpcheck/cli/progress.hpp"
#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/gather/run.hpp"
#include "mpcheck/layout/plan.hpp"
#include "mpcheck/pack/execute.hpp"
#include "mpcheck/pack/forms.hpp"
#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/sources.hpp"
#include "mpcheck/pack/space.hpp"
#include "mpcheck/pack/zip.hpp"
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/rules/loader.hpp"
#include "mpcheck/scan/walk.hpp"

namespace mpcheck::cli {

namespace {

namespace fs = std::filesystem;

struct PackCommand {
  CommonOptions common;
  std::string src;
  std::string rules;
  std::string unit;
  std::string out;
  std::string manifest;
  std::string zip;
  std::string as_of;
  std::string format = "text";
  bool dry_run = false;
  bool verify = false;
  bool fast = false;
  bool force = false;
};

std::string say(Lang lang, const std::string& zh, const std::string& en)
{
  return lang == Lang::en ? en : zh;
}

bool inside(const fs::path& child, const fs::path& parent)
{
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(child, ec), p = fs::weakly_canonical(parent, ec);
  auto [a, b] = std::mismatch(p.begin(), p.end(), c.begin(), c.end());
  return a == p.end();
}

// The plan, from works.yaml when there is one, else from the names in SRC.
bool make_plan(const PackCommand& cmd, const rules::RuleSet& rules, layout::PackPlan& plan,
               std::optional<manifest::Manifest>& manifest, std::string& unit)
{
  const std::string path =
      !cmd.manifest.empty() ? cmd.manifest : (fs::path(cmd.src) / "works.yaml").string();
  if (!cmd.manifest.empty() || fs::exists(path)) {
    // Throws RuleError with FILE:LINE:COL, also for a source outside SRC.
    manifest = manifest::load_manifest(path, rules, cmd.src, cmd.common.language());
    if (!cmd.unit.empty() && cmd.unit != manifest->unit)
      throw rules::RuleError(path, 0, 0,
                             "the manifest's unit '" + manifest->unit + "' differs from --unit '" +
                                 cmd.unit + "'");
    unit = manifest->unit;
    plan = layout::plan_from_manifest(*manifest, rules);
    return true;
  }
  unit = cmd.unit;
  // Planning needs the names only: the media are probed once, on the drive, by the check after.
  const Submission sub = gather::assemble(scan::walk({cmd.src}), {}, rules);
  plan = layout::plan_from_submission(sub, rules, cmd.unit);
  for (const auto& p : sub.problems)
    if (p.error == "symlink-outside") // never opened, never copied
      plan.problems.push_back(
          {p.path,
           {"file.symlink-outside：链接指向源文件夹之外（" +
                (p.link.empty() ? "不存在的位置" : p.link) +
                "），不会复制。请删除该链接，把真正的文件复制进源文件夹",
            "file.symlink-outside: a link leading out of the source folder (to " +
                (p.link.empty() ? "nowhere" : p.link) +
                "); never copied. Delete the link and copy the real file into the source "
                "folder"}});
  return false;
}

// Usage errors about where pack would write (exit 2): the output folder inside SRC (or SRC
// inside it), or a regular file; --zip or -o inside SRC, inside OUT, equal to a file pack
// reads, or an existing file without --force.
std::string output_problem(const PackCommand& cmd, const std::vector<pack::CopyOp>& copies,
                           const std::string& manifest_path)
{
  const Lang lang = cmd.common.language();
  if (inside(cmd.out, cmd.src) || inside(cmd.src, cmd.out))
    return say(lang, "输出目录不能在源目录里，源目录也不能在输出目录里",
               "the output folder must not be inside the source, nor the source inside it");
  std::error_code ec;
  if (fs::exists(cmd.out, ec) && !fs::is_directory(cmd.out, ec))
    return say(
        lang, fmt::format("--out {}：不是文件夹（是一个文件）；请给出U盘或一个文件夹", cmd.out),
        fmt::format("--out {}: not a folder (it is a file); give the drive or a folder", cmd.out));
  OutputGuard guard;
  guard.read_only = {cmd.src};
  guard.read_only_name = {"源文件夹", "the source folder"};
  guard.out_dir = cmd.out;
  if (!manifest_path.empty())
    guard.sources.push_back(manifest_path);
  if (fs::is_regular_file(cmd.rules, ec))
    guard.sources.push_back(cmd.rules);
  for (const auto& c : copies)
    guard.read_files.push_back(c.source);
  guard.replace = cmd.force;
  if (!cmd.zip.empty() && !cmd.common.output.empty() && cmd.common.output != "-" &&
      fs::weakly_canonical(fs::absolute(cmd.zip), ec) ==
          fs::weakly_canonical(fs::absolute(cmd.common.output), ec))
    return say(lang, "--zip 和 -o 不能是同一个文件", "--zip and -o must not be the same file");
  if (std::string problem = cli::output_problem(guard, "--zip", cmd.zip, lang); !problem.empty())
    return problem;
  return cli::output_problem(guard, "-o", cmd.common.output, lang);
}

std::string plan_text(const layout::PackPlan& plan, const std::vector<pack::GeneratedFile>& forms,
                      const std::vector<pack::Link>& links, Lang lang)
{
  std::string out =
      say(lang, "打包计划（试运行，未写入任何文件）：\n", "Plan (dry run, nothing written):\n");
  out += pack::links_text(links, lang);
  for (const auto& f : plan.files)
    out += fmt::format("  {}\n→ {}\n", f.source, f.dest);
  for (const auto& g : forms)
    out += fmt::format("  {} {}\n", say(lang, "生成", "generate"), g.dest);
  return out;
}

Text error_text(const pack::ExecuteResult& r)
{
  return pack::error_text(r.error_code, r.error_detail);
}

int run(const PackCommand& cmd)
{
  const Lang lang = cmd.common.language();
  // The day deadlines are checked by and the forms are dated with (docProps/core.xml).
  const std::optional<Date> as_of = cmd.as_of.empty() ? today() : parse_date(cmd.as_of);
  if (!as_of) {
    print_error(
        lang == Lang::en
            ? fmt::format("--as-of: expected a day such as 2024-09-01, found '{}'", cmd.as_of)
            : fmt::format("--as-of：应为 2024-09-01 这样的日期，实际是“{}”", cmd.as_of));
    return exit_usage;
  }
  rules::RuleSet rules;
  layout::PackPlan plan;
  std::optional<manifest::Manifest> manifest;
  std::string unit;
  if (!load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  try {
    make_plan(cmd, rules, plan, manifest, unit);
  } catch (const rules::RuleError& e) {
    print_error(std::string(e.what()) + say(lang, "（未写入任何文件）", " (nothing written)"));
    return exit_usage;
  }
  pack::Plan exec_plan;
  std::vector<pack::Link> links;
  exec_plan.copies = pack::copies_of(plan, cmd.src, links);
  if (const std::string problem =
          output_problem(cmd, exec_plan.copies, manifest ? manifest->file : "");
      !problem.empty()) {
    print_error(problem + say(lang, "（未写入任何文件）", " (nothing written)"));
    return exit_usage;
  }
  if (!plan.problems.empty()) {
    for (const auto& p : plan.problems)
      fmt::print(stderr, "✗ {}: {}\n", p.source, p.message.in(lang));
    print_error(say(lang, "有文件无法打包，未写入任何文件",
                    "some files cannot be packed; nothing written"));
    return exit_findings;
  }
  try {
    exec_plan.generated = pack::generate_forms(rules, manifest, unit, plan, *as_of);
  } catch (const std::exception& e) {
    print_error(e.what());
    return exit_runtime;
  }
  if (cmd.dry_run) {
    // What pack's preflight would refuse before writing, said by the dry run too.
    std::vector<std::string> dests;
    for (const auto& f : plan.files)
      dests.push_back(f.dest);
    for (const auto& g : exec_plan.generated)
      dests.push_back(g.dest);
    const pack::Status names = pack::check_name_lengths(dests, cmd.out);
    if (names.code == "name-too-long") {
      pack::ExecuteResult r;
      r.error_code = names.code;
      r.error_detail = names.detail;
      print_error(error_text(r).in(lang));
      return exit_runtime;
    }
    return write_text(cmd.common, plan_text(plan, exec_plan.generated, links, lang)) ? exit_ok
                                                                                     : exit_runtime;
  }

  pack::ExecuteOptions options;
  options.verify = cmd.verify;
  options.fat32 = pack::filesystem_type(fs::exists(cmd.out)
                                            ? cmd.out
                                            : fs::path(cmd.out).parent_path().string()) == "vfat";
  ProgressLine progress(cmd.common, {"已复制", "copied"});
  options.on_progress = progress.callback();
  // The finished drive is checked again with the same rules before pack writes its manifest;
  // the report goes onto it.
  gather::RunOptions check_options;
  check_options.checks.unit = unit;
  check_options.checks.target_fat32 = options.fat32;
  check_options.jobs = cmd.common.jobs;
  check_options.decode = !cmd.fast;
  check_options.checks.as_of = *as_of;
  ProgressLine checking(cmd.common, {"已检查", "checked"});
  check_options.on_progress = checking.callback();
  checks::CheckReport report;
  options.make_report = [&](const std::vector<pack::FileResult>& files,
                            const std::string& manifest_text) -> std::optional<std::string> {
    progress.clear();
    // Pack hashed every file as it wrote it (or has its digest from the resume state, re-read
    // with --verify): the check verifies the manifest with those digests, reading nothing
    // again.
    for (const auto& f : files)
      if (!f.sha256.empty())
        check_options.known_sha256.emplace(f.dest, f.sha256);
    check_options.pending_manifest = manifest_text;
    report = gather::run_check(cmd.out, rules, check_options);
    checking.clear();
    return report::check_text(report, {lang, false, false});
  };
  exec_plan.folders = plan.folders;
  const pack::ExecuteResult result = pack::execute(exec_plan, cmd.out, options);
  progress.clear();
  checking.clear();
  if (!result.ok) {
    print_error(error_text(result).in(lang));
    return exit_runtime;
  }
  if (!cmd.zip.empty()) {
    std::string error;
    if (!pack::write_zip(exec_plan, cmd.zip, error)) {
      print_error(fmt::format("{}: {}", cmd.zip, error));
      return exit_runtime;
    }
  }
  const std::string shown =
      cmd.format == "json"
          ? report::check_json(report, lang)
          : report::check_text(report, {lang, cmd.common.color(), cmd.common.quiet});
  std::string head;
  if (cmd.format != "json" && !cmd.common.quiet) {
    int copied = 0;
    for (const auto& f : result.files)
      copied += f.copied ? 1 : 0;
    head = say(
        lang,
        fmt::format(
            "已打包到 {}：复制 {} 个文件（{} 个已存在且校验一致），清单 manifest-sha256.txt。\n\n",
            cmd.out, copied, result.files.size() - size_t(copied)),
        fmt::format("Packed into {}: {} files copied ({} already there and verified), "
                    "manifest-sha256.txt.\n\n",
                    cmd.out, copied, result.files.size() - size_t(copied)));
    head = pack::links_text(links, lang) + head;
  }
  if (!(cmd.format == "json" ? write_output(cmd.common, shown)
                             : write_text(cmd.common, head + shown)))
    return exit_runtime;
  return report.count(Severity::error) > 0 ? exit_findings : exit_ok;
}

} // namespace

void add_pack_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<PackCommand>();
  CLI::App* sub = app.add_subcommand(
      "pack", "Lay out a compliant submission in DIR (never touches SRC), then check it");
  sub->add_option("src", cmd->src, "The unit's material (with works.yaml, or already well named)")
      ->required();
  sub->add_option("--rules", cmd->rules, "Built-in rule set id or YAML file")->required();
  sub->add_option("--unit", cmd->unit, "The submitting unit (报送单位)");
  sub->add_option("--out", cmd->out, "The target folder (the USB drive)")->required();
  sub->add_option("--manifest", cmd->manifest,
                  "works.yaml to use (default: SRC/works.yaml when present)");
  sub->add_option("--zip", cmd->zip,
                  "Also write the same layout as a ZIP file (outside SRC and DIR)");
  sub->add_flag("--force", cmd->force, "Replace an existing --zip or -o file (never a source)");
  sub->add_option("--as-of", cmd->as_of,
                  "Check deadlines as of this day and date the forms with it (YYYY-MM-DD)");
  sub->add_option("--format", cmd->format, "Report format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--dry-run", cmd->dry_run, "Print the plan, write nothing");
  sub->add_flag("--verify", cmd->verify,
                "Read every written file back (bypassing the cache) and compare");
  sub->add_flag("--fast", cmd->fast,
                "The check after packing skips what decodes pictures or sound (QR codes)");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
