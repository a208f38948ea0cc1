#pragma once
// The forms the campaign notices attach, filled from plain data: each function returns a
// DocxWriter holding one form laid out like the notice's attachment (its title, labels, merged
// cells, blank rows, 注 lines, （盖章） and 年 月 日 for the seal), ready to write(). The
// wording is the notice's own; see docs/forms.md for the layout decisions.

#include <optional>
#include <string>
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

// 常组通〔2024〕40号 附件4 全市党员教育作品观摩交流活动汇总表: 报送单位/联系人/联系电话 and
// a table 序号 作品名称 类别 制作单位 with one row per work, at least the original's 10 rows
// (序号 1–10 printed as in the original).
DocxWriter changzhou_summary(const UnitInfo& unit, const std::vector<WorkEntry>& works);

// 常组通〔2024〕40号 附件2 报名表（一） (典型事迹片 … “党课开讲啦”视频) for one work: 名称,
// 制作单位, 类别 / 总集数 / 每集时长, 主创人员, 内容简介, and 报送单位意见 with （盖章） 年 月 日.
DocxWriter changzhou_entry_video(const UnitInfo& unit, const WorkEntry& work);

// 常组通〔2024〕40号 附件3 报名表（二） (新媒体作品) for one work. The (二维码) cell spans the rows
// 名称 to 主创人员 and shows the picture at work.qr_image_path when it can be loaded (the
// "(二维码)" placeholder otherwise, and the form is still produced).
DocxWriter changzhou_entry_new_media(const UnitInfo& unit, const WorkEntry& work);

// 焦宣文〔2019〕15号 附件1 焦作市“我和我的祖国”微型党课系列活动统计表: 讲课人姓名 职务 微党课题目
// 讲课日期 听课人数, one row per lecture and at least the original's 10 rows, then the merged
// row "我单位党员上台讲微党课共计 N 次，…" with N = the number of lectures when there are any.
DocxWriter jiaozuo_statistics(const UnitInfo& unit, const std::vector<LectureEntry>& lectures);

// The branch plan's 授课记录 (授课时间、授课人、授课主题、主要内容、参与人员、讨论交流情况): one
// page and table per lecture; a single blank record when `lectures` is empty.
DocxWriter branch_lecture_record(const UnitInfo& unit, const std::vector<LectureEntry>& lectures);

} // namespace mpcheck::docs
