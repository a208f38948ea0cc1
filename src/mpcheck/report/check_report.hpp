#pragma once
// Renders a check report: JSON (schema mpcheck-report/1, man page, EXIT STATUS, man page), JUnit
// XML and SARIF 2.1.0 for CI systems, and the text a clerk reads, grouped by work then file, in
// Chinese or English. Each format is documented in the man page. `check` of several PATHs
// gives one report per submission (gather::plan_targets); the formats take them all.

#include <span>
#include <string>

#include "mpcheck/checks/result.hpp"
#include "mpcheck/core/lang.hpp"
#include "mpcheck/report/json_writer.hpp"
#include "mpcheck/report/probe_report.hpp"

namespace mpcheck::report {

using Reports = std::span<const checks::CheckReport>;

// The "summary" object of the JSON and SARIF reports: checks::summarize's counts.
Json summary_json(const checks::Summary& summary);

// One report object (schema mpcheck-report/1).
std::string check_json(const checks::CheckReport& report, Lang lang);
// One report: its object, as above; several: an array of them, in PATH order.
std::string check_json(Reports reports, Lang lang);
// JSON Lines: each report's object on one line, however many there are.
std::string check_jsonl(Reports reports, Lang lang);
// The same text, streamed to `out` file by file and finding by finding (json_writer.hpp): the
// memory they take does not grow with the report (the std::string forms gather this text).
void write_check_json(Reports reports, Lang lang, Sink& out);
void write_check_jsonl(Reports reports, Lang lang, Sink& out);

// JUnit XML: one <testsuite> per report, named by its PATH (unique: a second suite of the
// same name gets " (2)"); in it one <testcase> per file (classname: the work's title, else the
// file's folder; name: its path), one <failure> per error finding (type: the check id), every
// finding of the file in its <system-out>; one more testcase (classname "submission", name
// ".") for the findings that name no file. Valid XML 1.0 whatever the file names hold.
std::string check_junit(Reports reports, Lang lang);
std::string check_junit(const checks::CheckReport& report, Lang lang);

// SARIF 2.1.0: one run per report; tool.driver.rules = the check catalogue then the rule set's
// manual items; one result per finding, located by a percent-encoded path relative to SRCROOT
// (the checked folder, in originalUriBaseIds); artifacts = the files checked.
std::string check_sarif(Reports reports, Lang lang);
std::string check_sarif(const checks::CheckReport& report, Lang lang);
// The same text, streamed artifact by artifact and result by result.
void write_check_sarif(Reports reports, Lang lang, Sink& out);

// A finding's details in plain text, one line each when present: what was expected, what was
// found, how to fix it, the notice's sentence ("要求：…" / "expected: …").
std::string finding_details(const Finding& f, Lang lang);

struct TextStyle {
  Lang lang = Lang::zh;
  bool color = false;
  bool quiet = false; // errors and warnings only, no manual list
};
std::string check_text(const checks::CheckReport& report, const TextStyle& style);
// Each report in turn; with several, a closing line per report (its PATH and summary).
std::string check_text(Reports reports, const TextStyle& style);

// Columns a string takes on a terminal: CJK and full-width characters count 2.
int display_width(const std::string& utf8);

} // namespace mpcheck::report
