// layout/plan.cpp: where each file goes on the drive and under which name, from a works
// manifest or from names that already follow the pattern. Pure: nothing is read or written.
#include "mpcheck/layout/plan.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;
using namespace mpcheck::layout;

namespace {

// The destinations of a plan, in plan order.
std::vector<std::string> dests(const PackPlan& plan)
{
  std::vector<std::string> out;
  for (const auto& f : plan.files)
    out.push_back(f.dest);
  return out;
}

manifest::Manifest one_work()
{
  manifest::Manifest m;
  m.unit = changzhou_unit;
  m.base_dir = "/src";
  manifest::Work w;
  w.title = "奋斗者之歌";
  w.category = "微视频";
  w.files.subtitled = "a.mp4";
  w.files.clean = "b.mp4";
  w.files.script = "c.docx";
  m.works.push_back(w);
  return m;
}

} // namespace

TEST_CASE("layout::plan_from_manifest names each file of a work as the notice asks")
{
  const PackPlan plan = plan_from_manifest(one_work(), changzhou());
  CHECK(plan.problems.empty());
  CHECK(plan.folders == std::vector<std::string>{"作品", "表格", "文本"});
  CHECK(dests(plan) ==
        std::vector<std::string>{"作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4",
                                 "作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4",
                                 "文本/奋斗者之歌-解说词-钟楼区委组织部.docx"});
  REQUIRE(plan.files.size() == 3);
  CHECK(plan.files[0].source == "/src/a.mp4");
  CHECK(plan.files[0].role == "subtitled");
  CHECK(plan.files[1].role == "clean");
  CHECK(plan.files[2].role == "script");
  CHECK(plan.files[0].work == "奋斗者之歌");
}

TEST_CASE("layout::plan_from_manifest refuses two files that would get one name")
{
  manifest::Manifest m = one_work();
  m.works.push_back(m.works[0]); // the same work twice
  const PackPlan plan = plan_from_manifest(m, changzhou());
  CHECK_FALSE(plan.problems.empty());
}

TEST_CASE("layout::plan_from_submission renames look-alike separators, leaves junk out")
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {"奋斗者之歌"});
  b.file("作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4", good_video())
      .file(changzhou_clean, good_video())
      .file("作品/Thumbs.db");
  const PackPlan plan = plan_from_submission(b.build(changzhou()), changzhou(), "");
  CHECK(plan.problems.empty());
  const auto d = dests(plan);
  CHECK(std::count(d.begin(), d.end(), changzhou_sub) == 1);
  CHECK(std::count(d.begin(), d.end(), changzhou_clean) == 1);
  CHECK(std::count(d.begin(), d.end(), "表格/报名表-钟楼区委组织部.docx") == 1);
  for (const auto& x : d)
    CHECK(x.find("Thumbs.db") == std::string::npos);
  // --unit replaces the unit of every work file.
  const PackPlan other = plan_from_submission(b.build(changzhou()), changzhou(), "天宁区委组织部");
  const auto o = dests(other);
  CHECK(std::count(o.begin(), o.end(), "作品/奋斗者之歌-微视频-天宁区委组织部（有字幕）.mp4") == 1);
}

TEST_CASE("layout::plan_from_submission: a name that is not the pattern is a problem")
{
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {});
  b.file("作品/王老师的微党课.mp4", good_video());
  const PackPlan plan = plan_from_submission(b.build(changzhou()), changzhou(), "");
  REQUIRE(plan.problems.size() == 1);
  CHECK(plan.problems[0].source == "/x/作品/王老师的微党课.mp4");
  CHECK(plan.problems[0].message.en.find("works.yaml") != std::string::npos);
}

TEST_CASE("layout::folder_prefix and destination_collisions")
{
  CHECK(folder_prefix(changzhou(), "video") == "作品/");
  CHECK(folder_prefix(liaoning(), "video").empty()); // no layout
  PackPlan plan;
  plan.files = {{"/a/1.mp4", "作品/A.mp4", "video", ""},
                {"/a/2.mp4", "作品/a.mp4", "video", ""},
                {"/a/3.mp4", "作品/b.mp4", "video", ""}};
  const auto collisions = destination_collisions(plan);
  REQUIRE(collisions.size() == 1);
  CHECK(collisions[0].source == "/a/2.mp4");
  CHECK(collisions[0].message.en == "would get the same name as '/a/1.mp4': 作品/a.mp4");
}
