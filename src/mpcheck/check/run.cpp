#include "mpcheck/check/run.hpp"

#include <algorithm>

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

std::vector<MediaFacts> probe_files(const std::vector<std::string>& abs_paths,
                                    const std::vector<FileKind>& kinds, int jobs, bool decode)
{
  std::vector<MediaFacts> facts(abs_paths.size());
  parallel_for(abs_paths.size(), jobs, [&](size_t i) {
    if (is_probed_kind(kinds[i])) {
      facts[i] = media::probe(abs_paths[i]);
      if (decode)
        media::add_qr_facts(facts[i]);
    } else if (is_document_kind(kinds[i])) {
      facts[i].path = abs_paths[i];
      facts[i].kind = "document";
      facts[i].document = media::probe_document(abs_paths[i]);
    }
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

} // namespace

Submission gather(const std::vector<std::string>& paths, const rules::RuleSet& rules, int jobs,
                  bool decode)
{
  const scan::Tree tree = scan::walk(paths);
  std::vector<std::string> abs;
  std::vector<FileKind> kinds;
  for (const auto& e : tree.files) {
    abs.push_back(e.abs_path);
    // Empty files are not probed (file.empty says what is wrong with them).
    kinds.push_back(e.size == 0 ? FileKind::junk : kind_of_path(e.path));
  }
  return assemble(tree, probe_files(abs, kinds, jobs, decode), rules);
}

CheckReport run_check(const std::vector<std::string>& paths, const rules::RuleSet& rules,
                      const RunOptions& options)
{
  CheckReport report;
  report.rules = &rules;
  report.as_of = options.checks.as_of;
  report.submission = gather(paths, rules, options.jobs, options.decode);
  if (options.decode) {
    media::AnalyzeOptions analyze;
    analyze.thumbnails = options.thumbnails;
    analyze_submission(report.submission, options.jobs, analyze);
  }
  hash_possible_duplicates(report.submission, options.jobs);
  report.findings = checks::run_all(report.submission, rules, options.checks);
  std::erase_if(report.findings,
                [&](const Finding& f) { return is_waived(f.check, options.waive); });
  sort_findings(report.findings);
  return report;
}

} // namespace mpcheck::check
