#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;
using mpcheck::check::FileKind;

TEST_CASE("check::split_episode")
{
  using mpcheck::check::split_episode;
  CHECK(split_episode("初心（第3集）") == std::pair<std::string, int>{"初心", 3});
  CHECK(split_episode("初心 第12集") == std::pair<std::string, int>{"初心", 12});
  CHECK(split_episode("初心(第1期)") == std::pair<std::string, int>{"初心", 1});
  CHECK(split_episode("初心【第2集】") == std::pair<std::string, int>{"初心", 2});
  CHECK(split_episode("第3集") == std::pair<std::string, int>{"第3集", 0}); // nothing before it
  CHECK(split_episode("奋斗者之歌") == std::pair<std::string, int>{"奋斗者之歌", 0});
}

TEST_CASE("check::kind_from_extension")
{
  using mpcheck::check::kind_from_extension;
  CHECK(kind_from_extension(".mp4") == FileKind::video);
  CHECK(kind_from_extension(".jpg") == FileKind::image);
  CHECK(kind_from_extension(".docx") == FileKind::document);
  CHECK(kind_from_extension(".pptx") == FileKind::courseware);
  CHECK(kind_from_extension(".exe") == FileKind::other);
  CHECK(kind_from_extension("") == FileKind::other);
}

TEST_CASE("check::assemble groups versions and episodes into works")
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

TEST_CASE("check::assemble keeps invalid UTF-8 names reportable")
{
  const auto rules = mpcheck::rules::load_rules("changzhou-2024");
  TreeBuilder b;
  b.file("\xb7\xdc.mp4", good_video());
  const auto sub = b.build(rules);
  CHECK(sub.files[0].path == "\xef\xbf\xbd\xef\xbf\xbd.mp4");
  CHECK(sub.files[0].raw_path == "\xb7\xdc.mp4");
}
