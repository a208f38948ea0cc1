// SARIF 2.1.0 (OASIS) for code-scanning viewers and CI systems. Validated in
// tests/cli/test_reports.py against the official schema (tests/schemas/).
#include "mpcheck/report/check_report.hpp"

#include <filesystem>
#include <map>

#include "mpcheck/report/json_writer.hpp"
#include "mpcheck/report/probe_report.hpp"
#include "mpcheck/report/words.hpp"
#include "mpcheck/rules/check_ids.hpp"
#include "mpcheck/util/uri.hpp"

namespace mpcheck::report {

namespace {

constexpr const char* sarif_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* root_id = "SRCROOT";

const char* level_of(Severity s)
{
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

Json rule_json(std::string_view id, const std::string& description, Severity level, bool enabled)
{
  Json configuration{{"level", level_of(level)}};
  if (!enabled)
    configuration["enabled"] = false;
  return Json{{"id", id},
              {"shortDescription", {{"text", description}}},
              {"defaultConfiguration", configuration},
              {"properties", {{"severity", severity_name(level)}}}};
}

// The catalogue, as the rule set grades it, then the rule set's own manual items.
Json rules_json(const rules::RuleSet& rules, Lang lang, std::map<std::string, int>& index)
{
  Json out = Json::array();
  for (const auto& check : rules::known_check_ids()) {
    index.emplace(std::string(check.id), int(out.size()));
    out.push_back(
        rule_json(check.id, std::string(lang == Lang::en ? check.meaning : check.meaning_zh),
                  rules.severity_of(check.id, check.default_severity), !rules.disabled(check.id)));
  }
  for (const auto& item : rules.manual) {
    if (!index.emplace(item.id, int(out.size())).second)
      continue;
    Json rule = rule_json(item.id, item.text.in(lang),
                          item.origin.severity.value_or(Severity::manual), true);
    if (!item.origin.source.empty())
      rule["fullDescription"] = {{"text", "“" + item.origin.source + "”"}};
    out.push_back(rule);
  }
  return out;
}

// The folder the relative URIs start from: the checked folder, or the current one when
// several paths were given (their paths are kept as given).
std::string root_uri(const Submission& sub)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = sub.root.empty() ? fs::current_path(ec) : fs::absolute(sub.root, ec);
  return file_uri_of_directory(root.lexically_normal().string());
}

Json artifact_location(const std::string& uri, int index)
{
  Json location{{"uri", uri}, {"uriBaseId", root_id}};
  if (index >= 0)
    location["index"] = index;
  return location;
}

// The artifact of a file: the bytes on disk, so that the URI leads back to the file even when
// its name is not NFC or not UTF-8; the report's own spelling of the path is kept in
// properties.
Json artifact_json(const SubmissionFile& f)
{
  return Json{{"location", artifact_location(percent_encode_path(f.raw_path), -1)},
              {"length", f.size},
              {"roles", Json::array({"analysisTarget"})},
              {"properties", {{"path", f.path}, {"kind", kind_name(f.kind)}}}};
}

// Each file's path → its index among the artifacts (the first of two files of the same path).
std::map<std::string, int> artifact_index(const Submission& sub)
{
  std::map<std::string, int> index;
  for (size_t i = 0; i < sub.files.size(); ++i)
    index.emplace(sub.files[i].path, int(i));
  return index;
}

Json result_json(const Finding& f, Lang lang, const std::map<std::string, int>& rule_index,
                 const std::map<std::string, int>& file_index, const Submission& sub)
{
  Json result{{"ruleId", f.check}};
  if (auto it = rule_index.find(f.check); it != rule_index.end())
    result["ruleIndex"] = it->second;
  result["level"] = level_of(f.severity);
  result["message"] = {{"text", f.message.in(lang)}};
  if (!f.path.empty()) {
    const auto it = file_index.find(f.path);
    const Json location =
        it == file_index.end()
            ? artifact_location(percent_encode_path(f.path), -1)
            : artifact_location(percent_encode_path(sub.files[size_t(it->second)].raw_path),
                                it->second);
    Json where;
    where["physicalLocation"]["artifactLocation"] = location;
    result["locations"] = Json::array({where});
  }
  result["properties"] = {{"severity", severity_name(f.severity)},
                          {"path", f.path},
                          {"work", f.work},
                          {"expected", f.expected.in(lang)},
                          {"actual", f.actual.in(lang)},
                          {"hint", f.hint.in(lang)},
                          {"source", f.source}};
  return result;
}

// The run's one invocation: successful unless a PATH could not be read, each such PATH a
// tool execution notification (level error) naming it and why.
Json invocation_json(const checks::CheckReport& report, Lang lang)
{
  Json notifications = Json::array();
  for (const auto& p : report.unread)
    notifications.push_back(Json{{"level", "error"},
                                 {"message", {{"text", unread_text(p, lang)}}},
                                 {"descriptor", {{"id", "mpcheck.unread." + p.reason}}},
                                 {"properties", {{"path", p.path}, {"reason", p.reason}}}});
  Json invocation{{"executionSuccessful", report.unread.empty()}};
  if (!notifications.empty())
    invocation["toolExecutionNotifications"] = notifications;
  return invocation;
}

// One run, its artifacts and results streamed one by one.
void write_run(JsonWriter& out, const checks::CheckReport& report, Lang lang)
{
  const rules::RuleSet& rules = *report.rules;
  const Submission& sub = report.submission;
  const char* language = lang == Lang::en ? "en-US" : "zh-CN";
  std::map<std::string, int> rule_index;
  Json driver{{"name", "mpcheck"},
              {"version", MPCHECK_VERSION},
              {"semanticVersion", MPCHECK_VERSION},
              {"language", language},
              {"rules", rules_json(rules, lang, rule_index)}};
  out.begin_object();
  out.member("tool", Json{{"driver", driver}});
  out.member("language", language);
  out.member("invocations", Json::array({invocation_json(report, lang)}));
  out.member("originalUriBaseIds", Json{{root_id, {{"uri", root_uri(sub)}}}});
  out.key("artifacts");
  out.begin_array();
  for (const auto& f : sub.files)
    out.value(artifact_json(f));
  out.end_array();
  const std::map<std::string, int> file_index = artifact_index(sub);
  out.key("results");
  out.begin_array();
  for (const Finding& f : report.findings)
    out.value(result_json(f, lang, rule_index, file_index, sub));
  out.end_array();
  out.member("properties", Json{{"rules", {{"id", rules.id}, {"title", rules.title.in(lang)}}},
                                {"as_of", report.as_of.str()},
                                {"root", sub.root},
                                {"path", sub.label},
                                {"summary", summary_json(checks::summarize(report))}});
  out.end_object();
}

} // namespace

void write_check_sarif(Reports reports, Lang lang, Sink& sink)
{
  JsonWriter out(sink, JsonWriter::Style::pretty);
  out.begin_object();
  out.member("$schema", sarif_schema);
  out.member("version", "2.1.0");
  out.key("runs");
  out.begin_array();
  for (const auto& report : reports)
    write_run(out, report, lang);
  out.end_array();
  out.end_object();
  out.end_document();
}

std::string check_sarif(Reports reports, Lang lang)
{
  StringSink out;
  write_check_sarif(reports, lang, out);
  return std::move(out.text);
}

std::string check_sarif(const checks::CheckReport& report, Lang lang)
{
  return check_sarif(Reports(&report, 1), lang);
}

} // namespace mpcheck::report
