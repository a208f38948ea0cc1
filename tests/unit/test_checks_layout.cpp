// layout.*: checks/layout.cpp on hand-built Changzhou drives (folders, misplaced and junk files).
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& sub_name = changzhou_sub;
const std::string& clean_name = changzhou_clean;

} // namespace

TEST_CASE("checks: layout.folder-missing, layout.misplaced, layout.junk, layout.unexpected")
{
  TreeBuilder b = pair_with(good_video());
  b.tree.dirs.erase(b.tree.dirs.begin() + 2); // 文本
  b.file("作品/Thumbs.db")
      .file("作品/notes.xyz")
      .file("奋斗者之歌-微视频-钟楼区委组织部.mp4", good_video());
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "layout.folder-missing") == std::vector<std::string>{"文本"});
  CHECK(paths_of(findings, "layout.junk") == std::vector<std::string>{"作品/Thumbs.db"});
  CHECK(paths_of(findings, "layout.unexpected") == std::vector<std::string>{"作品/notes.xyz"});
  CHECK(paths_of(findings, "layout.misplaced") ==
        std::vector<std::string>{"奋斗者之歌-微视频-钟楼区委组织部.mp4"});
}

TEST_CASE("checks: the submission may sit in a unit folder on the drive")
{
  TreeBuilder b;
  b.dir("钟楼区委组织部")
      .dir("钟楼区委组织部/作品")
      .dir("钟楼区委组织部/表格")
      .dir("钟楼区委组织部/文本");
  MediaFacts docx;
  docx.document = DocumentFacts{"docx", true, ""};
  b.file("钟楼区委组织部/表格/报名表-钟楼区委组织部.docx", docx);
  b.file("钟楼区委组织部/表格/汇总表-钟楼区委组织部.docx", docx);
  b.file("钟楼区委组织部/文本/奋斗者之歌-解说词-钟楼区委组织部.docx", docx);
  b.file("钟楼区委组织部/" + sub_name, good_video())
      .file("钟楼区委组织部/" + clean_name, good_video());
  CHECK(problems(run(b, changzhou())) == 0);
}

TEST_CASE("checks: folders a level too deep are said to be too deep, not misplaced")
{
  TreeBuilder b;
  b.dir("钟楼区委组织部").dir("钟楼区委组织部/2024报送").dir("钟楼区委组织部/2024报送/作品");
  b.file("钟楼区委组织部/2024报送/" + sub_name, good_video());
  const auto findings = run(b, changzhou());
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& f) { return f.check == "layout.misplaced"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.zh.find("应在报送的最上层") != std::string::npos);
  CHECK(it->actual.zh == "钟楼区委组织部/2024报送/作品/");
}

TEST_CASE("checks: a form's scan in 表格 is a form, not a misplaced work")
{
  TreeBuilder b = pair_with(good_video());
  MediaFacts jpeg;
  jpeg.kind = "image";
  jpeg.image = ImageFacts{};
  jpeg.image->format = "jpeg";
  b.file("表格/汇总表-钟楼区委组织部（扫描）.jpg", jpeg);
  const auto findings = run(b, changzhou());
  for (const Finding& f : findings)
    CHECK_MESSAGE(f.path != "表格/汇总表-钟楼区委组织部（扫描）.jpg", f.check);
}

TEST_CASE("checks: works.yaml of pack's material is not layout.unexpected")
{
  TreeBuilder b = pair_with(good_video());
  b.file("works.yaml").file("作品/works.yaml");
  CHECK(paths_of(run(b, changzhou()), "layout.unexpected") ==
        std::vector<std::string>{"works.yaml", "作品/works.yaml"});
  checks::Options material;
  material.material = true;
  // Pack's manifest at the top of the material; another one deeper is still a stray file.
  CHECK(paths_of(run(b, changzhou(), material), "layout.unexpected") ==
        std::vector<std::string>{"作品/works.yaml"});
}
