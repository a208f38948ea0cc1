#pragma once
// What checking one submission found, and the summary every report format shows. Plain data
// from the checks to the renderers (report/).

#include <string>
#include <vector>

#include "mpcheck/core/finding.hpp"
#include "mpcheck/core/submission.hpp"
#include "mpcheck/rules/ruleset.hpp"
#include "mpcheck/util/date.hpp"

namespace mpcheck::checks {

// A PATH of the command line that could not be read at all (no permission, a loop of symbolic
// links, a read error): nothing under it was checked. Its report says so in every format, in
// the place the PATH's report would have taken, and `check` exits 3.
struct UnreadPath {
  std::string path;   // as given on the command line
  std::string reason; // "not-found", "not-file", "permission", "loop" or "unreadable"
                      // (gather::PathError::error)
};

struct CheckReport {
  const rules::RuleSet* rules = nullptr;
  Date as_of;
  Submission submission;
  std::vector<Finding> findings; // sorted: by work, then path, then check id
  double seconds = 0;            // how long the check took
  // The PATHs of this submission that could not be read: a drive that could not be read is a
  // report with no files and its PATH here; a loose file, one more entry of the loose files'.
  std::vector<UnreadPath> unread;
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
