#include "mpcheck/report/check_report.hpp"

#include "mpcheck/report/probe_report.hpp"

namespace mpcheck::report {

Json summary_json(const checks::Summary& s)
{
  return Json{{"files", s.files},     {"works", s.works},   {"error", s.error},
              {"warning", s.warning}, {"manual", s.manual}, {"info", s.info}};
}

namespace {

Json finding_json(const Finding& f, Lang lang)
{
  return Json{{"check", f.check},
              {"severity", severity_name(f.severity)},
              {"path", f.path},
              {"work", f.work},
              {"expected", f.expected.in(lang)},
              {"actual", f.actual.in(lang)},
              {"message", f.message.in(lang)},
              {"hint", f.hint.in(lang)},
              {"source", f.source}};
}

Json works_json(const Submission& sub)
{
  Json works = Json::array();
  for (const auto& w : sub.works) {
    Json files = Json::array();
    for (int i : w.files)
      files.push_back(sub.files[size_t(i)].path);
    Json docs = Json::array();
    for (int i : w.documents)
      docs.push_back(sub.files[size_t(i)].path);
    works.push_back(Json{{"title", w.title},
                         {"category", w.category},
                         {"unit", w.unit},
                         {"episodes", w.episodes},
                         {"files", files},
                         {"documents", docs}});
  }
  return works;
}

Json files_json(const Submission& sub, Lang lang)
{
  Json files = Json::array();
  for (const auto& f : sub.files) {
    Json facts = nullptr;
    if (f.facts.container || f.facts.image || f.facts.document || f.facts.error) {
      facts = facts_to_json(f.facts, lang);
      facts.erase("path"); // the file's path is given relative to the root above
    }
    files.push_back(Json{{"path", f.path},
                         {"kind", kind_name(f.kind)},
                         {"size", f.size},
                         {"sha256", f.sha256.empty() ? Json(nullptr) : Json(f.sha256)},
                         {"facts", facts}});
  }
  return files;
}

Json report_json(const checks::CheckReport& report, Lang lang)
{
  const auto& rules = *report.rules;
  const checks::Summary summary = checks::summarize(report);
  Json findings = Json::array();
  for (const auto& f : report.findings)
    findings.push_back(finding_json(f, lang));
  return Json{{"schema", "mpcheck-report/1"},
              {"tool", {{"name", "mpcheck"}, {"version", MPCHECK_VERSION}}},
              {"rules", {{"id", rules.id}, {"title", rules.title.in(lang)}}},
              {"as_of", report.as_of.str()},
              {"root", report.submission.root},
              {"summary", summary_json(summary)},
              {"works", works_json(report.submission)},
              {"files", files_json(report.submission, lang)},
              {"findings", findings}};
}

std::string dump(const Json& json)
{
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace

std::string check_json(const checks::CheckReport& report, Lang lang)
{
  return dump(report_json(report, lang));
}

std::string check_json(Reports reports, Lang lang)
{
  if (reports.size() == 1)
    return check_json(reports.front(), lang);
  Json all = Json::array();
  for (const auto& r : reports)
    all.push_back(report_json(r, lang));
  return dump(all);
}

std::string check_jsonl(Reports reports, Lang lang)
{
  std::string out;
  for (const auto& r : reports)
    out += report_json(r, lang).dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  return out;
}

} // namespace mpcheck::report
