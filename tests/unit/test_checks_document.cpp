// document.*: checks/document.cpp on hand-built submissions: the forms and texts a notice
// asks for, some of some units only (Jiaozuo), and what a .docx really is.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& sub_name = changzhou_sub;
const std::string& clean_name = changzhou_clean;

} // namespace

TEST_CASE("checks: document.missing and document.format")
{
  TreeBuilder b;
  b.dir("作品").dir("表格").dir("文本");
  MediaFacts fake;
  fake.document = DocumentFacts{"ole2", true, ""}; // a .doc renamed .docx
  b.file("表格/报名表-钟楼区委组织部.docx", fake);
  b.file(sub_name, good_video()).file(clean_name, good_video());
  const auto findings = run(b, changzhou());
  auto missing = paths_of(findings, "document.missing");
  CHECK(missing == std::vector<std::string>{"表格", "文本"}); // 汇总表; the work's 解说词
  CHECK(paths_of(findings, "document.format") ==
        std::vector<std::string>{"表格/报名表-钟楼区委组织部.docx"});
}

TEST_CASE("checks: jiaozuo-2019 asks a 县市区 for the teacher-pool table and the report")
{
  const auto findings = run(jiaozuo_entries(false), jiaozuo(), as_of({2019, 6, 1}));
  // The 统计表 is there: a 师资库统计表 file is not taken for it, nor the other way round.
  CHECK(expected_of(findings, "document.missing") ==
        std::vector<std::string>{"师资库统计表", "情况报告"});
  for (const auto& f : findings)
    if (f.check == "document.missing" && f.expected.zh == "师资库统计表") {
      CHECK(f.severity == Severity::error);
      CHECK(f.message.zh.find("报送截止 2019-06-30") != std::string::npos);
      CHECK(f.message.zh.find("县委宣传部") != std::string::npos);
    }
  CHECK(paths_of(run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 6, 1})), "document.missing").empty());
  // Only the statistics table and the teacher-pool table: the 统计表 is still not there.
  TreeBuilder pool_only;
  pool_only.file("我和我的祖国-张三.mp4", good_video(300))
      .file("我和我的祖国-张三.pptx", document("pptx"));
  pool_only.file("师资库统计表-修武县委宣传部.xlsx", document("xlsx"));
  CHECK(expected_of(run(pool_only, jiaozuo(), as_of({2019, 6, 1})), "document.missing") ==
        std::vector<std::string>{"统计表", "情况报告"});
}

TEST_CASE("checks: jiaozuo-2019 other units are not asked for the 县市区 documents")
{
  const auto findings = run(jiaozuo_entries(false), jiaozuo(), as_of({2019, 6, 1}, "市教育局"));
  CHECK(paths_of(findings, "document.missing").empty());
  const auto county = run(jiaozuo_entries(false), jiaozuo(), as_of({2019, 6, 1}, "温县委宣传部"));
  CHECK(paths_of(county, "document.missing").size() == 2);
}
