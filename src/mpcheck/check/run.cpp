#include "mpcheck/check/run.hpp"

#include <algorithm>
#include <chrono>

#include "mpcheck/check/assemble.hpp"
#include "mpcheck/check/deep.hpp"
#include "mpcheck/check/duplicates.hpp"
#include "mpcheck/layout/junk.hpp"
#include "mpcheck/media/document.hpp"
#include "mpcheck/media/probe.hpp"
#include "mpcheck/media/qr.hpp"
#include "mpcheck/scan/walk.hpp"
#include "mpcheck/util/parallel.hpp"

namespace mpcheck::check {

int CheckReport::count(Severity s) const
{
  return int(std::count_if(findings.begin(), findings.end(),
                           [&](const Finding& f) { return f.severity == s; }));
}

bool is_waived(const std::string& check, const std::vector<std::string>& waive)
{
  return std::any_of(waive.begin(), waive.end(), [&](const std::string& w) {
    if (w.ends_with(".*"))
      return check.starts_with(w.substr(0, w.size() - 1));
    return check == w;
  });
}

std::vector<MediaFacts> probe_files(const std::vector<ProbeTarget>& targets, int jobs, bool decode,
                                    ProgressMeter* meter)
{
  std::vector<MediaFacts> facts(targets.size());
  parallel_for(targets.size(), jobs, [&](size_t i) {
    const ProbeTarget& t = targets[i];
    if (is_probed_kind(t.kind)) {
      facts[i] = media::probe(t.abs_path);
      if (decode)
        media::add_qr_facts(facts[i]);
    } else if (is_document_kind(t.kind)) {
      facts[i].path = t.abs_path;
      facts[i].kind = "document";
      facts[i].document = media::probe_document(t.abs_path);
    }
    if (meter && t.last_step)
      meter->advance(t.size, 1);
  });
  return facts;
}

namespace {

void sort_findings(std::vector<Finding>& findings)
{
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.work, a.path, a.check) < std::tie(b.work, b.path, b.check);
  });
}

bool asks_for_qr_codes(const rules::RuleSet& rules)
{
  auto any = [](const rules::CategoryRules& c) {
    return std::any_of(c.images.begin(), c.images.end(),
                       [](const rules::ImageRole& r) { return r.qr_code; });
  };
  return any(rules.works) || std::any_of(rules.categories.begin(), rules.categories.end(), any);
}

} // namespace

Submission gather(const std::vector<std::string>& paths, const rules::RuleSet& rules, int jobs,
                  bool decode, ProgressMeter* meter, bool analysed_later)
{
  const scan::Tree tree = scan::walk(paths);
  std::vector<ProbeTarget> targets;
  int64_t bytes = 0;
  for (const auto& e : tree.files) {
    // Empty files are not probed (file.empty says what is wrong with them).
    const FileKind kind = e.size == 0 ? FileKind::junk : kind_of_path(e.path);
    targets.push_back({e.abs_path, kind, e.size, !(analysed_later && kind == FileKind::video)});
    bytes += e.size;
  }
  if (meter)
    meter->set_totals(int(targets.size()), bytes);
  return assemble(tree, probe_files(targets, jobs, decode, meter), rules);
}

CheckReport run_check(const std::vector<std::string>& paths, const rules::RuleSet& rules,
                      const RunOptions& options)
{
  const auto start = std::chrono::steady_clock::now();
  CheckReport report;
  report.rules = &rules;
  report.as_of = options.checks.as_of;
  // Probing is quick; decoding the videos takes the time: a video counts as done once
  // analysed, and the ones that cannot be (unreadable, no picture) when all is over.
  ProgressMeter meter(options.on_progress);
  // Pictures are decoded for their QR codes only when the rule set asks for one somewhere.
  const bool qr = options.decode && asks_for_qr_codes(rules);
  report.submission = gather(paths, rules, options.jobs, qr, &meter, options.decode);
  if (options.decode) {
    media::AnalyzeOptions analyze;
    analyze.thumbnails = options.thumbnails;
    analyze_submission(report.submission, options.jobs, analyze, &meter);
  }
  meter.finish();
  hash_possible_duplicates(report.submission, options.jobs);
  report.findings = checks::run_all(report.submission, rules, options.checks);
  std::erase_if(report.findings,
                [&](const Finding& f) { return is_waived(f.check, options.waive); });
  sort_findings(report.findings);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

} // namespace mpcheck::check
