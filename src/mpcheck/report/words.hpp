#pragma once
// The words the check reports share (text and HTML): labels in Chinese and English, the
// severity labels, the summary line.

#include <map>
#include <string>
#include <vector>

#include "mpcheck/checks/result.hpp"
#include "mpcheck/core/lang.hpp"

namespace mpcheck::report {

struct Words {
  const char* title;
  const char* root;
  const char* files; // the loose files checked
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

const Words& words(Lang lang);

// "✗ 错误", "! warning", ...
std::string severity_label(Severity s, Lang lang);

// The videos of a work (all of the report's when `work` < 0) whose pictures and sound were not
// decoded — checked with --fast: no deep facts though they could have been analysed.
size_t undecoded_videos(const checks::CheckReport& r, int work = -1);

// The mark of a work without findings: "没有发现问题", or with --fast "没有发现问题（--fast：
// 未解码画面和声音，黑场、静音、响度等未检查）", so that a green tick is not read as "all good"
// for what was never looked at.
std::string work_ok(const checks::CheckReport& r, int work, Lang lang);

// Once per report, before its summary, when videos were not decoded (--fast): which checks
// were therefore not done, and how to have them done; "" otherwise.
std::string fast_note(const checks::CheckReport& r, Lang lang);

// What the text report's summary adds after its counts when it printed fast_note: the note is
// no finding (JSON and the other formats count none), so the summary names it beside its
// "0 条提示" instead of counting it: "（另有上面 ℹ 的一条 --fast 说明：…）"; "" without one.
std::string fast_note_in_summary(const checks::CheckReport& r, Lang lang);

// "共 8 个文件、2 部作品：0 个错误，0 个警告，14 项需人工确认，2 条提示": checks::summarize's
// counts, the same every format shows.
std::string check_summary(const checks::CheckReport& r, Lang lang);

// The closing line of one drive when several were checked: "✗ /media/usb1  共 8 个文件…".
std::string drive_line(const checks::CheckReport& r, Lang lang);

// Why a PATH could not be read, one line: "无法读取 d2：没有读取权限" / "cannot read d2:
// permission denied" (stderr, and the entry every report format gives the PATH); also the
// usage errors of a PATH (not-found, not-file) that check and fix print before any work.
std::string unread_text(const checks::UnreadPath& p, Lang lang);

// The heading of the closing lines: "共检查 3 份报送：" / "3 submissions checked:".
std::string drives_heading(size_t count, Lang lang);

// The findings as the reports show them: errors and warnings by work title ("" for the whole
// submission and files of no work), the items to confirm by hand (and infos) apart.
struct GroupedFindings {
  std::map<std::string, std::vector<const Finding*>> by_work;
  std::vector<const Finding*> manual;
};
GroupedFindings group_findings(const checks::CheckReport& report);

} // namespace mpcheck::report
