// The checks on hand-built Jiaozuo submissions: documents with their own deadlines, asked of
// some units only; and the branch plan's lesson length.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const rules::RuleSet& jiaozuo()
{
  static const rules::RuleSet r = rules::load_rules("jiaozuo-2019");
  return r;
}

MediaFacts document(const char* format = "docx")
{
  MediaFacts f;
  f.document = DocumentFacts{format, true, ""};
  return f;
}

MediaFacts lesson()
{
  return good_video(300);
}

// Two contest entries with their courseware, the statistics table and, when `county`, the
// 县市区 documents: the teacher-pool table and the report.
TreeBuilder entries(bool county)
{
  TreeBuilder b;
  b.file("我和我的祖国-张三.mp4", lesson()).file("我和我的祖国-张三.pptx", document("pptx"));
  b.file("家乡巨变-李四.mp4", lesson()).file("家乡巨变-李四.pptx", document("pptx"));
  b.file("统计表-修武县委宣传部.docx", document());
  if (county)
    b.file("师资库统计表-修武县委宣传部.xlsx", document("xlsx"))
        .file("情况报告-修武县委宣传部.docx", document());
  return b;
}

checks::Options as_of(Date day, std::string unit = "")
{
  checks::Options o;
  o.as_of = day;
  o.unit = std::move(unit);
  return o;
}

std::vector<std::string> expected_of(const std::vector<Finding>& findings, const std::string& id)
{
  std::vector<std::string> out;
  for (const auto& f : findings)
    if (f.check == id)
      out.push_back(f.expected.zh);
  return out;
}

} // namespace

TEST_CASE("checks: jiaozuo-2019 asks a 县市区 for the teacher-pool table and the report")
{
  const auto findings = run(entries(false), jiaozuo(), as_of({2019, 6, 1}));
  // The 统计表 is there: a 师资库统计表 file is not taken for it, nor the other way round.
  CHECK(expected_of(findings, "document.missing") ==
        std::vector<std::string>{"师资库统计表", "情况报告"});
  for (const auto& f : findings)
    if (f.check == "document.missing" && f.expected.zh == "师资库统计表") {
      CHECK(f.severity == Severity::error);
      CHECK(f.message.zh.find("报送截止 2019-06-30") != std::string::npos);
      CHECK(f.message.zh.find("县委宣传部") != std::string::npos);
    }
  CHECK(paths_of(run(entries(true), jiaozuo(), as_of({2019, 6, 1})), "document.missing").empty());
  // Only the statistics table and the teacher-pool table: the 统计表 is still not there.
  TreeBuilder pool_only;
  pool_only.file("我和我的祖国-张三.mp4", lesson())
      .file("我和我的祖国-张三.pptx", document("pptx"));
  pool_only.file("师资库统计表-修武县委宣传部.xlsx", document("xlsx"));
  CHECK(expected_of(run(pool_only, jiaozuo(), as_of({2019, 6, 1})), "document.missing") ==
        std::vector<std::string>{"统计表", "情况报告"});
}

TEST_CASE("checks: jiaozuo-2019 other units are not asked for the 县市区 documents")
{
  const auto findings = run(entries(false), jiaozuo(), as_of({2019, 6, 1}, "市教育局"));
  CHECK(paths_of(findings, "document.missing").empty());
  const auto county = run(entries(false), jiaozuo(), as_of({2019, 6, 1}, "温县委宣传部"));
  CHECK(paths_of(county, "document.missing").size() == 2);
}

TEST_CASE("checks: jiaozuo-2019 each hand-in is late after its own date")
{
  // In time for everything: 30 June, inclusive.
  CHECK(
      paths_of(run(entries(true), jiaozuo(), as_of({2019, 6, 30})), "submission.deadline").empty());
  // 1 July: the teacher-pool table is late, nothing else.
  CHECK(paths_of(run(entries(true), jiaozuo(), as_of({2019, 7, 1})), "submission.deadline") ==
        std::vector<std::string>{"师资库统计表-修武县委宣传部.xlsx"});
  // 11 August: the contest entries too (the drive: path ""); the statistics table is due by
  // 30 September, not the contest.
  const auto august = run(entries(true), jiaozuo(), as_of({2019, 8, 11}));
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
      paths_of(run(entries(true), jiaozuo(), as_of({2019, 10, 1})), "submission.deadline");
  CHECK(october.size() == 4);
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
