// layout/rename.cpp: the renames of `mpcheck rename`, planned without touching the disk.
#include "mpcheck/layout/rename.hpp"

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;
using namespace mpcheck::layout;

TEST_CASE("layout::plan_renames gives look-alike names their canonical spelling")
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  b.file("作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4", good_video())
      .file(changzhou_clean, good_video());
  const RenamePlan plan = plan_renames(b.build(changzhou()), changzhou(), "");
  REQUIRE(plan.renames.size() == 1); // the clean version is already canonical
  CHECK(plan.renames[0].from == "作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4");
  CHECK(plan.renames[0].to == changzhou_sub);
  CHECK(plan.refused.empty());
}

TEST_CASE("layout::plan_renames skips names it cannot understand, refuses collisions")
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {});
  b.file("作品/王老师的微党课.mp4", good_video());
  RenamePlan plan = plan_renames(b.build(changzhou()), changzhou(), "");
  CHECK(plan.renames.empty());
  REQUIRE(plan.skipped.size() == 1);
  CHECK(plan.skipped[0].first == "作品/王老师的微党课.mp4");
  // Says how: by hand (the categories to choose from), or a works.yaml rename then follows.
  CHECK(plan.skipped[0].second.zh.find("典型事迹片") != std::string::npos);
  CHECK(plan.skipped[0].second.zh.find("mpcheck init") != std::string::npos);
  CHECK(plan.skipped[0].second.en.find("works.yaml") != std::string::npos);
  // Two spellings of one name: renaming either would overwrite the other.
  TreeBuilder twice;
  twice.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  twice.file("作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4", good_video())
      .file("作品/奋斗者之歌—微视频—钟楼区委组织部（有字幕）.mp4", good_video());
  plan = plan_renames(twice.build(changzhou()), changzhou(), "");
  CHECK_FALSE(plan.refused.empty());
}

TEST_CASE("layout::plan_renames with --unit renames the unit too")
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  b.file(changzhou_sub, good_video());
  const RenamePlan plan = plan_renames(b.build(changzhou()), changzhou(), "天宁区委组织部");
  REQUIRE(plan.renames.size() == 1);
  CHECK(plan.renames[0].to == "作品/奋斗者之歌-微视频-天宁区委组织部（有字幕）.mp4");
}
