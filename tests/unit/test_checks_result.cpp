// checks/result.cpp: the one summary every report format shows.
#include "mpcheck/checks/result.hpp"

#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks::summarize counts every severity once")
{
  checks::CheckReport report;
  report.findings = {{"video.resolution", Severity::error},
                     {"layout.junk", Severity::warning},
                     {"manual.originality", Severity::manual},
                     {"manual.originality", Severity::manual},
                     {"manual.note", Severity::info}};
  const checks::Summary s = checks::summarize(report);
  CHECK(s.error == 1);
  CHECK(s.warning == 1);
  CHECK(s.manual == 2); // one per work it concerns, as the findings are
  CHECK(s.info == 1);
}

TEST_CASE("checks::CheckReport::count and summarize's files and works")
{
  checks::CheckReport report;
  report.submission = pair_with(good_video()).build(changzhou());
  report.findings = {{"video.codec", Severity::error}, {"video.codec", Severity::error}};
  CHECK(report.count(Severity::error) == 2);
  CHECK(report.count(Severity::warning) == 0);
  const checks::Summary s = checks::summarize(report);
  CHECK(s.files == report.submission.files.size());
  CHECK(s.files == 5); // two versions, two forms, one 解说词
  CHECK(s.works == 1);
}
