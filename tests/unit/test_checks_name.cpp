// name.*: checks/name.cpp on hand-built Changzhou submissions (作品名-分类-报送单位 and the
// file-system rules).
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks: name.pattern, name.category, name.unit, name.extension")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微电影-钟楼区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微视频-天宁区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微视频-钟楼区委组织部（无字幕）.mov", good_video());
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "name.pattern") ==
        std::vector<std::string>{"作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.category") ==
        std::vector<std::string>{"作品/初心-微电影-钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.unit") ==
        std::vector<std::string>{"作品/初心-微视频-天宁区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.extension") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（无字幕）.mov"});
}

TEST_CASE("checks: name.unit against --unit")
{
  checks::Options o;
  o.unit = "天宁区委组织部";
  CHECK(paths_of(run(pair_with(good_video()), changzhou(), o), "name.unit").size() == 2);
}
