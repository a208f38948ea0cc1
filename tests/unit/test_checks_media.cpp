// media.* and container.format: checks/media.cpp on hand-built facts (what the probe could
// read of a file, and its container).
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& clean_name = changzhou_clean;

} // namespace

TEST_CASE("checks: container.format of a QuickTime file named .mp4")
{
  MediaFacts f = good_video();
  f.container->format = "mov";
  f.container->brand = "qt";
  CHECK(paths_of(run(pair_with(f), changzhou()), "container.format") ==
        std::vector<std::string>{clean_name});
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

TEST_CASE("checks: media.truncated and media.unreadable")
{
  MediaFacts cut = good_video();
  cut.truncated = true;
  CHECK(paths_of(run(pair_with(cut), changzhou()), "media.truncated") ==
        std::vector<std::string>{clean_name});
  MediaFacts bad;
  bad.size = 100;
  bad.error = ProbeError{"not-media", ""};
  const auto findings = run(pair_with(bad), changzhou());
  CHECK(paths_of(findings, "media.unreadable") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.resolution").empty());
}

TEST_CASE("checks (deep): media.decode-error, not for truncated files")
{
  MediaFacts f = analysed();
  f.deep->video_decode_errors = 3;
  auto findings = one_file(f);
  REQUIRE(paths_of(findings, "media.decode-error") == the_file);
  CHECK(findings[0].actual.en == "3 picture and 0 sound decode errors");
  f.truncated = true;
  CHECK(paths_of(one_file(f), "media.decode-error").empty());
  f = analysed();
  f.deep->error = "no-pictures";
  CHECK(paths_of(one_file(f), "media.decode-error") == the_file);
}
