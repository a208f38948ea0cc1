// checks/context.cpp: run_all over a whole submission (every family at once) and the scope of
// a run (a drive, or loose files).
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

TEST_CASE("checks: a correct Changzhou submission has no errors or warnings")
{
  const auto findings = run(pair_with(good_video()), changzhou());
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks (liaoning): any name, any folder; a good video passes")
{
  TreeBuilder b;
  b.file("王老师的微党课.mp4", good_video(300));
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks (deep): a clean analysis raises nothing")
{
  CHECK(problems(one_file(analysed())) == 0);
}

TEST_CASE("checks: a loose file gets its own checks, nothing about the drive")
{
  TreeBuilder tb;
  tb.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  Submission sub = tb.build(changzhou());
  // As a drive: folders, forms, the missing version...
  const auto as_drive = ids(run_sub(sub));
  CHECK(std::count(as_drive.begin(), as_drive.end(), "layout.folder-missing") == 3);
  CHECK(std::find(as_drive.begin(), as_drive.end(), "subtitles.pair-missing") != as_drive.end());
  CHECK(std::find(as_drive.begin(), as_drive.end(), "document.missing") != as_drive.end());
  // ...as a file: nothing wrong with it; its work's manual items only, none of the submission's.
  sub.scope = Scope::files;
  const auto findings = run_sub(sub);
  CHECK(ids(findings).empty());
  for (const auto& f : findings)
    CHECK(!f.work.empty());
  // Its own defects still show.
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  small.video->height = small.video->display_height = 720;
  TreeBuilder bad;
  bad.file("奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", small).file("初心.mp4", good_video());
  Submission loose = bad.build(changzhou());
  loose.scope = Scope::files;
  const auto found = ids(run_sub(loose));
  CHECK(std::find(found.begin(), found.end(), "video.resolution") != found.end());
  CHECK(std::find(found.begin(), found.end(), "name.pattern") != found.end());
  CHECK(std::find(found.begin(), found.end(), "layout.misplaced") == found.end());
}

TEST_CASE("checks::repack_commands: the real source when known, else a placeholder said so")
{
  const Text known =
      checks::repack_commands("材料 a", "U盘", true, "liaoning-2023", "机关党委", " --pillarbox");
  CHECK(known.zh.find("mpcheck fix \"材料 a\" --rules \"liaoning-2023\" --pillarbox --in-place") !=
        std::string::npos);
  CHECK(known.zh.find("mpcheck pack \"材料 a\" --rules \"liaoning-2023\" --unit \"机关党委\" --out "
                      "\"U盘\" --clean") != std::string::npos);
  CHECK(known.zh.find("\"素材文件夹\"") == std::string::npos);
  CHECK(known.en.find("SOURCE FOLDER") == std::string::npos);
  // Pasted, the English commands answer in English.
  CHECK(
      known.en.find("mpcheck pack \"材料 a\" --rules \"liaoning-2023\" --unit \"机关党委\" --lang "
                    "en --out \"U盘\" --clean") != std::string::npos);
  CHECK(known.zh.find("--lang") == std::string::npos);
  // What the fix command mends, said after it: by default every failing video; else as told.
  CHECK(known.zh.find("--in-place（按 works.yaml 修复每个不合格的视频），然后") !=
        std::string::npos);
  const Text told = checks::repack_commands("材料", "U盘", true, "changzhou-2024", "", "",
                                            Text{"（只修这些）", " (only these)"});
  CHECK(told.zh.find("--in-place（只修这些），然后 mpcheck pack") != std::string::npos);
  CHECK(told.en.find("--in-place (only these), then mpcheck pack") != std::string::npos);
  const Text unknown = checks::repack_commands("", "U盘", true, "changzhou-2024", "", "");
  CHECK(unknown.zh.find("mpcheck fix \"素材文件夹\"") != std::string::npos);
  CHECK(unknown.zh.find("把“素材文件夹”换成打包时用的文件夹") != std::string::npos);
  CHECK(unknown.en.find("in place of SOURCE FOLDER") != std::string::npos);
  // A drive without pack's state file (a copy): a new folder, no --clean.
  const Text copy = checks::repack_commands("", "U盘", false, "changzhou-2024", "", "");
  CHECK(copy.zh.find("--clean") == std::string::npos);
  CHECK(copy.zh.find("--out \"新的U盘文件夹\"") != std::string::npos);
  CHECK(copy.zh.find("“新的U盘文件夹”换成一个空文件夹或空U盘") != std::string::npos);
}

TEST_CASE("checks::material_fix: on pack's material, the fix of the folder in place")
{
  MediaFacts small = good_video();
  small.video->width = small.video->display_width = 1280;
  small.video->height = small.video->display_height = 720;
  TreeBuilder b;
  b.file("奋斗者之歌-微视频-钟楼区委组织部.mp4", small).file("works.yaml");
  checks::Options options;
  options.as_of = Date{2024, 9, 1};
  options.unit = "钟楼区委组织部";
  Submission sub = b.build(changzhou());
  sub.root = "材料 a";
  const auto hint_of = [&](const checks::Options& o) {
    for (const auto& f : checks::run_all(sub, changzhou(), o))
      if (f.check == "video.resolution")
        return f.hint;
    FAIL("no video.resolution");
    return Text{};
  };
  // A drive, or a folder not known to be material: the file's own fix into 修复后.
  CHECK(hint_of(options).zh.find("--out \"修复后\"") != std::string::npos);
  options.material = true;
  const Text hint = hint_of(options);
  CHECK(hint.zh.find("--out \"修复后\"") == std::string::npos);
  CHECK(hint.zh.find("mpcheck fix \"材料 a\" --rules \"changzhou-2024\" --in-place（按 works.yaml "
                     "修复每个不合格的视频），然后打包：mpcheck pack \"材料 a\" --rules "
                     "\"changzhou-2024\" --unit \"钟楼区委组织部\" --out \"U盘\"") !=
        std::string::npos);
  CHECK(hint.en.find("mpcheck fix \"材料 a\" --rules \"changzhou-2024\" --lang en --in-place") !=
        std::string::npos);
  CHECK(hint.en.find("--lang en --out \"usb\"") != std::string::npos);
}

TEST_CASE("checks::material_pack_command: pack of the folder checked, the drive a placeholder")
{
  Submission sub;
  sub.root = "材料 a";
  checks::Options options;
  options.unit = "钟楼区委组织部";
  checks::Sink sink(changzhou());
  const checks::Context ctx{sub, changzhou(), options, sink};
  const Text pack = checks::material_pack_command(ctx);
  CHECK(pack.zh == "mpcheck pack \"材料 a\" --rules \"changzhou-2024\" --unit \"钟楼区委组织部\" "
                   "--out \"U盘\"（把“U盘”换成要写入的U盘或空文件夹）");
  CHECK(pack.en == "mpcheck pack \"材料 a\" --rules \"changzhou-2024\" --unit \"钟楼区委组织部\" "
                   "--lang en --out \"usb\" (put the drive or an empty folder in place of usb)");
}
