// duration.*: checks/duration.cpp on hand-built submissions (the longest and shortest a work may
// be).
#include <map>

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& unit = changzhou_unit;
const std::string& clean_name = changzhou_clean;

} // namespace

TEST_CASE("checks: duration.max is exact to the millisecond")
{
  CHECK(paths_of(run(pair_with(good_video(480.000)), changzhou()), "duration.max").empty());
  CHECK(paths_of(run(pair_with(good_video(480.040)), changzhou()), "duration.max") ==
        std::vector<std::string>{clean_name});
}

TEST_CASE("checks: 典型事迹片 must last at least 10 minutes")
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"先锋"});
  b.file("作品/先锋-典型事迹片-钟楼区委组织部.mp4", good_video(599.9));
  CHECK(paths_of(run(b, changzhou()), "duration.min") ==
        std::vector<std::string>{"作品/先锋-典型事迹片-钟楼区委组织部.mp4"});
}

TEST_CASE("checks (liaoning): duration.max")
{
  TreeBuilder b;
  b.file("正好.mp4", good_video(480)).file("太长.mp4", good_video(481));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  CHECK(paths_of(findings, "duration.max") == std::vector<std::string>{"太长.mp4"});
}

TEST_CASE("checks: branch-everyone a lesson under 10 minutes is a warning, over 15 an error")
{
  const rules::RuleSet branch = rules::load_rules("branch-everyone");
  const auto severity = [&](double seconds, const std::string& id) -> std::optional<Severity> {
    TreeBuilder b;
    b.file("微党课-张三.mp4", good_video(seconds)).file("微党课-张三.pptx", document("pptx"));
    for (const auto& x : run(b, branch))
      if (x.check == id)
        return x.severity;
    return std::nullopt;
  };
  CHECK(severity(599.9, "duration.min") == Severity::warning);
  CHECK_FALSE(severity(600, "duration.min"));
  CHECK_FALSE(severity(900, "duration.max"));
  CHECK(severity(900.04, "duration.max") == Severity::error);
}

TEST_CASE("checks: a length reads in whole seconds, the milliseconds only within a second")
{
  // QA N9: "时长 0:02.520 不足 10:00" — the milliseconds matter only near the limit.
  TreeBuilder b;
  b.file("近.mp4", good_video(480.2)).file("远.mp4", good_video(481.4));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  std::map<std::string, const Finding*> by;
  for (const auto& f : findings)
    if (f.check == "duration.max")
      by[f.path] = &f;
  REQUIRE(by.size() == 2);
  CHECK(by["近.mp4"]->actual.zh == "8:00.200");
  CHECK(by["近.mp4"]->message.zh == "时长 8:00.200 超过上限 8:00（多 0.200 秒）");
  CHECK(by["远.mp4"]->actual.zh == "8:01");
  CHECK(by["远.mp4"]->message.zh == "时长 8:01 超过上限 8:00（多 1 秒）");
  CHECK(by["远.mp4"]->expected.zh == "≤ 8:00");
}
