#include "mpcheck/report/check_report.hpp"

#include <map>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace mpcheck::report {

int display_width(const std::string& utf8)
{
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = int32_t(utf8.size());
  int width = 0;
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++width;
      continue;
    }
    if (u_getCombiningClass(c) > 0 || c == 0x200b)
      continue;
    const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

namespace {

struct Words {
  const char* title;
  const char* root;
  const char* as_of;
  const char* deadline;
  const char* work;
  const char* whole;
  const char* manual;
  const char* expected;
  const char* actual;
  const char* fix;
  const char* source;
  const char* ok;
};

const Words& words(Lang lang)
{
  static const Words zh{"mpcheck 检查报告", "检查目录", "检查日期", "截止日期", "作品", "整体与其他文件",
                        "需人工确认", "要求", "实际", "怎么改", "依据", "没有发现问题"};
  static const Words en{"mpcheck report", "checked", "as of", "deadline", "work", "whole submission and other files",
                        "to confirm by hand", "expected", "found", "fix", "rule", "no problems found"};
  return lang == Lang::en ? en : zh;
}

std::string severity_label(Severity s, Lang lang)
{
  if (lang == Lang::en)
    return s == Severity::error ? "✗ error" : s == Severity::warning ? "! warning" : "? manual";
  return s == Severity::error ? "✗ 错误" : s == Severity::warning ? "! 警告" : "? 人工";
}

std::string paint(const std::string& text, Severity s, bool color)
{
  if (!color)
    return text;
  const char* code = s == Severity::error ? "\033[1;31m" : s == Severity::warning ? "\033[33m" : "\033[36m";
  return code + text + "\033[0m";
}

std::string pad(const std::string& text, int width)
{
  return text + std::string(size_t(std::max(0, width - display_width(text))), ' ');
}

void append_finding(std::string& out, const Finding& f, const TextStyle& style, const char* indent)
{
  const Words& w = words(style.lang);
  const std::string label = pad(severity_label(f.severity, style.lang), 10);
  out += fmt::format("{}{} {}  {}\n", indent, paint(label, f.severity, style.color), f.check, f.message.in(style.lang));
  const std::string more = std::string(indent) + std::string(11, ' ');
  if (!f.expected.empty() || !f.actual.empty())
    out += fmt::format("{}{}: {}   {}: {}\n", more, w.expected, f.expected, w.actual, f.actual);
  if (!f.hint.in(style.lang).empty())
    out += fmt::format("{}{}: {}\n", more, w.fix, f.hint.in(style.lang));
}

// Findings grouped by path, in report order.
void append_by_path(std::string& out, const std::vector<const Finding*>& findings, const TextStyle& style)
{
  std::string current = "\x01";
  for (const Finding* f : findings) {
    if (f->path != current) {
      current = f->path;
      if (!current.empty())
        out += "  " + current + "\n";
    }
    append_finding(out, *f, style, "    ");
  }
}

std::string summary(const check::CheckReport& r, Lang lang)
{
  const auto& sub = r.submission;
  if (lang == Lang::en)
    return fmt::format("{} files, {} works: {} errors, {} warnings, {} to confirm by hand", sub.files.size(),
                       sub.works.size(), r.count(Severity::error), r.count(Severity::warning),
                       r.count(Severity::manual));
  return fmt::format("共 {} 个文件、{} 部作品：{} 个错误，{} 个警告，{} 项需人工确认", sub.files.size(), sub.works.size(),
                     r.count(Severity::error), r.count(Severity::warning), r.count(Severity::manual));
}

} // namespace

std::string check_text(const check::CheckReport& report, const TextStyle& style)
{
  const Words& w = words(style.lang);
  const auto& rules = *report.rules;
  std::string out = fmt::format("{} — {} ({})\n", w.title, rules.title.in(style.lang), rules.id);
  out += fmt::format("{}: {}   {}: {}", w.root, report.submission.root, w.as_of, report.as_of.str());
  if (rules.deadline)
    out += fmt::format("   {}: {}", w.deadline, rules.deadline->value.str());
  out += "\n";
  std::map<std::string, std::vector<const Finding*>> by_work;
  std::vector<const Finding*> manual;
  for (const auto& f : report.findings) {
    if (f.severity == Severity::manual || f.severity == Severity::info)
      manual.push_back(&f);
    else
      by_work[f.work].push_back(&f);
  }
  for (const auto& work : report.submission.works) {
    auto it = by_work.find(work.title);
    out += fmt::format("\n{}《{}》（{}）{}\n", w.work, work.title, work.category,
                       it == by_work.end() ? std::string("  ✓ ") + w.ok : "");
    if (it != by_work.end())
      append_by_path(out, it->second, style);
  }
  if (auto it = by_work.find(""); it != by_work.end()) {
    out += fmt::format("\n{}\n", w.whole);
    append_by_path(out, it->second, style);
  }
  if (!manual.empty() && !style.quiet) {
    out += fmt::format("\n{}\n", w.manual);
    for (const Finding* f : manual)
      out += fmt::format("  {} {}{}  {}\n", f->severity == Severity::info ? "ℹ" : "☐",
                         f->work.empty() ? "" : "《" + f->work + "》", f->check, f->message.in(style.lang));
  }
  out += "\n" + summary(report, style.lang) + "\n";
  return out;
}

} // namespace mpcheck::report
