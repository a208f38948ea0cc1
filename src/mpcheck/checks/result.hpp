#pragma once
// What checking one submission found, and the summary every report format shows. Plain data
// from the checks to the renderers (report/).

#include <vector>

#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::checks {

struct CheckReport {
  const rules::RuleSet* rules = nullptr;
  Date as_of;
  Submission submission;
  std::vector<Finding> findings; // sorted: by work, then path, then check id
  double seconds = 0;            // how long the check took
  int count(Severity s) const;
};

// The summary every report format shows (text, JSON, JUnit, SARIF, HTML): one count, computed
// here only. `manual` and `info` count findings like `error` and `warning` do: an item to
// confirm for each work it concerns.
struct Summary {
  size_t files = 0, works = 0;
  int error = 0, warning = 0, manual = 0, info = 0;
};
Summary summarize(const CheckReport& report);

} // namespace mpcheck::checks
