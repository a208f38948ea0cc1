// mpcheck pack SRC --rules R --unit U --out DIR [--manifest FILE] [--dry-run] [--verify]
//              [--zip FILE] [--force] [--as-of DATE] [--format text|json] [--fast]
//              [--lang zh|en] [-j N] [--quiet]
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "mpcheck/cli/commands.hpp"
#include "mpcheck/cli/progress.hpp"
#include "mpcheck/pack/job.hpp"
#include "mpcheck/pack/messages.hpp"
#include "mpcheck/pack/space.hpp"
#include "mpcheck/pack/zip.hpp"
#include "mpcheck/report/check_report.hpp"

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
  bool clean = false;
  std::string forms = "keep";
};

std::string nothing_written(Lang lang)
{
  return lang == Lang::en ? " (nothing written)" : "（未写入任何文件）";
}

// The exit code of a plan that cannot be carried out, having said why.
int refuse(const pack::Prepared& prepared, Lang lang)
{
  using Status = pack::Prepared::Status;
  if (prepared.status == Status::refused) {
    for (const auto& p : prepared.plan.problems)
      fmt::print(stderr, "✗ {}: {}\n", p.source, p.message.in(lang));
    print_error(lang == Lang::en ? "some files cannot be packed; nothing written"
                                 : "有文件无法打包，未写入任何文件");
    return exit_findings;
  }
  print_error(prepared.error + nothing_written(lang));
  return prepared.status == Status::usage ? exit_usage : exit_runtime;
}

pack::FormsMode forms_mode(const std::string& forms)
{
  return forms == "generate" ? pack::FormsMode::generate
         : forms == "both"   ? pack::FormsMode::both
                             : pack::FormsMode::keep;
}

int run(const PackCommand& cmd)
{
  const Lang lang = cmd.common.language();
  rules::RuleSet rules;
  const std::optional<Date> as_of = as_of_or_report(cmd.as_of, lang);
  if (!as_of || !load_rules_or_report(cmd.rules, rules))
    return exit_usage;
  const pack::Prepared prepared =
      pack::prepare({cmd.src, cmd.manifest, cmd.unit, cmd.out, cmd.zip, cmd.common.output,
                     cmd.rules, cmd.force, forms_mode(cmd.forms), *as_of, lang},
                    rules);
  if (prepared.status != pack::Prepared::Status::ready)
    return refuse(prepared, lang);
  if (cmd.dry_run) {
    const pack::ExecuteResult dry = pack::dry_run(prepared, cmd.out, cmd.clean);
    if (!dry.ok) {
      print_error(pack::error_text(dry.error_code, dry.error_detail, dry.error_facts).in(lang));
      return (dry.error_code == "extra-files" || dry.error_code == "foreign-files") ? exit_usage
                                                                                    : exit_runtime;
    }
    return write_text(cmd.common, pack::plan_text(prepared, dry, lang)) ? exit_ok : exit_runtime;
  }
  pack::ExecuteOptions options;
  options.verify = cmd.verify;
  options.clean = cmd.clean;
  options.fat32 = pack::filesystem_type(fs::exists(cmd.out)
                                            ? cmd.out
                                            : fs::path(cmd.out).parent_path().string()) == "vfat";
  gather::RunOptions check;
  check.checks.unit = prepared.unit;
  check.checks.target_fat32 = options.fat32;
  check.checks.as_of = *as_of;
  check.checks.pack_source = cmd.src; // the hints' fix and pack commands name it
  check.jobs = cmd.common.jobs;
  check.decode = !cmd.fast;
  ProgressLine copying(cmd.common, {"已复制", "copied"});
  ProgressLine checking(cmd.common, {"已检查", "checked"});
  options.on_progress = copying.callback();
  check.on_progress = checking.callback();
  const pack::Packed packed = pack::execute_and_check(prepared.plan, cmd.out, options, check, rules,
                                                      lang, [&] { copying.clear(); });
  copying.clear();
  checking.clear();
  if (!packed.result.ok) {
    print_error(pack::error_text(packed.result.error_code, packed.result.error_detail,
                                 packed.result.error_facts)
                    .in(lang));
    return (packed.result.error_code == "extra-files" ||
            packed.result.error_code == "foreign-files")
               ? exit_usage
               : exit_runtime;
  }
  if (std::string error; !cmd.zip.empty() && !pack::write_zip(prepared.plan, packed.result.files,
                                                              cmd.out, cmd.zip, error)) {
    print_error(fmt::format("{}: {}", cmd.zip, error));
    return exit_runtime;
  }
  const bool json = cmd.format == "json";
  const checks::CheckReport& report = packed.report;
  const bool written =
      json ? write_output_streamed(cmd.common,
                                   [&](report::Sink& out) {
                                     report::write_check_json(report::Reports(&report, 1), lang,
                                                              out);
                                   })
           : write_text(
                 cmd.common,
                 (cmd.common.quiet ? "" : pack::packed_text(packed, prepared, cmd.out, lang)) +
                     report::check_text(report, {lang, cmd.common.color(), cmd.common.quiet}));
  if (!written)
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
  sub->add_option(
      "--zip", cmd->zip,
      "Also write the packed drive, its manifest included, as a ZIP file (outside SRC and DIR)");
  sub->add_flag("--force", cmd->force, "Replace an existing --zip or -o file (never a source)");
  sub->add_option("--as-of", cmd->as_of,
                  "Check deadlines as of this day and date the forms with it (YYYY-MM-DD)");
  sub->add_option("--format", cmd->format, "Report format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--dry-run", cmd->dry_run, "Print the plan, write nothing");
  sub->add_option("--forms", cmd->forms,
                  "The forms the unit filled in by hand: keep them and generate only the missing "
                  "ones (keep, the default), generate every form instead (generate), or both")
      ->check(CLI::IsMember({"keep", "generate", "both"}));
  sub->add_flag("--clean", cmd->clean,
                "Remove files under DIR that an earlier pack wrote and this pack no longer "
                "produces (the works of a title since changed), and junk, so that the drive "
                "equals the plan; files no pack wrote are never removed");
  sub->add_flag("--verify", cmd->verify,
                "Read every written file back (bypassing the cache) and compare");
  sub->add_flag("--fast", cmd->fast,
                "The check after packing skips what decodes pictures or sound (QR codes)");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run(*cmd); });
}

} // namespace mpcheck::cli
