#include "mpcheck/report/words.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace mpcheck::report {

const Words& words(Lang lang)
{
  static const Words zh{
      "mpcheck 检查报告", "检查目录", "检查日期", "截止日期", "作品", "整体与其他文件",
      "需人工确认",       "要求",     "实际",     "怎么改",   "依据", "没有发现问题"};
  static const Words en{"mpcheck report",
                        "checked",
                        "as of",
                        "deadline",
                        "work",
                        "whole submission and other files",
                        "to confirm by hand",
                        "expected",
                        "found",
                        "fix",
                        "rule",
                        "no problems found"};
  return lang == Lang::en ? en : zh;
}

std::string severity_label(Severity s, Lang lang)
{
  if (lang == Lang::en)
    return s == Severity::error ? "✗ error" : s == Severity::warning ? "! warning" : "? manual";
  return s == Severity::error ? "✗ 错误" : s == Severity::warning ? "! 警告" : "? 人工";
}

std::string check_summary(const check::CheckReport& r, Lang lang)
{
  const auto& sub = r.submission;
  std::vector<std::string> manual_ids; // one confirmation per item, however many works it names
  for (const auto& f : r.findings)
    if (f.severity == Severity::manual &&
        std::find(manual_ids.begin(), manual_ids.end(), f.check) == manual_ids.end())
      manual_ids.push_back(f.check);
  if (lang == Lang::en)
    return fmt::format("{} files, {} works: {} error{}, {} warning{}, {} to confirm by hand",
                       sub.files.size(), sub.works.size(), r.count(Severity::error),
                       r.count(Severity::error) == 1 ? "" : "s", r.count(Severity::warning),
                       r.count(Severity::warning) == 1 ? "" : "s", manual_ids.size());
  return fmt::format("共 {} 个文件、{} 部作品：{} 个错误，{} 个警告，{} 项需人工确认",
                     sub.files.size(), sub.works.size(), r.count(Severity::error),
                     r.count(Severity::warning), manual_ids.size());
}

GroupedFindings group_findings(const check::CheckReport& report)
{
  GroupedFindings g;
  for (const auto& f : report.findings) {
    if (f.severity == Severity::manual || f.severity == Severity::info)
      g.manual.push_back(&f);
    else
      g.by_work[f.work].push_back(&f);
  }
  return g;
}

} // namespace mpcheck::report
