// mpcheck probe FILE… [--format text|json] [-j N] [--no-scan] [--fast]
#include "mpcheck/cli/commands.hpp"

#include <algorithm>
#include <memory>

#include "mpcheck/media/analyze.hpp"
#include "mpcheck/media/probe.hpp"
#include "mpcheck/media/qr.hpp"
#include "mpcheck/report/probe_report.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::cli {

namespace {

struct ProbeCommand {
  CommonOptions common;
  std::vector<std::string> files;
  std::string format = "text";
  bool no_scan = false;
  bool fast = false;
};

int run_probe(const ProbeCommand& cmd)
{
  media::ProbeOptions options;
  options.scan_packets = !cmd.no_scan;
  auto facts = media::probe_all(cmd.files, cmd.common.jobs, options);
  if (!cmd.fast) {
    media::add_qr_facts(facts, cmd.common.jobs);
    // Fewer videos than jobs (one file, as a clerk asks): the sound on a core of its own.
    media::AnalyzeOptions analyze;
    const auto videos = std::count_if(facts.begin(), facts.end(),
                                      [](const MediaFacts& f) { return f.video && !f.error; });
    analyze.sound_alongside = videos < jobs_or_all(cmd.common.jobs);
    parallel_for(facts.size(), cmd.common.jobs, [&](size_t i) {
      if (facts[i].video && !facts[i].error)
        facts[i].deep = media::analyze(cmd.files[i], media::own_keyframes_plan(), analyze).facts;
    });
  }
  const Lang lang = cmd.common.language();
  const std::string text =
      cmd.format == "json" ? report::probe_json(facts, lang) : report::probe_text(facts, lang);
  if (!(cmd.format == "json" ? write_output(cmd.common, text) : write_text(cmd.common, text)))
    return exit_runtime;
  // Probing reports facts; an unreadable file is a fact too, not a failure of the run.
  return exit_ok;
}

} // namespace

void add_probe_command(CLI::App& app, int& exit_code)
{
  auto cmd = std::make_shared<ProbeCommand>();
  CLI::App* sub = app.add_subcommand("probe", "Print the media facts the checks use");
  sub->add_option("files", cmd->files, "Media or image files")->required();
  sub->add_option("--format", cmd->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--no-scan", cmd->no_scan,
                "Header facts only: do not demux containers without an index (TS, Matroska)");
  sub->add_flag("--fast", cmd->fast,
                "Do not decode pictures or sound: no QR codes, no scan type from the pictures, "
                "black, loudness or silences");
  add_common_options(sub, cmd->common);
  sub->callback([cmd, &exit_code] { exit_code = run_probe(*cmd); });
}

} // namespace mpcheck::cli
