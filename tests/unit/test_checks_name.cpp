// name.*: checks/name.cpp on hand-built Changzhou submissions (作品名-分类-报送单位 and the
// file-system rules).
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks: name.pattern, name.category, name.unit, name.extension")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微电影-钟楼区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微视频-天宁区委组织部（有字幕）.mp4", good_video());
  b.file("作品/初心-微视频-钟楼区委组织部（无字幕）.mov", good_video());
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "name.pattern") ==
        std::vector<std::string>{"作品/奋斗者之歌－微视频－钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.category") ==
        std::vector<std::string>{"作品/初心-微电影-钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.unit") ==
        std::vector<std::string>{"作品/初心-微视频-天宁区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "name.extension") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（无字幕）.mov"});
}

TEST_CASE("checks: name.unit against --unit")
{
  checks::Options o;
  o.unit = "天宁区委组织部";
  CHECK(paths_of(run(pair_with(good_video()), changzhou(), o), "name.unit").size() == 2);
}

TEST_CASE("checks: name.characters, name.normalization, name.length on a file's own name")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/问题?.mp4", good_video());
  b.file("作品/Cafe\xcc\x81.mp4", good_video()); // e + combining acute: a Mac's NFD
  b.file("作品/" + std::string(256, 'a') + ".mp4", good_video());
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "name.characters") == std::vector<std::string>{"作品/问题?.mp4"});
  CHECK(paths_of(findings, "name.normalization") ==
        std::vector<std::string>{"作品/Caf\xc3\xa9.mp4"}); // said under its NFC name
  // Twice: the name is over 255 UTF-16 units, and the whole path over what Windows opens.
  const std::string long_name = "作品/" + std::string(256, 'a') + ".mp4";
  CHECK(paths_of(findings, "name.length") == std::vector<std::string>{long_name, long_name});
}

TEST_CASE("checks: name.collision, names one case-insensitive file system takes for one")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/Intro.mp4", good_video()).file("作品/intro.MP4", good_video());
  auto found = paths_of(run(b, changzhou()), "name.collision");
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"作品/Intro.mp4", "作品/intro.MP4"});
  CHECK(paths_of(run(pair_with(good_video()), changzhou()), "name.collision").empty());
}

TEST_CASE("checks: name.pattern of a video says its category's rules were not applied")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/成片.mp4", good_video());
  const auto findings = run(b, changzhou());
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& f) { return f.check == "name.pattern"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.zh.find("还没有按分类检查这个视频的分辨率、帧率、码率和时长") !=
        std::string::npos);
  // The example names no category (典型事迹片 would ask this one to be 10 minutes long).
  CHECK(it->hint.zh.find("“成片-分类-") != std::string::npos);
  CHECK(it->hint.zh.find("微视频") != std::string::npos); // the categories to choose from
}

TEST_CASE("checks: name.pattern offers mpcheck rename only for a name rename understands")
{
  TreeBuilder b = pair_with(good_video());
  const std::string long_title = [] {
    std::string t;
    for (int i = 0; i < 75; ++i)
      t += "长";
    return t;
  }();
  b.file("作品/我的 微党课 最终版.mp4", good_video())
      .file("作品/初心—微视频—钟楼区委组织部.mp4", good_video())
      .file("作品/" + long_title + ".mp4", good_video());
  const auto findings = run(b, changzhou());
  const auto hint = [&](const std::string& path) {
    for (const auto& f : findings)
      if (f.check == "name.pattern" && f.path == path)
        return f.hint.zh;
    FAIL("no name.pattern for " << path);
    return std::string();
  };
  CHECK(hint("作品/我的 微党课 最终版.mp4").find("mpcheck rename") == std::string::npos);
  CHECK(hint("作品/初心—微视频—钟楼区委组织部.mp4").find("mpcheck rename") != std::string::npos);
  // 225 bytes of title: the example fits, but not with a category and a unit filled in.
  const std::string long_hint = hint("作品/" + long_title + ".mp4");
  CHECK(long_hint.find("作品名太长") != std::string::npos);
  CHECK(long_hint.find("255 字节") != std::string::npos);
  CHECK(hint("作品/我的 微党课 最终版.mp4").find("作品名太长") == std::string::npos);
}

TEST_CASE("checks: name.pattern's example leaves the draft marks out, as init and rename do")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/初心如磐（定稿）.mp4", good_video())
      .file("作品/初心如磐（定稿）－微视频－钟楼区委组织部.mp4", good_video());
  const auto findings = run(b, changzhou());
  const auto hint = [&](const std::string& path) {
    for (const auto& f : findings)
      if (f.check == "name.pattern" && f.path == path)
        return f.hint;
    FAIL("no name.pattern for " << path);
    return Text{};
  };
  // No category: named by hand or from works.yaml, whose title init writes without the mark.
  const Text bare = hint("作品/初心如磐（定稿）.mp4");
  CHECK(bare.zh.find("改名为类似“初心如磐-分类-报送单位.mp4”") != std::string::npos);
  CHECK(bare.zh.find("文件名里的“（定稿）”是草稿或版本字样，不写进作品名") != std::string::npos);
  CHECK(bare.en.find("Rename it like '初心如磐-分类-报送单位.mp4'") != std::string::npos);
  CHECK(bare.en.find("'（定稿）' in the file name is a draft or version mark") !=
        std::string::npos);
  // A name rename reads keeps its title as rename does.
  const Text sep = hint("作品/初心如磐（定稿）－微视频－钟楼区委组织部.mp4");
  CHECK(sep.zh.find("“初心如磐（定稿）-微视频-钟楼区委组织部.mp4”") != std::string::npos);
  CHECK(sep.zh.find("草稿或版本字样") == std::string::npos);
}
