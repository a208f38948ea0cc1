// document.*: checks/document.cpp on hand-built submissions: the forms and texts a notice
// asks for, some of some units only (Jiaozuo), and what a .docx really is.
#include <map>

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
  CHECK(paths_of(run(jiaozuo_entries(true), jiaozuo(), as_of({2019, 6, 1})), "document.missing")
            .empty());
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

TEST_CASE("checks: a work's text is the one whose title is the work's, not one containing it")
{
  TreeBuilder b;
  b.dir("作品").dir("表格").dir("文本");
  b.file("表格/报名表-钟楼区委组织部.docx").file("表格/汇总表-钟楼区委组织部.docx");
  for (const std::string title : {"初心", "不忘初心", "钟楼"}) {
    b.file("作品/" + title + "-微视频-钟楼区委组织部（有字幕）.mp4", good_video());
    b.file("作品/" + title + "-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  }
  // Only 不忘初心 has its 解说词. "初心" is inside "不忘初心", and "钟楼" inside the unit: neither
  // of those works is given a text by it.
  b.file("文本/不忘初心-解说词-钟楼区委组织部.docx");
  const auto findings = run(b, changzhou());
  std::vector<std::string> works;
  for (const Finding& f : findings)
    if (f.check == "document.missing")
      works.push_back(f.work);
  std::sort(works.begin(), works.end());
  CHECK(works == std::vector<std::string>{"初心", "钟楼"});
  // The example name carries the unit every name agrees on, not a placeholder.
  for (const Finding& f : findings)
    if (f.check == "document.missing" && f.work == "初心")
      CHECK(f.hint.zh.find("初心-解说词-钟楼区委组织部.docx") != std::string::npos);

  SUBCASE("a name the parser cannot split still counts when it begins with the title")
  {
    b.file("文本/初心 解说词.docx").file("文本/钟楼_解说词.docx");
    std::vector<std::string> still;
    for (const Finding& f : run(b, changzhou()))
      if (f.check == "document.missing")
        still.push_back(f.work);
    CHECK(still.empty());
  }
}

TEST_CASE("checks: document.format names the program that saves the file's kind")
{
  TreeBuilder b = pair_with(good_video());
  MediaFacts fake;
  fake.document = DocumentFacts{"zip", false, "not-office"}; // a zip renamed .pptx
  b.file("文本/奋斗者之歌-课件-钟楼区委组织部.pptx", fake);
  for (const Finding& f : run(b, changzhou()))
    if (f.check == "document.format")
      CHECK(f.hint.zh.find("PowerPoint/WPS 演示") != std::string::npos);
  CHECK(paths_of(run(b, changzhou()), "document.format") ==
        std::vector<std::string>{"文本/奋斗者之歌-课件-钟楼区委组织部.pptx"});
}

TEST_CASE("checks: document.missing of a work's document names its works.yaml key")
{
  TreeBuilder b;
  b.file("我和我的祖国-张三.mp4", good_video(300)).file("统计表-修武县委宣传部.docx", document());
  for (const auto& f : run(b, jiaozuo(), as_of({2019, 6, 1}, "市教育局")))
    if (f.check == "document.missing") {
      CHECK(f.expected.zh == "课件");
      CHECK(f.hint.zh.find("在这个作品的 files 下写上 courseware: 课件文件的路径") !=
            std::string::npos);
      CHECK(f.hint.en.find("under the work's files as courseware: PATH") != std::string::npos);
    }
  TreeBuilder cz;
  cz.changzhou_layout(changzhou_unit, {});
  cz.file(sub_name, good_video()).file(clean_name, good_video());
  const auto findings = run(cz, changzhou());
  CHECK(paths_of(findings, "document.missing") == std::vector<std::string>{"文本"});
  for (const auto& f : findings)
    if (f.check == "document.missing")
      CHECK(f.hint.zh.find("script: 解说词文件的路径") != std::string::npos);
}

TEST_CASE("checks: document.missing of a unit's document names works.yaml's documents key")
{
  // A 区委宣传部's 情况报告: under documents:, not a work's files; the forms pack makes itself
  // (统计表, 师资库统计表) are sent to no key.
  TreeBuilder b;
  b.file("我和我的祖国-张三.mp4", good_video(300));
  std::map<std::string, mpcheck::Text> hints;
  for (const auto& f : run(b, jiaozuo(), as_of({2019, 6, 1}, "解放区委宣传部")))
    if (f.check == "document.missing")
      hints[f.expected.zh] = f.hint;
  REQUIRE(hints.count("情况报告") == 1);
  CHECK(hints["情况报告"].zh ==
        "添加“情况报告-解放区委宣传部.docx”。用 works.yaml 打包时，在 works.yaml 的 documents "
        "下写上 情况报告: 情况报告文件的路径。");
  CHECK(hints["情况报告"].en == "Add '情况报告-解放区委宣传部.docx'. Packing from works.yaml: name "
                                "it under documents as 情况报告: PATH.");
  REQUIRE(hints.count("统计表") == 1);
  CHECK(hints["统计表"].zh == "添加“统计表-解放区委宣传部.docx”。");
}

TEST_CASE("checks: on a packed drive a missing document is added in the material, then packed")
{
  // The 焦作 courseware has no folder: its finding has no path, and is sent to the material too.
  TreeBuilder b;
  b.file("我和我的祖国-张三.mp4", good_video(300)).file("统计表-修武县委宣传部.docx", document());
  Submission sub = b.build(jiaozuo());
  sub.manifest = DriveManifest{};
  checks::Options options = as_of({2019, 6, 1}, "市教育局");
  int seen = 0;
  for (const auto& f : checks::run_all(sub, jiaozuo(), options))
    if (f.check == "document.missing") {
      ++seen;
      CHECK(f.path.empty());
      CHECK(f.hint.zh.find("重新运行 mpcheck pack") != std::string::npos);
      CHECK(f.hint.en.find("run mpcheck pack again") != std::string::npos);
    }
  CHECK(seen == 1);
}
