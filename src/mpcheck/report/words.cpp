#include "mpcheck/report/words.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace mpcheck::report {

const Words& words(Lang lang)
{
  static const Words zh{
      "mpcheck 检查报告", "检查目录",   "检查文件", "检查日期", "截止日期", "作品",
      "整体与其他文件",   "需人工确认", "要求",     "实际",     "怎么改",   "依据",
      "没有发现问题"};
  static const Words en{"mpcheck report",
                        "checked",
                        "files checked",
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

std::string check_summary(const checks::CheckReport& r, Lang lang)
{
  const checks::Summary s = checks::summarize(r);
  if (lang == Lang::en)
    return fmt::format("{} file{}, {} work{}: {} error{}, {} warning{}, {} to confirm by hand, "
                       "{} note{}",
                       s.files, s.files == 1 ? "" : "s", s.works, s.works == 1 ? "" : "s", s.error,
                       s.error == 1 ? "" : "s", s.warning, s.warning == 1 ? "" : "s", s.manual,
                       s.info, s.info == 1 ? "" : "s");
  return fmt::format("共 {} 个文件、{} 部作品：{} 个错误，{} 个警告，{} 项需人工确认，{} 条提示",
                     s.files, s.works, s.error, s.warning, s.manual, s.info);
}

std::string drive_line(const checks::CheckReport& r, Lang lang)
{
  const checks::Summary s = checks::summarize(r);
  const char* mark = s.error > 0 || !r.unread.empty() ? "✗" : s.warning > 0 ? "!" : "✓";
  const std::string& label = r.submission.label.empty() ? r.submission.root : r.submission.label;
  std::string line = fmt::format("{} {}  {}", mark, label, check_summary(r, lang));
  for (const auto& p : r.unread)
    line += (lang == Lang::en ? "; " : "；") + unread_text(p, lang);
  return line;
}

std::string unread_text(const checks::UnreadPath& p, Lang lang)
{
  const bool en = lang == Lang::en;
  if (p.reason == "not-found")
    return en ? fmt::format("{}: no such file or folder", p.path)
              : fmt::format("路径不存在：{}", p.path);
  if (p.reason == "not-file")
    return en ? fmt::format("{}: neither a file nor a folder", p.path)
              : fmt::format("不是文件或文件夹：{}", p.path);
  if (p.reason == "permission")
    return en ? fmt::format("cannot read {}: permission denied (not checked)", p.path)
              : fmt::format("无法读取 {}：没有读取权限（未检查）", p.path);
  if (p.reason == "loop")
    return en ? fmt::format("cannot read {}: a loop of symbolic links (not checked)", p.path)
              : fmt::format("无法读取 {}：符号链接循环（未检查）", p.path);
  return en ? fmt::format("cannot read {}: a read error (disk or USB drive; not checked)", p.path)
            : fmt::format("无法读取 {}：读取出错（磁盘或U盘读错误，未检查）", p.path);
}

std::string drives_heading(size_t count, Lang lang)
{
  return lang == Lang::en ? fmt::format("{} submissions checked:", count)
                          : fmt::format("共检查 {} 份报送：", count);
}

GroupedFindings group_findings(const checks::CheckReport& report)
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
