#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;
using mpcheck::FileKind;

TEST_CASE("gather::split_episode")
{
  using mpcheck::gather::split_episode;
  CHECK(split_episode("初心（第3集）") == std::pair<std::string, int>{"初心", 3});
  CHECK(split_episode("初心 第12集") == std::pair<std::string, int>{"初心", 12});
  CHECK(split_episode("初心(第1期)") == std::pair<std::string, int>{"初心", 1});
  CHECK(split_episode("初心【第2集】") == std::pair<std::string, int>{"初心", 2});
  CHECK(split_episode("第3集") == std::pair<std::string, int>{"第3集", 0}); // nothing before it
  CHECK(split_episode("奋斗者之歌") == std::pair<std::string, int>{"奋斗者之歌", 0});
}

TEST_CASE("gather::assemble reads the episode after the unit, before or after the variant")
{
  const auto rules = mpcheck::rules::load_rules("changzhou-2024");
  TreeBuilder b;
  b.file("作品/系列-纪录片-钟楼区委组织部（第1集）.mp4", good_video());
  b.file("作品/系列-纪录片-钟楼区委组织部（第2集）.mp4", good_video());
  b.file("作品/系列-纪录片-钟楼区委组织部（第3集）.mp4", good_video());
  b.file("作品/微光-微视频-钟楼区委组织部（有字幕）（第1集）.mp4", good_video());
  b.file("作品/微光-微视频-钟楼区委组织部（第1集）（无字幕）.mp4", good_video());
  b.file("作品/微光-微视频-钟楼区委组织部（有字幕）（第2集）.mp4", good_video());
  const auto sub = b.build(rules);
  REQUIRE(sub.works.size() == 2);
  CHECK(sub.works[0].title == "系列");
  CHECK(sub.works[0].unit == "钟楼区委组织部");
  CHECK(sub.works[0].episodes == 3);
  CHECK(sub.works[1].episodes == 2);
  for (const auto& f : sub.files) {
    CAPTURE(f.path);
    REQUIRE(f.work_name);
    CHECK(f.work_name->ok);
    CHECK(f.work_name->name.unit == "钟楼区委组织部");
    CHECK(f.episode > 0);
  }
  CHECK(sub.files[4].work_name->name.variant == mpcheck::naming::Variant::clean);
  REQUIRE(sub.pairs.size() == 1); // episode 1 has both versions, episode 2 only one
}

TEST_CASE("gather::assemble groups versions and episodes into works")
{
  const auto rules = mpcheck::rules::load_rules("changzhou-2024");
  TreeBuilder b;
  b.dir("作品");
  b.file("作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.MP4", good_video());
  b.file("作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  b.file("作品/系列（第1集）-纪录片-钟楼区委组织部.mp4", good_video());
  b.file("作品/系列（第2集）-纪录片-钟楼区委组织部.mp4", good_video());
  b.file("作品/Thumbs.db");
  const auto sub = b.build(rules);
  REQUIRE(sub.works.size() == 2);
  CHECK(sub.works[0].title == "奋斗者之歌");
  CHECK(sub.works[0].files.size() == 2);
  CHECK(sub.works[1].title == "系列");
  CHECK(sub.works[1].episodes == 2);
  CHECK(sub.files[0].extension == ".mp4");
  CHECK(sub.files[4].kind == FileKind::junk);
  CHECK(sub.files[0].folder == "作品");
}

TEST_CASE("gather::assemble keeps invalid UTF-8 names reportable")
{
  const auto rules = mpcheck::rules::load_rules("changzhou-2024");
  TreeBuilder b;
  b.file("\xb7\xdc.mp4", good_video());
  const auto sub = b.build(rules);
  CHECK(sub.files[0].path == "\xef\xbf\xbd\xef\xbf\xbd.mp4");
  CHECK(sub.files[0].raw_path == "\xb7\xdc.mp4");
}
