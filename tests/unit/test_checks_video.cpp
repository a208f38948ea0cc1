// video.*: checks/video.cpp on hand-built facts: the stream against the notice (resolution,
// frame rate, scan, bit rate, shape), the deep analysis (black, idet) and the baselines.
#include <doctest/doctest.h>

#include <algorithm>

#include "check_builder.hpp"

using namespace test;

namespace {

const std::string& clean_name = changzhou_clean;

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
  f.video->avg_frame_rate = {30000, 1001};
  f.video->constant_frame_rate = false;
  const auto findings = run(pair_with(f), changzhou());
  CHECK(paths_of(findings, "video.frame-rate") == std::vector<std::string>{clean_name});
  CHECK(paths_of(findings, "video.variable-frame-rate") == std::vector<std::string>{clean_name});
}

TEST_CASE("checks: video.frame-rate of variable timing is the average, not the header's")
{
  MediaFacts f = good_video(); // 25 fps in the header
  f.video->constant_frame_rate = false;
  f.video->avg_frame_rate = {18919, 1000}; // a third of the frames gone after the first second
  auto findings = run(pair_with(f), changzhou());
  REQUIRE(paths_of(findings, "video.frame-rate") == std::vector<std::string>{clean_name});
  for (const Finding& x : findings)
    if (x.check == "video.frame-rate")
      CHECK(x.actual.zh == "平均 18.919 fps（文件头标称 25 fps）");
  CHECK(paths_of(findings, "video.variable-frame-rate") == std::vector<std::string>{clean_name});

  SUBCASE("a few frames dropped do not make a 25 fps video another rate")
  {
    f.video->avg_frame_rate = {2495, 100};
    CHECK(paths_of(run(pair_with(f), changzhou()), "video.frame-rate").empty());
  }
  SUBCASE("constant timing: the header's rate is the rate")
  {
    f.video->constant_frame_rate = true;
    CHECK(paths_of(run(pair_with(f), changzhou()), "video.frame-rate").empty());
  }
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
      CHECK(x.hint.en.find("-b:v 8000k -minrate 8000k -maxrate 8000k -bufsize 8000k -x264-params "
                           "nal-hrd=cbr") != std::string::npos);
      CHECK(x.hint.en.starts_with("mpcheck fix \"") == false); // the advice first, then the command
      CHECK(x.hint.en.find("mpcheck fix ") < x.hint.en.find("ffmpeg -i"));
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

TEST_CASE("checks (liaoning): video.orientation counts the rotation")
{
  MediaFacts f = good_video();
  f.video->rotation = 90;
  f.video->display_width = 1080;
  f.video->display_height = 1920;
  TreeBuilder b;
  b.file("竖屏.mp4", f);
  const auto findings = run(b, liaoning(), {Date{2023, 6, 10}, "", false});
  CHECK(paths_of(findings, "video.orientation") == std::vector<std::string>{"竖屏.mp4"});
  CHECK(paths_of(findings, "video.resolution").empty()); // stored as 1920x1080
}

TEST_CASE("checks (deep): video.black at 2 s, at either end, or all black")
{
  MediaFacts f = analysed();
  f.deep->black_lead_s = 1.96;
  CHECK(paths_of(one_file(f), "video.black").empty());
  f.deep->black_lead_s = 2.0;
  CHECK(paths_of(one_file(f), "video.black") == the_file);
  f.deep->black_lead_s = 0;
  f.deep->black_tail_s = 3;
  const auto tail = one_file(f);
  REQUIRE(paths_of(tail, "video.black") == the_file);
  CHECK(tail[0].message.en.find("3.0 s of black at the end") != std::string::npos);
  CHECK(tail[0].hint.en.find("-to 177.00") != std::string::npos);
  f.deep->black_tail_s = 0;
  f.deep->all_black = true;
  CHECK(paths_of(one_file(f), "video.black") == the_file);
}

TEST_CASE("checks (deep): video.scan from the pictures, with the flag")
{
  // Changzhou wants 25P.
  const std::string path = "作品/初心-微视频-钟楼区委组织部（有字幕）.mp4";
  auto scan_findings = [&](const MediaFacts& f) {
    TreeBuilder b;
    b.file(path, f);
    std::vector<Finding> out;
    for (auto& finding : run(b, changzhou()))
      if (finding.check == "video.scan")
        out.push_back(finding);
    return out;
  };
  MediaFacts f = analysed();
  CHECK(scan_findings(f).empty());
  f.deep->scan_content = "interlaced";
  const auto content = scan_findings(f);
  REQUIRE(content.size() == 1);
  CHECK(content[0].actual.en == "interlaced pictures flagged progressive");
  CHECK(content[0].hint.en.find("bwdif") != std::string::npos);
  // Flagged interlaced, progressive pictures: still an error (players deinterlace by the
  // flag), said plainly, and the fix does not deinterlace.
  f.video->scan = "tff";
  f.deep->scan_content = "progressive";
  const auto flagged = scan_findings(f);
  REQUIRE(flagged.size() == 1);
  CHECK(flagged[0].message.en.find("only the export flagged them") != std::string::npos);
  CHECK(flagged[0].hint.en.find("bwdif") == std::string::npos);
  f.deep->scan_content = "unknown";
  REQUIRE(scan_findings(f).size() == 1);
  CHECK(scan_findings(f)[0].hint.en.find("bwdif") != std::string::npos);
}

TEST_CASE("checks (deep): video.scan says idet's counts and the dominant order")
{
  TreeBuilder b;
  MediaFacts f = analysed();
  f.deep->scan_content = "interlaced";
  f.deep->idet_tff = 58;
  f.deep->idet_bff = 2;
  f.deep->idet_progressive = 4;
  b.file("作品/初心-微视频-钟楼区委组织部（有字幕）.mp4", f);
  const auto findings = run(b, changzhou());
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& x) { return x.check == "video.scan"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.en.find("top field first 58, bottom field first 2, progressive 4; 97% top "
                            "field first") != std::string::npos);
  CHECK(it->message.zh.find("顶场优先占 97%") != std::string::npos);
}

TEST_CASE("checks (deep): video.black leaves out the missing end of a truncated file")
{
  MediaFacts f = analysed();
  f.deep->black_tail_s = 60;
  f.truncated = true;
  CHECK(paths_of(one_file(f), "video.black").empty());
  f.deep->black_lead_s = 3; // the start is there: still reported, the end is not mentioned
  const auto findings = one_file(f);
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [](const Finding& x) { return x.check == "video.black"; });
  REQUIRE(it != findings.end());
  CHECK(it->message.en.find("at the end") == std::string::npos);
}

TEST_CASE("checks (baseline): HDR, 10-bit, variable timing under any notice")
{
  MediaFacts f = analysed();
  for (const char* id : {"video.hdr", "video.bit-depth", "video.variable-frame-rate"})
    CHECK(baseline(f, id).empty());
  // The rule set's severity map switches a baseline off.
  const rules::RuleSet strict = rules::load_rules_text(
      "id: strict\ntitle: strict\nseverity:\n  audio.silent: error\n  video.hdr: off\n",
      "strict.yaml");
  // HLG 10-bit, as an Android phone records it.
  MediaFacts hlg = analysed();
  hlg.video->color_primaries = "bt2020";
  hlg.video->color_transfer = "arib-std-b67";
  hlg.video->color_matrix = "bt2020nc";
  hlg.video->bit_depth = 10;
  hlg.video->pix_fmt = "yuv420p10le";
  auto found = baseline(hlg, "video.hdr");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].actual.en == "HLG high dynamic range (bt2020/arib-std-b67)");
  CHECK(found[0].hint.en.find("tonemap") != std::string::npos);
  CHECK(baseline(hlg, "video.hdr", strict).empty());
  found = baseline(hlg, "video.bit-depth");
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual.en == "10-bit (yuv420p10le)");
  // BT.2020 without an HDR transfer is wide gamut; BT.709 is nothing.
  MediaFacts wide = analysed();
  wide.video->color_primaries = "bt2020";
  wide.video->color_transfer = "bt2020-10";
  found = baseline(wide, "video.hdr");
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual.en.find("wide gamut") != std::string::npos);
  wide.video->color_primaries = wide.video->color_transfer = "bt709";
  CHECK(baseline(wide, "video.hdr").empty());
  // Variable timing where the notice sets no frame rate (Liaoning): still a warning.
  MediaFacts vfr = analysed();
  vfr.video->constant_frame_rate = false;
  vfr.video->frame_duration_min_s = 0.016;
  vfr.video->frame_duration_max_s = 0.050;
  found = baseline(vfr, "video.variable-frame-rate", liaoning());
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == Severity::warning);
  CHECK(found[0].expected.en == "constant frame rate");
  // A phone's millisecond of jitter is not variable timing.
  vfr.video->frame_duration_min_s = 0.033;
  vfr.video->frame_duration_max_s = 0.034;
  CHECK(baseline(vfr, "video.variable-frame-rate", liaoning()).empty());
}

TEST_CASE("checks: video.missing for a work of pictures or sound only, as its category's kinds say")
{
  MediaFacts photo;
  photo.kind = "image";
  photo.image = ImageFacts{};
  photo.image->format = "jpeg";
  MediaFacts sound;
  sound.kind = "audio";
  sound.audio.push_back(AudioFacts{0, "aac", 2, 48000, 128000, ""});
  TreeBuilder b;
  b.changzhou_layout(changzhou_unit, {"初心", "初心2", "奋斗者之歌"});
  b.file("作品/初心-微视频-钟楼区委组织部.jpg", photo);
  b.file("作品/初心2-微视频-钟楼区委组织部.m4a", sound);
  // A work with its video keeps its picture: no video.missing (the video is there).
  b.file("作品/奋斗者之歌-微视频-钟楼区委组织部（有字幕）.mp4", good_video());
  b.file("作品/奋斗者之歌-微视频-钟楼区委组织部（无字幕）.mp4", good_video());
  b.file("作品/奋斗者之歌-微视频-钟楼区委组织部.jpg", photo);
  // A new-media work is pictures (kinds: [image, video, audio]).
  b.file("作品/微光-新媒体作品-钟楼区委组织部（二维码）.jpg", photo);
  const auto findings = run(b, changzhou());
  CHECK(paths_of(findings, "video.missing") ==
        std::vector<std::string>{"作品/初心-微视频-钟楼区委组织部.jpg",
                                 "作品/初心2-微视频-钟楼区委组织部.m4a"});
  for (const auto& f : findings) {
    if (f.check != "video.missing")
      continue;
    CHECK(f.severity == Severity::error);
    const bool picture = f.path.ends_with(".jpg");
    CHECK(f.actual.zh == (picture ? "图片（JPEG）" : "只有声音"));
    CHECK(f.actual.en == (picture ? "a picture (JPEG)" : "sound only"));
    CHECK(f.message.zh ==
          (picture ? "这个文件是一张图片，不是视频" : "这个文件只有声音，没有视频画面"));
  }
  // Liaoning (no naming): the picture is its own work, of kinds [video].
  TreeBuilder ln;
  ln.file("讲课.jpg", photo);
  CHECK(paths_of(run(ln, liaoning(), as_of(Date{2023, 6, 10})), "video.missing") ==
        std::vector<std::string>{"讲课.jpg"});
}

TEST_CASE(
    "checks: sound only is an audio work where the category takes sound (kinds: [video, audio])")
{
  static const rules::RuleSet branch = rules::load_rules("branch-everyone");
  MediaFacts sound;
  sound.kind = "audio";
  sound.container = ContainerFacts{};
  sound.container->format = "mp4";
  sound.audio.push_back(AudioFacts{0, "aac", 2, 48000, 128000, ""});
  MediaFacts photo;
  photo.kind = "image";
  photo.image = ImageFacts{};
  TreeBuilder b;
  b.file("讲课录音.mp4", sound).file("讲课录音.m4a", sound).file("讲课照片.jpg", photo);
  const auto findings = run(b, branch);
  CHECK(paths_of(findings, "video.missing") == std::vector<std::string>{"讲课照片.jpg"});
  for (const auto& f : findings)
    if (f.check == "video.missing")
      CHECK(f.hint.zh.find("视频或音频") != std::string::npos);
  // Under a notice of videos only, the .mp4 of sound is video.missing.
  TreeBuilder ln;
  ln.file("讲课录音.mp4", sound);
  CHECK(paths_of(run(ln, liaoning(), as_of(Date{2023, 6, 10})), "video.missing") ==
        std::vector<std::string>{"讲课录音.mp4"});
}
