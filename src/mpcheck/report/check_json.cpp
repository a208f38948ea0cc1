#include "mpcheck/report/check_report.hpp"

#include "mpcheck/report/json_writer.hpp"
#include "mpcheck/report/probe_report.hpp"
#include "mpcheck/report/words.hpp"

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

// A PATH that could not be read: where, why (a stable code) and the words for people.
Json unread_json(const checks::UnreadPath& p, Lang lang)
{
  return Json{{"path", p.path}, {"reason", p.reason}, {"message", unread_text(p, lang)}};
}

Json work_json(const Submission& sub, const Work& w)
{
  Json files = Json::array();
  for (int i : w.files)
    files.push_back(sub.files[size_t(i)].path);
  Json docs = Json::array();
  for (int i : w.documents)
    docs.push_back(sub.files[size_t(i)].path);
  return Json{{"title", w.title},       {"category", w.category}, {"unit", w.unit},
              {"episodes", w.episodes}, {"files", files},         {"documents", docs}};
}

Json file_json(const SubmissionFile& f, Lang lang)
{
  Json facts = nullptr;
  if (f.facts.container || f.facts.image || f.facts.document || f.facts.error) {
    facts = facts_to_json(f.facts, lang);
    facts.erase("path"); // the file's path is given relative to the root above
  }
  return Json{{"path", f.path},
              {"kind", kind_name(f.kind)},
              {"size", f.size},
              {"sha256", f.sha256.empty() ? Json(nullptr) : Json(f.sha256)},
              {"facts", facts}};
}

// One report object (schema mpcheck-report/1), its works, files and findings streamed one by
// one: the memory it takes is that of one file's entry, whatever the number of files.
void write_report(JsonWriter& out, const checks::CheckReport& report, Lang lang)
{
  const auto& rules = *report.rules;
  const Submission& sub = report.submission;
  out.begin_object();
  out.member("schema", "mpcheck-report/1");
  out.member("tool", Json{{"name", "mpcheck"}, {"version", MPCHECK_VERSION}});
  out.member("rules", Json{{"id", rules.id}, {"title", rules.title.in(lang)}});
  out.member("as_of", report.as_of.str());
  out.member("root", sub.root);
  out.member("summary", summary_json(checks::summarize(report)));
  out.key("works");
  out.begin_array();
  for (const auto& w : sub.works)
    out.value(work_json(sub, w));
  out.end_array();
  out.key("files");
  out.begin_array();
  for (const auto& f : sub.files)
    out.value(file_json(f, lang));
  out.end_array();
  out.key("findings");
  out.begin_array();
  for (const auto& f : report.findings)
    out.value(finding_json(f, lang));
  out.end_array();
  out.key("unread");
  out.begin_array();
  for (const auto& p : report.unread)
    out.value(unread_json(p, lang));
  out.end_array();
  out.end_object();
}

} // namespace

void write_check_json(Reports reports, Lang lang, Sink& sink)
{
  JsonWriter out(sink, JsonWriter::Style::pretty);
  if (reports.size() == 1) {
    write_report(out, reports.front(), lang);
  } else {
    out.begin_array();
    for (const auto& r : reports)
      write_report(out, r, lang);
    out.end_array();
  }
  out.end_document();
}

void write_check_jsonl(Reports reports, Lang lang, Sink& sink)
{
  JsonWriter out(sink, JsonWriter::Style::compact);
  for (const auto& r : reports) {
    write_report(out, r, lang);
    out.end_document();
  }
}

std::string check_json(const checks::CheckReport& report, Lang lang)
{
  return check_json(Reports(&report, 1), lang);
}

std::string check_json(Reports reports, Lang lang)
{
  StringSink out;
  write_check_json(reports, lang, out);
  return std::move(out.text);
}

std::string check_jsonl(Reports reports, Lang lang)
{
  StringSink out;
  write_check_jsonl(reports, lang, out);
  return std::move(out.text);
}

} // namespace mpcheck::report
