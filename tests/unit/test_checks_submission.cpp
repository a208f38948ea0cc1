// submission.*: checks/submission.cpp on hand-built submissions: the deadline (one per hand-in
// under Jiaozuo) and what an interrupted pack leaves.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& unit = changzhou_unit;
const std::string& sub_name = changzhou_sub;
const std::string& clean_name = changzhou_clean;

} // namespace

TEST_CASE("checks: submission.deadline, inclusive")
{
  checks::Options o;
  o.as_of = Date{2024, 9, 5};
  CHECK(paths_of(run(pair_with(good_video()), changzhou(), o), "submission.deadline").empty());
  o.as_of = Date{2024, 9, 6};
  const auto findings = run(pair_with(good_video()), changzhou(), o);
  REQUIRE(paths_of(findings, "submission.deadline").size() == 1);
  for (const auto& f : findings)
    if (f.check == "submission.deadline") {
      CHECK(f.severity == Severity::error); // 逾期报送…不予受理
      CHECK(f.actual.zh == "2024-09-06");
      CHECK(f.message.zh.find("2024-09-05") != std::string::npos);
    }
}

TEST_CASE("checks: jiaozuo-2019 each hand-in is late after its own date")
{
  // In time for everything: 30 June, inclusive.
  CHECK(
      paths_of(run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 6, 30})), "submission.deadline").empty());
  // 1 July: the teacher-pool table is late, nothing else.
  CHECK(paths_of(run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 7, 1})), "submission.deadline") ==
        std::vector<std::string>{"师资库统计表-修武县委宣传部.xlsx"});
  // 11 August: the contest entries too (the drive: path ""); the statistics table is due by
  // 30 September, not the contest.
  const auto august = run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 8, 11}));
  auto late = paths_of(august, "submission.deadline");
  std::sort(late.begin(), late.end());
  CHECK(late == std::vector<std::string>{"", "师资库统计表-修武县委宣传部.xlsx"});
  for (const auto& f : august)
    if (f.check == "submission.deadline") {
      CHECK(f.severity == Severity::warning); // the notice refuses nothing
      if (!f.path.empty())
        CHECK(f.message.zh == "师资库统计表的报送截止日期 2019-06-30 已过（检查日期 2019-08-11）");
    }
  // 1 October: every document.
  auto october =
      paths_of(run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 10, 1})), "submission.deadline");
  CHECK(october.size() == 4);
}

TEST_CASE("checks: submission.incomplete for what an interrupted pack leaves")
{
  auto drive = [] {
    TreeBuilder tb;
    tb.changzhou_layout(unit, {"奋斗者之歌"});
    tb.file(sub_name, good_video()).file(clean_name, good_video());
    return tb;
  };
  CHECK(paths_of(run_sub(drive().build(changzhou())), "submission.incomplete").empty());
  // Its state file, but not the manifest it writes last.
  TreeBuilder state = drive();
  state.file(".mpcheck-pack-state");
  auto findings = run_sub(state.build(changzhou()));
  CHECK(paths_of(findings, "submission.incomplete") == std::vector<std::string>{""});
  // The temporary file of the copy it was making: this finding, not layout.junk.
  TreeBuilder temp = drive();
  temp.file("作品/.mpcheck-tmp-初心-微视频-钟楼区委组织部（无字幕）.mp4");
  temp.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  findings = run_sub(temp.build(changzhou()));
  CHECK(paths_of(findings, "submission.incomplete") == std::vector<std::string>{""});
  CHECK(paths_of(findings, "layout.junk").empty());
  // A finished pack: both files, no temporary one.
  TreeBuilder done = drive();
  done.file("manifest-sha256.txt").file(".mpcheck-pack-state");
  CHECK(paths_of(run_sub(done.build(changzhou())), "submission.incomplete").empty());
}
