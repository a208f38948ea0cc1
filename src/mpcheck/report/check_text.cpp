#include "mpcheck/report/check_report.hpp"
#include "mpcheck/report/terminal.hpp"
#include "mpcheck/report/words.hpp"

#include <algorithm>
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

std::string paint(const std::string& text, Severity s, bool color)
{
  if (!color)
    return text;
  const char* code = s == Severity::error     ? "\033[1;31m"
                     : s == Severity::warning ? "\033[33m"
                                              : "\033[36m";
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
  out += fmt::format("{}{} {}  {}\n", indent, paint(label, f.severity, style.color), f.check,
                     single_line(f.message.in(style.lang)));
  if (!f.expected.empty() || !f.actual.empty())
    out += fmt::format("{}{}{}: {}   {}: {}\n", indent, std::string(11, ' '), w.expected,
                       single_line(f.expected.in(style.lang)), w.actual,
                       single_line(f.actual.in(style.lang)));
}

// Each finding with its fix right under it. Findings of one file that share a fix (one ffmpeg
// command mends the frame rate and the bit rate) are shown together, where the first of them
// stands, and the fix once under the last of them.
void append_with_fixes(std::string& out, const std::vector<const Finding*>& findings,
                       const TextStyle& style, const char* indent)
{
  std::vector<bool> shown(findings.size(), false);
  for (size_t i = 0; i < findings.size(); ++i) {
    if (shown[i])
      continue;
    const std::string& hint = findings[i]->hint.in(style.lang);
    for (size_t k = i; k < findings.size(); ++k)
      if (k == i || (!shown[k] && !hint.empty() && findings[k]->hint.in(style.lang) == hint)) {
        append_finding(out, *findings[k], style, indent);
        shown[k] = true;
      }
    if (!hint.empty())
      out += fmt::format("{}{}→ {}: {}\n", indent, std::string(11, ' '), words(style.lang).fix,
                         single_line(hint));
  }
}

// Findings grouped by path, in report order; each finding's fix under it.
void append_by_path(std::string& out, const std::vector<const Finding*>& findings,
                    const TextStyle& style)
{
  for (size_t i = 0; i < findings.size();) {
    size_t j = i;
    while (j < findings.size() && findings[j]->path == findings[i]->path)
      ++j;
    const std::vector<const Finding*> group(findings.begin() + long(i), findings.begin() + long(j));
    if (!findings[i]->path.empty())
      out += "  " + single_line(findings[i]->path) + "\n";
    append_with_fixes(out, group, style, "    ");
    i = j;
  }
}

// Manual items once per id and text, with the works they concern. An id whose text differs
// from work to work ("作品“初心如磐”缺少课件") names its work in the text: a line each, with no
// list after it (a title that merely occurs in a shared text, the theme “我和我的祖国”, is
// still listed).
void append_manual(std::string& out, const std::vector<const Finding*>& manual,
                   const TextStyle& style)
{
  using Key = std::pair<std::string, std::string>;
  std::vector<Key> order;
  std::map<Key, std::vector<const Finding*>> by_id;
  std::vector<std::string> ids; // in order of first appearance: the lines of one id together
  for (const Finding* f : manual) {
    const Key key{f->check, f->message.in(style.lang)};
    if (!by_id.count(key))
      order.push_back(key);
    by_id[key].push_back(f);
    if (std::find(ids.begin(), ids.end(), f->check) == ids.end())
      ids.push_back(f->check);
  }
  std::map<std::string, int> texts_of; // how many different texts each id has
  for (const auto& key : order)
    ++texts_of[key.first];
  const auto rank = [&](const Key& k) { return std::find(ids.begin(), ids.end(), k.first); };
  std::stable_sort(order.begin(), order.end(),
                   [&](const Key& a, const Key& b) { return rank(a) < rank(b); });
  for (const auto& key : order) {
    const std::string& id = key.first;
    const auto& items = by_id[key];
    const bool text_per_work = texts_of[id] > 1;
    std::string works;
    for (size_t k = 0; k < items.size() && k < 3 && !text_per_work; ++k)
      if (!items[k]->work.empty())
        works += "《" + single_line(items[k]->work) + "》";
    if (items.size() > 3 && !text_per_work)
      works += style.lang == Lang::en ? fmt::format(" and {} more", items.size() - 3)
                                      : fmt::format("等 {} 部", items.size());
    out += fmt::format("  {} {}  {}{}\n", items.front()->severity == Severity::info ? "ℹ" : "☐", id,
                       items.front()->message.in(style.lang), works.empty() ? "" : "  " + works);
  }
}

// `text` on one line, without control characters: a QR code may hold line breaks (a vCard)
// or terminal escape sequences.
std::string one_line(std::string text)
{
  for (char& c : text)
    if ((unsigned char)c < 0x20 || c == 0x7f)
      c = ' ';
  return text;
}

// The texts of the QR codes found in the work's pictures, for the user to see where each
// leads (an info line, not a finding): "ℹ 二维码：https://…（作品/…（二维码）.jpg）".
void append_qr_codes(std::string& out, const Submission& sub, const Work& work,
                     const TextStyle& style)
{
  for (int i : work.files) {
    const auto& file = sub.files[size_t(i)];
    if (!file.facts.image || !file.facts.image->qr_codes)
      continue;
    for (const auto& text : *file.facts.image->qr_codes)
      out += style.lang == Lang::en
                 ? fmt::format("  ℹ QR code: {}  ({})\n", one_line(text), single_line(file.path))
                 : fmt::format("  ℹ 二维码：{}（{}）\n", one_line(text), single_line(file.path));
  }
}

} // namespace

std::string finding_details(const Finding& f, Lang lang)
{
  const Words& w = words(lang);
  std::string out;
  const auto line = [&](const char* label, const std::string& value) {
    if (!value.empty())
      out += fmt::format("{}: {}\n", label, value);
  };
  line(w.expected, f.expected.in(lang));
  line(w.actual, f.actual.in(lang));
  line(w.fix, f.hint.in(lang));
  line(w.source, f.source.empty() ? "" : "“" + f.source + "”");
  return out;
}

std::string check_text(const checks::CheckReport& report, const TextStyle& style)
{
  const Words& w = words(style.lang);
  const auto& rules = *report.rules;
  std::string out = fmt::format("{} — {} ({})\n", w.title, rules.title.in(style.lang), rules.id);
  const Submission& sub = report.submission;
  const bool files = sub.scope == Scope::files;
  out += fmt::format("{}: {}   {}: {}", files ? w.files : w.root,
                     single_line(files || sub.root.empty() ? sub.label : sub.root), w.as_of,
                     report.as_of.str());
  if (rules.deadline)
    out += fmt::format("   {}: {}", w.deadline, rules.deadline->value.str());
  out += "\n";
  const auto [by_work, manual] = group_findings(report);
  for (size_t i = 0; i < report.submission.works.size(); ++i) {
    const Work& work = report.submission.works[i];
    auto it = by_work.find(work.title);
    out += fmt::format("\n{}《{}》{}{}\n", w.work, single_line(work.title),
                       work.category.empty() ? "" : "（" + single_line(work.category) + "）",
                       it == by_work.end() ? "  ✓ " + work_ok(report, int(i), style.lang) : "");
    if (!style.quiet)
      append_qr_codes(out, report.submission, work, style);
    if (it != by_work.end())
      append_by_path(out, it->second, style);
  }
  if (auto it = by_work.find(""); it != by_work.end()) {
    out += fmt::format("\n{}\n", w.whole);
    append_by_path(out, it->second, style);
  }
  if (!manual.empty() && !style.quiet) {
    out += fmt::format("\n{}\n", w.manual);
    append_manual(out, manual, style);
  }
  if (!report.unread.empty())
    out += "\n";
  for (const auto& p : report.unread)
    out +=
        paint("✗ " + single_line(unread_text(p, style.lang)), Severity::error, style.color) + "\n";
  if (const std::string note = fast_note(report, style.lang); !note.empty())
    out += "\n" + note + "\n";
  out += "\n" + check_summary(report, style.lang) + fast_note_in_summary(report, style.lang) + "\n";
  return terminal_safe(out);
}

std::string check_text(Reports reports, const TextStyle& style)
{
  if (reports.size() == 1)
    return check_text(reports.front(), style);
  std::string out;
  for (const auto& report : reports)
    out += (out.empty() ? "" : "\n" + std::string(60, '=') + "\n\n") + check_text(report, style);
  out += "\n" + std::string(60, '=') + "\n" + drives_heading(reports.size(), style.lang) + "\n";
  for (const auto& report : reports) {
    const checks::Summary s = checks::summarize(report);
    const bool failed = s.error > 0 || !report.unread.empty();
    const Severity worst = failed ? Severity::error : Severity::warning;
    std::string line = single_line(drive_line(report, style.lang));
    if (undecoded_videos(report) > 0)
      line += style.lang == Lang::en ? " (--fast: pictures and sound not decoded)"
                                     : "（--fast：画面和声音未解码）";
    out += (failed || s.warning > 0 ? paint(line, worst, style.color) : line) + "\n";
  }
  return out;
}

} // namespace mpcheck::report
