#include "mpcheck/checks/result.hpp"

#include <algorithm>

namespace mpcheck::checks {

int CheckReport::count(Severity s) const
{
  return int(std::count_if(findings.begin(), findings.end(),
                           [&](const Finding& f) { return f.severity == s; }));
}

Summary summarize(const CheckReport& report)
{
  Summary s;
  s.files = report.submission.files.size();
  s.works = report.submission.works.size();
  for (const auto& f : report.findings)
    ++(f.severity == Severity::error     ? s.error
       : f.severity == Severity::warning ? s.warning
       : f.severity == Severity::manual  ? s.manual
                                         : s.info);
  return s;
}

} // namespace mpcheck::checks
