#pragma once
// Hand-built submissions for the unit tests of the checks: facts without media.

#include <algorithm>
#include <string>
#include <vector>

#include "mpcheck/checks/context.hpp"
#include "mpcheck/gather/assemble.hpp"
#include "mpcheck/rules/loader.hpp"

namespace test {

using namespace mpcheck;

// A 1080p25 8 Mbps H.264/AAC MP4 of `seconds`: what Changzhou's 微视频 wants.
inline MediaFacts good_video(double seconds = 180)
{
  MediaFacts f;
  f.kind = "video";
  f.size = int64_t(seconds * 1e6) + 1;
  f.container = ContainerFacts{};
  f.container->format = "mp4";
  f.container->brand = "isom";
  f.container->duration_s = seconds;
  f.container->duration_known = true;
  VideoFacts v;
  v.codec = "h264";
  v.width = v.display_width = 1920;
  v.height = v.display_height = 1080;
  v.sar = {1, 1};
  v.dar = {16, 9};
  v.frame_rate = v.avg_frame_rate = {25, 1};
  v.constant_frame_rate = true;
  v.scan = "progressive";
  v.bitrate_measured = 8000000;
  f.video = v;
  f.audio.push_back(AudioFacts{1, "aac", 2, 48000, 128000, ""});
  return f;
}

struct TreeBuilder {
  scan::Tree tree;
  std::vector<MediaFacts> facts;

  TreeBuilder& dir(const std::string& path)
  {
    tree.dirs.push_back({path, "/x/" + path, 0, true, false, ""});
    return *this;
  }
  TreeBuilder& file(const std::string& path, MediaFacts f = {}, int64_t size = 1000)
  {
    if (f.size)
      size = f.size;
    tree.files.push_back({path, "/x/" + path, size, false, false, ""});
    facts.push_back(std::move(f));
    return *this;
  }
  // 作品/表格/文本 with the unit forms and one text per title.
  TreeBuilder& changzhou_layout(const std::string& unit, const std::vector<std::string>& titles)
  {
    dir("作品").dir("表格").dir("文本");
    MediaFacts docx;
    docx.document = DocumentFacts{"docx", true, ""};
    file("表格/报名表-" + unit + ".docx", docx).file("表格/汇总表-" + unit + ".docx", docx);
    for (const auto& t : titles)
      file("文本/" + t + "-解说词-" + unit + ".docx", docx);
    return *this;
  }
  Submission build(const rules::RuleSet& rules) const
  {
    return gather::assemble(tree, facts, rules);
  }
};

inline std::vector<Finding> run(const TreeBuilder& b, const rules::RuleSet& rules,
                                checks::Options options = {})
{
  if (options.as_of.year == 0)
    options.as_of = Date{2024, 9, 1};
  return checks::run_all(b.build(rules), rules, options);
}

// The built-in rule sets the tests run under, loaded once.
inline const rules::RuleSet& changzhou()
{
  static const rules::RuleSet r = rules::load_rules("changzhou-2024");
  return r;
}

inline const rules::RuleSet& liaoning()
{
  static const rules::RuleSet r = rules::load_rules("liaoning-2023");
  return r;
}

inline const rules::RuleSet& jiaozuo()
{
  static const rules::RuleSet r = rules::load_rules("jiaozuo-2019");
  return r;
}

// One Changzhou 微视频 work: the unit and the names of its two versions.
inline const std::string changzhou_unit = "钟楼区委组织部";
inline const std::string changzhou_sub = "作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4";
inline const std::string changzhou_clean = "作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4";

// A complete, correct Changzhou submission whose clean version has `clean` facts.
inline TreeBuilder pair_with(MediaFacts clean)
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  b.file(changzhou_sub, good_video()).file(changzhou_clean, std::move(clean));
  return b;
}

// The findings of a hand-built (or hand-edited) submission under Changzhou on 2024-09-01.
inline std::vector<Finding> run_sub(const Submission& sub)
{
  checks::Options options;
  options.as_of = Date{2024, 9, 1};
  return checks::run_all(sub, changzhou(), options);
}

// The ids of the findings (errors and warnings only unless `manual`).
inline std::vector<std::string> ids(const std::vector<Finding>& findings, bool manual = false)
{
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (manual || (f.severity != Severity::manual && f.severity != Severity::info))
      out.push_back(f.check);
  return out;
}

// A day inside Liaoning's campaign.
inline const checks::Options liaoning_day{Date{2023, 6, 10}, "", false, ""};

// good_video() with the deep analysis of a clean recording (12 samples, −23 LUFS).
inline MediaFacts analysed(double seconds = 180)
{
  MediaFacts f = good_video(seconds);
  f.video->duration_s = seconds;
  DeepFacts d;
  d.samples = 12;
  d.scan_content = "progressive";
  d.audio_measured = true;
  d.loudness_lufs = -23;
  d.true_peak_dbtp = -3;
  d.audio_duration_s = seconds;
  f.deep = d;
  return f;
}

// The findings of one loose file 课.mp4 under Liaoning (no naming or layout rules).
inline const std::vector<std::string> the_file{"课.mp4"};
inline std::vector<Finding> one_file(const MediaFacts& f)
{
  TreeBuilder b;
  b.file("课.mp4", f);
  return run(b, liaoning(), liaoning_day);
}

// A document the probe read (docx, pptx, xlsx, or "ole2" for an old .doc).
inline MediaFacts document(const char* format = "docx")
{
  MediaFacts f;
  f.document = DocumentFacts{format, true, ""};
  return f;
}

// Jiaozuo: two contest entries (a 5-minute lesson and its courseware each), the statistics
// table and, when `county`, the 县市区 documents: the teacher-pool table and the report.
inline TreeBuilder jiaozuo_entries(bool county)
{
  TreeBuilder b;
  b.file("我和我的祖国-张三.mp4", good_video(300)).file("我和我的祖国-张三.pptx", document("pptx"));
  b.file("家乡巨变-李四.mp4", good_video(300)).file("家乡巨变-李四.pptx", document("pptx"));
  b.file("统计表-修武县委宣传部.docx", document());
  if (county)
    b.file("师资库统计表-修武县委宣传部.xlsx", document("xlsx"))
        .file("情况报告-修武县委宣传部.docx", document());
  return b;
}

inline checks::Options as_of(Date day, std::string unit = "")
{
  checks::Options o;
  o.as_of = day;
  o.unit = std::move(unit);
  return o;
}

// The expected value (Chinese) of each finding of `id`.
inline std::vector<std::string> expected_of(const std::vector<Finding>& findings,
                                            const std::string& id)
{
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.check == id)
      out.push_back(f.expected.zh);
  return out;
}

// Findings of `check` for one 微视频 file under `rules` (by default Changzhou, whose notice
// says nothing of sound, colour or timing): the baselines.
inline std::vector<Finding> baseline(const MediaFacts& f, const std::string& check,
                                     const rules::RuleSet& rules = changzhou())
{
  TreeBuilder b;
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", f);
  std::vector<Finding> out;
  for (auto& finding : run(b, rules))
    if (finding.check == check)
      out.push_back(finding);
  return out;
}

// The findings of `check` (severity error or warning), by path.
inline std::vector<std::string> paths_of(const std::vector<Finding>& findings,
                                         const std::string& check)
{
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.check == check)
      out.push_back(f.path);
  return out;
}

inline int problems(const std::vector<Finding>& findings)
{
  return int(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::error || f.severity == Severity::warning;
  }));
}

} // namespace test
