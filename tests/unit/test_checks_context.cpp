// checks/context.cpp: run_all over a whole submission (every family at once) and the scope of
// a run (a drive, or loose files).
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks: a correct Changzhou submission has no errors or warnings")
{
  const auto findings = run(pair_with(good_video()), changzhou());
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks (liaoning): any name, any folder; a good video passes")
{
  TreeBuilder b;
  b.file("王老师的微党课.mp4", good_video(300));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks (deep): a clean analysis raises nothing")
{
  CHECK(problems(one_file(analysed())) == 0);
}

TEST_CASE("checks: a loose file gets its own checks, nothing about the drive")
{
  TreeBuilder tb;
  tb.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  Submission sub = tb.build(changzhou());
  // As a drive: folders, forms, the missing version...
  const auto as_drive = ids(run_sub(sub));
  CHECK(std::count(as_drive.begin(), as_drive.end(), "layout.folder-missing") == 3);
  CHECK(std::find(as_drive.begin(), as_drive.end(), "subtitles.pair-missing") != as_drive.end());
  CHECK(std::find(as_drive.begin(), as_drive.end(), "document.missing") != as_drive.end());
  // ...as a file: nothing wrong with it; its work's manual items only, none of the submission's.
  sub.scope = Scope::files;
  const auto findings = run_sub(sub);
  CHECK(ids(findings).empty());
  for (const auto& f : findings)
    CHECK(!f.work.empty());
  // Its own defects still show.
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  small.video->height = small.video->display_height = 720;
  TreeBuilder bad;
  bad.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", small).file("初心.mp4", good_video());
  Submission loose = bad.build(changzhou());
  loose.scope = Scope::files;
  const auto found = ids(run_sub(loose));
  CHECK(std::find(found.begin(), found.end(), "video.resolution") != found.end());
  CHECK(std::find(found.begin(), found.end(), "name.pattern") != found.end());
  CHECK(std::find(found.begin(), found.end(), "layout.misplaced") == found.end());
}
