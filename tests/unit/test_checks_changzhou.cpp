// The checks on hand-built Changzhou submissions: one pass and one failure per check.
#include <doctest/doctest.h>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string unit = "钟楼区委组织部";
const std::string sub_name = "作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4";
const std::string clean_name = "作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4";

const rules::RuleSet& changzhou()
{
  static const rules::RuleSet r = rules::load_rules("changzhou-2024");
  return r;
}

// A complete, correct submission whose clean version has `clean` facts.
TreeBuilder pair_with(MediaFacts clean)
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"奋斗者之歌"});
  b.file(sub_name, good_video()).file(clean_name, std::move(clean));
  return b;
}

} // namespace

TEST_CASE("checks: a correct Changzhou submission has no errors or warnings")
{
  const auto findings = run(pair_with(good_video()), changzhou());
  for (const auto& f : findings)
    INFO(f.check, " ", f.path, " ", f.message.en);
  CHECK(problems(findings) == 0);
}

TEST_CASE("checks: duration.max is exact to the millisecond")
{
  CHECK(paths_of(run(pair_with(good_video(480.000)), changzhou()), "duration.max").empty());
  CHECK(paths_of(run(pair_with(good_video(480.040)), changzhou()), "duration.max") ==
        std::vector<std::string>{clean_name});
}

TEST_CASE("checks: video.resolution, anamorphic 1440x1080 is not 1920x1080")
{
  MediaFacts f = good_video();
  f.video->width = 1440;
  f.video->sar = {4, 3};
  const auto findings = run(pair_with(f), changzhou());
  CHECK(paths_of(findings, "video.resolution") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.aspect-ratio").empty()); // it shows as 16:9
}

TEST_CASE("checks: video.frame-rate 29.97 is not 25; variable timing warns")
{
  MediaFacts f = good_video();
  f.video->frame_rate = {30000, 1001};
  f.video->constant_frame_rate = false;
  const auto findings = run(pair_with(f), changzhou());
  CHECK(paths_of(findings, "video.frame-rate") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.variable-frame-rate") == std::vector<std::string>{clean_name});
}

TEST_CASE("checks: video.scan interlaced where 25P is required")
{
  MediaFacts f = good_video();
  f.video->scan = "tff";
  const auto findings = run(pair_with(f), changzhou());
  REQUIRE(paths_of(findings, "video.scan") == std::vector<std::string>{clean_name});
  for (const auto& x : findings)
    if (x.check == "video.scan")
      CHECK(x.hint.en.find("bwdif") != std::string::npos);
}

TEST_CASE("checks: video.bitrate outside the accepted range")
{
  MediaFacts low = good_video();
  low.video->bitrate_measured = 2500000;
  CHECK(paths_of(run(pair_with(low), changzhou()), "video.bitrate") ==
        std::vector<std::string>{clean_name});
  MediaFacts ok = good_video();
  ok.video->bitrate_measured = 9030000; // a short CBR 8M clip measures above 8M
  CHECK(paths_of(run(pair_with(ok), changzhou()), "video.bitrate").empty());
}

namespace {

// The severity of a video.bitrate finding on the clean version measuring `bits`; nullopt: none.
std::optional<Severity> bitrate_severity(int64_t bits)
{
  MediaFacts f = good_video();
  f.video->bitrate_measured = bits;
  for (const auto& x : run(pair_with(f), changzhou()))
    if (x.check == "video.bitrate")
      return x.severity;
  return std::nullopt;
}

} // namespace

TEST_CASE("checks: video.bitrate under 8Mbps is an error, far over it a warning")
{
  CHECK(bitrate_severity(6790000) == Severity::error);
  CHECK_FALSE(bitrate_severity(6800000)); // the target less the measurement tolerance
  CHECK_FALSE(bitrate_severity(12000000));
  CHECK(bitrate_severity(12010000) == Severity::warning); // +50%
  CHECK(bitrate_severity(40000000) == Severity::warning); // a phone original

  MediaFacts low = good_video();
  low.video->bitrate_measured = 3000000;
  MediaFacts high = good_video();
  high.video->bitrate_measured = 20000000;
  for (const auto& x : run(pair_with(low), changzhou()))
    if (x.check == "video.bitrate") {
      CHECK(x.expected.zh == "≥ 6.80 Mbps");
      CHECK(x.message.zh.find("低于要求的 8.00 Mbps") != std::string::npos);
      CHECK(x.message.en.find("worse than asked") != std::string::npos);
    }
  for (const auto& x : run(pair_with(high), changzhou()))
    if (x.check == "video.bitrate") {
      CHECK(x.expected.zh == "≤ 12.00 Mbps");
      CHECK(x.message.zh.find("远高于要求的 8.00 Mbps") != std::string::npos);
      CHECK(x.source == "微视频报送mp4（1080/25P/8Mbps）格式");
      CHECK(x.hint.en.find("-b:v 8000k") != std::string::npos);
    }
}

TEST_CASE("checks: a rotated 1920x1080 phone clip is not 16:9 as shown")
{
  MediaFacts f = good_video();
  f.video->rotation = 90;
  f.video->display_width = 1080;
  f.video->display_height = 1920;
  const auto findings = run(pair_with(f), changzhou());
  CHECK(paths_of(findings, "video.aspect-ratio") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.resolution").empty()); // stored 1920x1080
}

TEST_CASE("checks: container.format of a QuickTime file named .mp4")
{
  MediaFacts f = good_video();
  f.container->format = "mov";
  f.container->brand = "qt";
  CHECK(paths_of(run(pair_with(f), changzhou()), "container.format") ==
        std::vector<std::string>{clean_name});
}

TEST_CASE("checks: media.truncated and media.unreadable")
{
  MediaFacts cut = good_video();
  cut.truncated = true;
  CHECK(paths_of(run(pair_with(cut), changzhou()), "media.truncated") ==
        std::vector<std::string>{clean_name});
  MediaFacts bad;
  bad.size = 100;
  bad.error = ProbeError{"not-media", ""};
  const auto findings = run(pair_with(bad), changzhou());
  CHECK(paths_of(findings, "media.unreadable") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.resolution").empty());
}

TEST_CASE("checks: subtitles.pair-missing")
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"奋斗者之歌"});
  b.file(sub_name, good_video());
  CHECK(paths_of(run(b, changzhou()), "subtitles.pair-missing") ==
        std::vector<std::string>{sub_name});
}

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

TEST_CASE("checks: file.empty and file.fat32-limit")
{
  TreeBuilder b = pair_with(good_video());
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", {}, 0);
  MediaFacts huge = good_video();
  huge.size = int64_t(5) << 30;
  b.file("作品/初心-微视频-钟楼区委组织部（无字幕）.mp4", huge);
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "file.empty") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（有字幕）.mp4"});
  CHECK(paths_of(findings, "file.fat32-limit") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部（无字幕）.mp4"});
}

TEST_CASE("checks: work.count, work.category-count, work.episodes, work.age")
{
  TreeBuilder b;
  std::vector<std::string> titles;
  for (int i = 1; i <= 11; ++i)
    titles.push_back("作品" + std::to_string(i));
  b.changzhou_layout(unit, titles);
  for (const auto& t : titles) {
    b.file("作品/" + t + "-微视频-" + unit + "（有字幕）.mp4", good_video());
    b.file("作品/" + t + "-微视频-" + unit + "（无字幕）.mp4", good_video());
  }
  for (int i = 1; i <= 3; ++i)
    b.file("作品/新媒体" + std::to_string(i) + "-新媒体作品-" + unit + ".jpg");
  for (int e = 1; e <= 3; ++e)
    b.file("作品/系列（第" + std::to_string(e) + "集）-纪录片-" + unit + ".mp4", good_video(700));
  MediaFacts old = good_video();
  old.container->creation_time = "2019-05-01T10:00:00.000000Z";
  b.file("作品/旧片-纪录片-" + unit + ".mp4", old);
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "work.count").size() == 1);
  CHECK(paths_of(findings, "work.category-count").size() == 1);
  CHECK(paths_of(findings, "work.episodes") ==
        std::vector<std::string>{"作品/系列（第1集）-纪录片-钟楼区委组织部.mp4"});
  CHECK(paths_of(findings, "work.age") ==
        std::vector<std::string>{"作品/旧片-纪录片-钟楼区委组织部.mp4"});
}

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

TEST_CASE("checks: manual items carry their source sentence")
{
  const auto findings = run(pair_with(good_video()), changzhou());
  int manual = 0;
  for (const auto& f : findings)
    if (f.check.starts_with("manual.")) {
      ++manual;
      CHECK_FALSE(f.source.empty());
    }
  CHECK(manual >= 5);
}

TEST_CASE("checks: 典型事迹片 must last at least 10 minutes")
{
  TreeBuilder b;
  b.changzhou_layout(unit, {"先锋"});
  b.file("作品/先锋-典型事迹片-钟楼区委组织部.mp4", good_video(599.9));
  CHECK(paths_of(run(b, changzhou()), "duration.min") ==
        std::vector<std::string>{"作品/先锋-典型事迹片-钟楼区委组织部.mp4"});
}
