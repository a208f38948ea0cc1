// work.duplicate: the decision on hand-built submissions whose files carry their SHA-256 (as
// gather/duplicates.cpp sets it); the quotas (work.count, work.category-count, work.episodes)
// and work.age.
#include <algorithm>
#include <map>

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string unit = "钟楼区委组织部";

std::string video(const std::string& title, const std::string& variant)
{
  return "作品/" + title + "-微视频-" + unit + variant + ".mp4";
}

// Two complete 微视频 works; `hashes` gives files (by path) their SHA-256.
std::vector<Finding> run_with(TreeBuilder b, const std::map<std::string, std::string>& hashes)
{
  Submission sub = b.build(changzhou());
  for (auto& f : sub.files)
    if (auto it = hashes.find(f.path); it != hashes.end())
      f.sha256 = it->second;
  checks::Options options;
  options.as_of = Date{2024, 9, 1};
  return checks::run_all(sub, changzhou(), options);
}

TreeBuilder two_works()
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"奋斗者之歌", "初心如磐"});
  for (const char* t : {"奋斗者之歌", "初心如磐"})
    b.file(video(t, "（有字幕）"), good_video()).file(video(t, "（无字幕）"), good_video());
  return b;
}

const Finding* find(const std::vector<Finding>& findings, const std::string& check)
{
  for (const auto& f : findings)
    if (f.check == check)
      return &f;
  return nullptr;
}

} // namespace

TEST_CASE("checks: work.duplicate names the earlier copy, on the later file")
{
  const auto findings = run_with(two_works(), {{video("奋斗者之歌", "（无字幕）"), "aa"},
                                               {video("初心如磐", "（无字幕）"), "aa"}});
  CHECK(paths_of(findings, "work.duplicate") ==
        std::vector<std::string>{video("奋斗者之歌", "（无字幕）")});
  const Finding* f = find(findings, "work.duplicate");
  REQUIRE(f);
  CHECK(f->severity == Severity::warning);
  CHECK(f->work == "奋斗者之歌");
  CHECK(f->actual.zh == "与 " + video("初心如磐", "（无字幕）") + " 完全相同");
  CHECK(f->message.en.find("'" + video("初心如磐", "（无字幕）") + "'") != std::string::npos);
}

TEST_CASE("checks: work.duplicate is quiet for different content and for a work's own pair")
{
  CHECK(paths_of(run_with(two_works(), {}), "work.duplicate").empty());
  CHECK(paths_of(run_with(two_works(), {{video("奋斗者之歌", "（无字幕）"), "aa"},
                                        {video("初心如磐", "（无字幕）"), "bb"}}),
                 "work.duplicate")
            .empty());
  // Subtitled and clean versions with the same bytes: subtitles.not-burned's finding, not this.
  CHECK(paths_of(run_with(two_works(), {{video("奋斗者之歌", "（有字幕）"), "aa"},
                                        {video("奋斗者之歌", "（无字幕）"), "aa"}}),
                 "work.duplicate")
            .empty());
}

TEST_CASE("checks: work.duplicate across a pair and another work, and between episodes")
{
  // Both versions of 奋斗者之歌 are 初心如磐's clean version (first in path order) again: each
  // is a copy of another work, whatever they are to each other.
  auto findings = run_with(two_works(), {{video("奋斗者之歌", "（有字幕）"), "aa"},
                                         {video("奋斗者之歌", "（无字幕）"), "aa"},
                                         {video("初心如磐", "（无字幕）"), "aa"}});
  auto paths = paths_of(findings, "work.duplicate");
  std::sort(paths.begin(), paths.end());
  CHECK(paths == std::vector<std::string>{video("奋斗者之歌", "（无字幕）"),
                                          video("奋斗者之歌", "（有字幕）")});
  for (const auto& f : findings)
    if (f.check == "work.duplicate")
      CHECK(f.actual.en == "identical to " + video("初心如磐", "（无字幕）"));
  // A work's own pair plus a third copy of the same version: the copy is named after the
  // version it repeats, not after its pair.
  TreeBuilder b = two_works();
  b.file("作品/奋斗者之歌-微视频-" + unit + "纯净版.mp4", good_video());
  findings = run_with(b, {{video("奋斗者之歌", "（有字幕）"), "aa"},
                          {video("奋斗者之歌", "（无字幕）"), "aa"},
                          {"作品/奋斗者之歌-微视频-" + unit + "纯净版.mp4", "aa"}});
  const Finding* f = find(findings, "work.duplicate");
  REQUIRE(paths_of(findings, "work.duplicate").size() == 1);
  CHECK(f->path == video("奋斗者之歌", "（无字幕）")); // 纯净版 sorts first
  CHECK(f->actual.en == "identical to 作品/奋斗者之歌-微视频-" + unit + "纯净版.mp4");
  // Episode 2 of a series is episode 1 again.
  b = two_works();
  const std::string ep1 = "作品/系列（第1集）-纪录片-" + unit + ".mp4";
  const std::string ep2 = "作品/系列（第2集）-纪录片-" + unit + ".mp4";
  b.file(ep1, good_video(700)).file(ep2, good_video(700));
  findings = run_with(b, {{ep1, "cc"}, {ep2, "cc"}});
  CHECK(paths_of(findings, "work.duplicate") == std::vector<std::string>{ep2});
}

TEST_CASE("checks: work.count, work.category-count, work.episodes, work.age")
{
  TreeBuilder b;
  std::vector<std::string> titles;
  for (int i = 1; i <= 11; ++i)
    titles.push_back("作品" + std::to_string(i));
  b.changzhou_layout(unit, titles);
  for (const auto& t : titles) {
    b.file("作品/" + t + "-微视频-" + unit + "（有字幕）.mp4", good_video());
    b.file("作品/" + t + "-微视频-" + unit + "（无字幕）.mp4", good_video());
  }
  for (int i = 1; i <= 3; ++i)
    b.file("作品/新媒体" + std::to_string(i) + "-新媒体作品-" + unit + ".jpg");
  for (int e = 1; e <= 3; ++e)
    b.file("作品/系列（第" + std::to_string(e) + "集）-纪录片-" + unit + ".mp4", good_video(700));
  MediaFacts old = good_video();
  old.container->creation_time = "2019-05-01T10:00:00.000000Z";
  b.file("作品/旧片-纪录片-" + unit + ".mp4", old);
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "work.count").size() == 1);
  CHECK(paths_of(findings, "work.category-count").size() == 1);
  CHECK(paths_of(findings, "work.episodes") ==
        std::vector<std::string>{"作品/系列（第1集）-纪录片-钟楼区委组织部.mp4"});
  CHECK(paths_of(findings, "work.age") ==
        std::vector<std::string>{"作品/旧片-纪录片-钟楼区委组织部.mp4"});
}

TEST_CASE("checks: work.count for a drive without a single work")
{
  TreeBuilder tb;
  tb.changzhou_layout(unit, {});
  const auto findings = run_sub(tb.build(changzhou()));
  CHECK(paths_of(findings, "work.count") == std::vector<std::string>{""});
  for (const auto& f : findings)
    if (f.check == "work.count") {
      CHECK(f.severity == Severity::error);
      CHECK(f.actual.zh == "0");
    }
  // A drive with a work has none of it.
  tb.file(changzhou_sub, good_video()).file(changzhou_clean, good_video());
  CHECK(paths_of(run_sub(tb.build(changzhou())), "work.count").empty());
}
