#pragma once
// The forms the campaign notices attach, filled from plain data: each function returns a
// DocxWriter holding one form laid out like the notice's attachment (its title, labels, merged
// cells, blank rows, 注 lines, （盖章） and 年 月 日 for the seal), ready to write(). The
// wording is the notice's own; see docs/forms.md for the layout decisions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mpcheck/docs/docx.hpp"

namespace mpcheck::docs {

// One work of a submission, as the works manifest describes it.
struct WorkEntry {
  std::string title, category, producer /*制作单位*/, creators /*主创人员*/, summary /*内容简介*/;
  int episodes = 1;               // 总集数; < 1 leaves the box blank
  double minutes_per_episode = 0; // 每集时长; 0 leaves the box blank
  std::string new_media_type /*类型*/, platform /*发布平台*/, reach /*传播效果*/;
  std::optional<Image> qr_image; // the PNG or JPEG of the work's address (新媒体作品), loaded
};

// The submitting unit (报送单位) and its contact.
struct UnitInfo {
  std::string unit, contact, phone;
};

// One lecture: a row of 焦作's 统计表 (speaker, position, title, date, audience = 听课人数) or a
// record of the branch plan's 授课记录 (date = 授课时间, audience = 参与人员, plus content and
// discussion).
struct LectureEntry {
  std::string speaker, position, title, date, audience;
  std::string content;    // 主要内容 (授课记录 only)
  std::string discussion; // 讨论交流情况 (授课记录 only)
};

// One person of 焦作's 微型党课宣讲员师资库 (附件2): 姓名 性别 出生年月 单位 职务 手机号.
struct LecturerEntry {
  std::string name, gender, born /*出生年月: 1975-03 or as written*/, unit, position, phone;
};

// Font sizes in half-points, by their Chinese names.
inline constexpr int size_xiaosi = 24; // 小四, 12 pt: the forms' body text
inline constexpr int size_wuhao = 21;  // 五号, 10.5 pt
inline constexpr int size_xiaowu = 18; // 小五, 9 pt: the smallest a long value is set in

// The measuring the forms are laid out by (docs/forms.md, "Measured layout"). A character is
// as wide as the fonts make it: a Chinese character or full-width mark 1 em, a digit ½ em, a
// Latin letter at most ¾ em; a line is 1.45 em high (Noto CJK's ascent plus descent, the
// tallest of the fonts Word, WPS and LibreOffice set the forms in). Chinese text breaks
// between any two characters (but a closing mark such as ，。） never starts a line), Latin
// words only at spaces; '\n' starts a new line.
Twips text_width(std::string_view text, int half_points); // the widest line, unbroken
int line_count(std::string_view text, Twips width, int half_points);
Twips line_height(int half_points);
Twips text_height(std::string_view text, Twips width, int half_points);

// The largest of 小四, 五号 and 小五 at which `text` takes at most `max_lines` lines of `width`;
// 小五 when none does.
int size_for_lines(std::string_view text, Twips width, int max_lines);

// The largest of 小四, 五号 and 小五, not below `smallest`, at which `text` is at most `height`
// high in `width`; `smallest` when none is.
int size_for_height(std::string_view text, Twips width, Twips height, int smallest);

// A day as Chinese forms write it: "2019-09-03" → "2019年9月3日"; other text unchanged.
std::string chinese_date(std::string_view text);

// A month as Chinese forms write it: "1975-03" → "1975年3月"; other text unchanged.
std::string chinese_month(std::string_view text);

// 常组通〔2024〕40号 附件4 全市党员教育作品观摩交流活动汇总表: 报送单位/联系人/联系电话 and
// a table 序号 作品名称 类别 制作单位 with one row per work, at least the original's 10 rows
// (序号 1–10 printed as in the original).
DocxWriter changzhou_summary(const UnitInfo& unit, const std::vector<WorkEntry>& works);

// 常组通〔2024〕40号 附件2 报名表（一） (典型事迹片 … “党课开讲啦”视频) for one work: 名称,
// 制作单位, 类别 / 总集数 / 每集时长, 主创人员, 内容简介, and 报送单位意见 with （盖章） 年 月 日.
// Measured to one A4 page with its seal box and 注 line: long values are set smaller (五号,
// then 小五) until the form fits; a summary of 500 characters does.
DocxWriter changzhou_entry_video(const UnitInfo& unit, const WorkEntry& work);

// 常组通〔2024〕40号 附件3 报名表（二） (新媒体作品) for one work. The (二维码) cell spans the rows
// 名称 to 主创人员 and shows work.qr_image when there is one (the
// "(二维码)" placeholder otherwise, and the form is still produced). Fits one page as 报名表（一）.
DocxWriter changzhou_entry_new_media(const UnitInfo& unit, const WorkEntry& work);

// 焦宣文〔2019〕15号 附件1 焦作市“我和我的祖国”微型党课系列活动统计表: 讲课人姓名 职务 微党课题目
// 讲课日期 听课人数, one row per lecture and at least the original's 10 rows, then the merged
// row "我单位党员上台讲微党课共计 N 次，…" with N = the number of lectures when there are any.
// Dates are written 2019年6月12日. The header row repeats on every page; no row breaks across
// pages.
DocxWriter jiaozuo_statistics(const UnitInfo& unit, const std::vector<LectureEntry>& lectures);

// 焦宣文〔2019〕15号 附件2 焦作市微型党课宣讲员师资库统计表: 县市区（盖章）： and a table 姓名 性别
// 出生年月 单位 职务 手机号, one row per person, at least the original's 12 rows.
DocxWriter jiaozuo_lecturers(const UnitInfo& unit, const std::vector<LecturerEntry>& people);

// The branch plan's 授课记录 (授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况): one
// page and table per lecture; a single blank record when `lectures` is empty.
DocxWriter branch_lecture_record(const UnitInfo& unit, const std::vector<LectureEntry>& lectures);

} // namespace mpcheck::docs
