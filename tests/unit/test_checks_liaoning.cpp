// The checks under the Liaoning rules: no naming or layout rules, landscape 1920x1080 MP4 with
// sound, at most 8 minutes.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const rules::RuleSet& liaoning()
{
  static const rules::RuleSet r = rules::load_rules("liaoning-2023");
  return r;
}

} // namespace

TEST_CASE("checks (liaoning): any name, any folder; a good video passes")
{
  TreeBuilder b;
  b.file("王老师的微党课.mp4", good_video(300));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks (liaoning): video.orientation counts the rotation")
{
  MediaFacts f = good_video();
  f.video->rotation = 90;
  f.video->display_width = 1080;
  f.video->display_height = 1920;
  TreeBuilder b;
  b.file("竖屏.mp4", f);
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  CHECK(paths_of(findings, "video.orientation") == std::vector<std::string>{"竖屏.mp4"});
  CHECK(paths_of(findings, "video.resolution").empty()); // stored as 1920x1080
}

TEST_CASE("checks (liaoning): audio.missing and duration.max")
{
  MediaFacts mute = good_video();
  mute.audio.clear();
  TreeBuilder b;
  b.file("无声.mp4", mute).file("太长.mp4", good_video(481));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  CHECK(paths_of(findings, "audio.missing") == std::vector<std::string>{"无声.mp4"});
  CHECK(paths_of(findings, "duration.max") == std::vector<std::string>{"太长.mp4"});
}

TEST_CASE("checks (liaoning): container.format, MKV named .mp4")
{
  MediaFacts f = good_video();
  f.container->format = "matroska";
  TreeBuilder b;
  b.file("课.mp4", f);
  CHECK(paths_of(run(b, liaoning(), {Date{2023, 6, 10}, "", false}), "container.format") ==
        std::vector<std::string>{"课.mp4"});
}
