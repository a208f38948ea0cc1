#pragma once
// Renders a check report: JSON (schema mpcheck-report/1, SPEC §7, man page), JUnit XML and
// SARIF 2.1.0 for CI systems, and the text a clerk reads, grouped by work then file, in
// Chinese or English. Each format is documented in the man page.

#include <string>

#include "mpcheck/check/run.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

std::string check_json(const check::CheckReport& report, Lang lang);

// JUnit XML: one <testcase> per file (classname: the work's title, else the file's folder;
// name: its path), one <failure> per error finding (type: the check id), every finding of
// the file in its <system-out>; one more testcase (classname "submission", name ".") for
// the findings that name no file. Valid XML 1.0 whatever the file names hold.
std::string check_junit(const check::CheckReport& report, Lang lang);

// SARIF 2.1.0: one run; tool.driver.rules = the check catalogue then the rule set's manual
// items; one result per finding, located by a percent-encoded path relative to SRCROOT (the
// checked folder, in originalUriBaseIds); artifacts = the files checked.
std::string check_sarif(const check::CheckReport& report, Lang lang);

// A finding's details in plain text, one line each when present: what was expected, what was
// found, how to fix it, the notice's sentence ("要求：…" / "expected: …").
std::string finding_details(const Finding& f, Lang lang);

struct TextStyle {
  Lang lang = Lang::zh;
  bool color = false;
  bool quiet = false; // errors and warnings only, no manual list
};
std::string check_text(const check::CheckReport& report, const TextStyle& style);

// Columns a string takes on a terminal: CJK and full-width characters count 2.
int display_width(const std::string& utf8);

} // namespace mpcheck::report
