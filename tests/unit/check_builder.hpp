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
