// JUnit XML for CI systems (Jenkins, GitLab, ...): a file is a test case, an error finding a
// failure. Validated in tests/cli/test_reports.py against the Jenkins xunit plugin's
// junit-10.xsd (tests/schemas/).
#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/words.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "mpcheck/util/path.hpp"
#include "mpcheck/util/xml.hpp"

namespace mpcheck::report {

namespace {

struct Case {
  std::string classname; // escaped
  std::string name;      // escaped
  std::vector<const Finding*> findings;
  const checks::UnreadPath* unread = nullptr; // a PATH that could not be read: an <error>

  bool failed() const
  {
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding* f) { return f->severity == Severity::error; });
  }
};

// A file's folder as the class of its case: "." for a file at the top.
std::string folder_of(const std::string& path)
{
  const std::string_view folder = util::parent_of(path);
  return folder.empty() && !path.starts_with('/') ? "." : std::string(folder);
}

// Two files can share a name once cleaned (NFC, U+FFFD for what XML cannot hold): the later
// ones get " (2)", " (3)", ... so that classname + name stays unique.
void make_unique(std::vector<Case>& cases)
{
  std::set<std::pair<std::string, std::string>> seen;
  for (Case& c : cases) {
    const std::string base = c.name;
    for (int n = 2; !seen.insert({c.classname, c.name}).second; ++n)
      c.name = fmt::format("{} ({})", base, n);
  }
}

// One case per file and per entry that could not be read, then the submission's own case
// for the findings that name no file (missing folders and documents, quotas, the deadline).
std::vector<Case> cases_of(const checks::CheckReport& report)
{
  const Submission& sub = report.submission;
  std::vector<Case> cases;
  std::map<std::string, size_t> by_path;
  const auto add = [&](const std::string& classname, const std::string& path) {
    by_path.emplace(path, cases.size()); // the first of equal paths takes the findings
    cases.push_back({xml_escape_attribute(classname), xml_escape_attribute(path), {}});
  };
  for (const auto& f : sub.files)
    add(f.work >= 0 ? sub.works[size_t(f.work)].title : folder_of(f.path), f.path);
  for (const auto& p : sub.problems)
    if (!by_path.count(p.path))
      add(folder_of(p.path), p.path);
  // A PATH not read at all has no submission to pass: its only case is the error saying why
  // (a CI server would count a passed test for a drive that does not exist).
  const bool read = report.unread.empty() || !cases.empty() || !report.findings.empty();
  const size_t whole = cases.size();
  if (read)
    cases.push_back({"submission", ".", {}});
  for (const auto& p : report.unread)
    cases.push_back({"unread", xml_escape_attribute(p.path), {}, &p});
  for (const Finding& f : report.findings) {
    const auto it = by_path.find(f.path);
    cases[it == by_path.end() ? whole : it->second].findings.push_back(&f);
  }
  make_unique(cases);
  return cases;
}

std::string severity_word(Severity s, Lang lang)
{
  switch (s) {
  case Severity::error:
    return lang == Lang::en ? "error" : "错误";
  case Severity::warning:
    return lang == Lang::en ? "warning" : "警告";
  case Severity::manual:
    return lang == Lang::en ? "to confirm by hand" : "需人工确认";
  case Severity::info:
    break;
  }
  return lang == Lang::en ? "note" : "提示";
}

void append_case(std::string& out, const Case& c, Lang lang)
{
  out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", c.classname, c.name);
  if (c.unread) {
    // The PATH could not be checked at all: an error of the run, not a failed check.
    const std::string text = unread_text(*c.unread, lang);
    out += fmt::format(">\n      <error type=\"{}\" message=\"{}\">{}</error>\n    </testcase>\n",
                       xml_escape_attribute(c.unread->reason), xml_escape_attribute(text),
                       xml_escape_text(text));
    return;
  }
  if (c.findings.empty()) {
    out += "/>\n";
    return;
  }
  out += ">\n";
  std::string log;
  for (const Finding* f : c.findings) {
    const std::string details = finding_details(*f, lang);
    if (f->severity == Severity::error)
      out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                         xml_escape_attribute(f->check), xml_escape_attribute(f->message.in(lang)),
                         xml_escape_text(details));
    log += fmt::format("[{}] {}: {}\n{}\n", severity_word(f->severity, lang), f->check,
                       f->message.in(lang), details);
  }
  // Every finding, errors too: some CI systems show only the first <failure> of a case.
  out += fmt::format("      <system-out>{}</system-out>\n", xml_escape_text(log));
  out += "    </testcase>\n";
}

void append_property(std::string& out, const char* name, const std::string& value)
{
  out += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name,
                     xml_escape_attribute(value));
}

// The name of a report's testsuite: the PATH checked (the checked folder for a report made
// without one).
std::string suite_name(const checks::CheckReport& report)
{
  const Submission& sub = report.submission;
  return !sub.label.empty() ? sub.label : !sub.root.empty() ? sub.root : ".";
}

struct Suite {
  const checks::CheckReport* report;
  std::string name; // escaped, unique among the suites
  std::vector<Case> cases;
  long failures = 0;
  long errors = 0; // the PATHs that could not be read
};

void append_suite(std::string& out, const Suite& suite, Lang lang)
{
  const checks::CheckReport& report = *suite.report;
  const checks::Summary summary = checks::summarize(report);
  out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
                     "skipped=\"0\" time=\"{:.3f}\">\n",
                     suite.name, suite.cases.size(), suite.failures, suite.errors, report.seconds);
  out += "    <properties>\n";
  append_property(out, "mpcheck.version", MPCHECK_VERSION);
  append_property(out, "rules.id", report.rules->id);
  append_property(out, "rules.title", report.rules->title.in(lang));
  append_property(out, "root", report.submission.root);
  append_property(out, "as_of", report.as_of.str());
  append_property(out, "summary.files", std::to_string(summary.files));
  append_property(out, "summary.works", std::to_string(summary.works));
  append_property(out, "summary.error", std::to_string(summary.error));
  append_property(out, "summary.warning", std::to_string(summary.warning));
  append_property(out, "summary.manual", std::to_string(summary.manual));
  append_property(out, "summary.info", std::to_string(summary.info));
  out += "    </properties>\n";
  for (const Case& c : suite.cases)
    append_case(out, c, lang);
  out += "  </testsuite>\n";
}

} // namespace

std::string check_junit(Reports reports, Lang lang)
{
  std::vector<Suite> suites;
  std::set<std::string> names;
  size_t tests = 0;
  long failures = 0, errors = 0;
  double seconds = 0;
  for (const auto& report : reports) {
    Suite s{&report, xml_escape_attribute(suite_name(report)), cases_of(report), 0, 0};
    // Two PATHs that read the same once escaped (bytes that are not UTF-8): " (2)", " (3)"...
    const std::string base = s.name;
    for (int n = 2; !names.insert(s.name).second; ++n)
      s.name = fmt::format("{} ({})", base, n);
    s.failures =
        std::count_if(s.cases.begin(), s.cases.end(), [](const Case& c) { return c.failed(); });
    s.errors = long(report.unread.size());
    tests += s.cases.size();
    failures += s.failures;
    errors += s.errors;
    seconds += report.seconds;
    suites.push_back(std::move(s));
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"mpcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
                     "time=\"{:.3f}\">\n",
                     tests, failures, errors, seconds);
  for (const Suite& s : suites)
    append_suite(out, s, lang);
  out += "</testsuites>\n";
  return out;
}

std::string check_junit(const checks::CheckReport& report, Lang lang)
{
  return check_junit(Reports(&report, 1), lang);
}

} // namespace mpcheck::report
